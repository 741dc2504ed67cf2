/**
 * What the offline plan answers when a program calls an invoke (a function such as `getClientConfig`): there
 * is no Azure to ask, so the invokes a compute program typically calls get well-formed placeholder values,
 * which the report marks wherever they end up; results the user gives (`--invoke-results FILE`) come first;
 * any other invoke fails the run with a message that says how to give it an answer.
 */
import * as fs from "node:fs";
import type * as pulumi from "@pulumi/pulumi";
import { computeArmId, workspaceArmId } from "../components/core/azure/resourceIds";
import { isPlainObject } from "../components/core/validation/validate";
import { UsageError } from "./args";
import { CallFn } from "../monitor/recordingMonitor";

/** Every placeholder GUID starts like this, so the report can find them in a payload. */
const PLACEHOLDER_GUID_PREFIX = "0000c0de-0000-4000-8000-";
/** The subscription of placeholder resource ids. */
export const PLACEHOLDER_SUBSCRIPTION = `${PLACEHOLDER_GUID_PREFIX}00000000005b`;
/** The region a placeholder workspace reports: well-formed, and no real region, so the report can find it. */
const PLACEHOLDER_REGION = "placeholderregion";

const guid = (n: number) => `${PLACEHOLDER_GUID_PREFIX}${n.toString(16).padStart(12, "0")}`;

/** Placeholder answers of the invokes a compute program typically calls. */
const PLACEHOLDERS: Readonly<Record<string, (args: Record<string, unknown>) => Record<string, unknown>>> = {
    "azure-native:authorization:getClientConfig": () => ({
        clientId: guid(1),
        objectId: guid(2),
        subscriptionId: PLACEHOLDER_SUBSCRIPTION,
        tenantId: guid(3),
    }),
    "azure-native:machinelearningservices:getCompute": (args) => ({
        id: computeArmId(
            PLACEHOLDER_SUBSCRIPTION,
            String(args.resourceGroupName),
            String(args.workspaceName),
            String(args.computeName),
        ),
        name: args.computeName,
        properties: { computeType: "AmlCompute", provisioningState: "Succeeded" },
    }),
    "azure-native:machinelearningservices:getWorkspace": (args) => ({
        id: workspaceArmId(PLACEHOLDER_SUBSCRIPTION, String(args.resourceGroupName), String(args.workspaceName)),
        name: args.workspaceName,
        location: PLACEHOLDER_REGION,
    }),
};

/** One invoke the program called, and where its answer came from. */
export interface InvokeCall {
    readonly token: string;
    readonly answer: "placeholder" | "given";
}

/** The plan's invoke answers, and the calls made so far. */
export interface PlanInvokes {
    readonly call: CallFn;
    readonly calls: InvokeCall[];
}

/** Reads `--invoke-results FILE`: a JSON map from invoke token to the result the program should get. */
export function readInvokeResults(file: string | undefined): Readonly<Record<string, Record<string, unknown>>> {
    if (file === undefined) return {};
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new UsageError(`--invoke-results ${file}: ${(e as Error).message.split("\n")[0]}`);
    }
    if (!isPlainObject(parsed) || !Object.values(parsed).every(isPlainObject)) {
        throw new UsageError(
            `--invoke-results ${file}: expected a JSON object from invoke token to result object, e.g. {"azure-native:network:getSubnet": {"id": "..."}}`,
        );
    }
    return parsed as Record<string, Record<string, unknown>>;
}

export function planInvokes(given: Readonly<Record<string, Record<string, unknown>>>): PlanInvokes {
    const calls: InvokeCall[] = [];
    const call: CallFn = (args: pulumi.runtime.MockCallArgs) => {
        const result = given[args.token];
        if (result !== undefined) {
            calls.push({ token: args.token, answer: "given" });
            return result;
        }
        const placeholder = PLACEHOLDERS[args.token];
        if (placeholder !== undefined) {
            calls.push({ token: args.token, answer: "placeholder" });
            return placeholder(args.inputs);
        }
        const message =
            `the offline plan can't answer the invoke ${args.token} (there is no Azure to ask): give its result with --invoke-results FILE, ` +
            `a JSON file such as {${JSON.stringify(args.token)}: { ... }}, or run pulumi preview`;
        // The SDK turns a failed invoke into a new Error made of the gRPC error's `details`.
        throw Object.assign(new Error(message), { details: message });
    };
    return { call, calls };
}

/** Whether a value (a GUID, a resource id) holds a placeholder the plan made up. */
export function isPlaceholder(value: unknown): boolean {
    return typeof value === "string" && (value.includes(PLACEHOLDER_GUID_PREFIX) || value === PLACEHOLDER_REGION);
}
