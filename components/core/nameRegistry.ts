/**
 * Compute names are unique in a workspace: two components of one program that claim the same name in
 * the same workspace would fight over one Azure compute. Azure would only say so minutes into
 * `pulumi up`; the registry says so in the constructor of the second component.
 */
import * as pulumi from "@pulumi/pulumi";
import { ComputeValidationError, issue } from "./errors";

/** One registry per deployment: keyed by the runtime's resource monitor (each test's mock monitor is a new one). */
const registries = new WeakMap<object, Map<string, string>>();
const noMonitor = {};

function registry(): Map<string, string> {
    const monitor: object = pulumi.runtime.getMonitor() ?? noMonitor;
    let names = registries.get(monitor);
    if (!names) {
        names = new Map();
        registries.set(monitor, names);
    }
    return names;
}

/**
 * Records that `subject` uses `computeName` in `workspace`; throws if another component already does.
 * Only plain strings can be compared: a name or workspace that is an Output is not checked.
 */
export function claimComputeName(subject: string, workspace: unknown, computeName: unknown): void {
    const ws = workspace as { workspaceName?: unknown; resourceGroupName?: unknown } | undefined;
    if (typeof computeName !== "string" || typeof ws?.workspaceName !== "string" || typeof ws.resourceGroupName !== "string") {
        return;
    }
    // Azure resource names and groups compare case-insensitively.
    const key = [ws.resourceGroupName, ws.workspaceName, computeName].map((s) => s.toLowerCase()).join("/");
    const names = registry();
    const owner = names.get(key);
    if (owner !== undefined) {
        throw new ComputeValidationError(subject, [
            issue(
                "computeName",
                `${JSON.stringify(computeName)} is already used by ${owner} in workspace ${ws.resourceGroupName}/${ws.workspaceName}; compute names must be unique in a workspace`,
            ),
        ]);
    }
    names.set(key, subject);
}
