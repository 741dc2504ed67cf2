/**
 * Test double: a recording resource monitor, for the offline plan, the tests and the bench: the SDK's own MockMonitor, extended to keep every
 * registration request as Pulumi sent it, with its resource options and its raw serialized inputs
 * (where secret and unknown values still carry their markers).
 *
 * `MockResourceArgs` (what `setMocks` hands to a mock) carries no resource options, so the
 * options are read from the request itself. This relies on @pulumi/pulumi's MockMonitor and
 * protobuf request getters, which is why the lockfile pins the SDK version tests and the plan run against.
 *
 * What it models: the engine's side of registrations, reads and invokes as `pulumi preview` (or, with `ids:
 * "fake"`, the SDK's mocks) would answer them: ids, outputs from inputs, unknowns where preview has them, and
 * secret markers kept on the wire. What it doesn't: any provider's behaviour (no diff, no replace, no Azure
 * defaults or errors), the engine's checks of dependencies and options, or state across runs.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- MockMonitor's methods take the SDK's untyped gRPC requests */
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
// Pulumi's wire markers, from the SDK that serializes them.
import {
    specialSecretSig as SECRET_SIG,
    specialSigKey as SPECIAL_SIG,
    unknownValue as UNKNOWN,
} from "@pulumi/pulumi/runtime/rpc";
// getStore is marked internal (absent from the SDK's .d.ts), but it is where setMocks keeps its feature flags.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getStore } = require("@pulumi/pulumi/runtime/state") as { getStore(): Record<string, unknown> };

/** One registration, as the engine would have received it. */
export interface Registration {
    readonly type: string;
    readonly name: string;
    readonly custom: boolean;
    /** URN of the parent ("" for none). */
    readonly parent: string;
    readonly urn: string;
    readonly replaceOnChanges: readonly string[];
    readonly deleteBeforeReplace: boolean;
    readonly additionalSecretOutputs: readonly string[];
    readonly protect: boolean | undefined;
    readonly retainOnDelete: boolean | undefined;
    readonly ignoreChanges: readonly string[];
    /** The `import` option: the ARM id of an existing resource to adopt ("" for none). */
    readonly importId: string;
    /** The serialized inputs, secret and unknown markers included. */
    readonly raw: Record<string, unknown>;
    /** The inputs with secret markers replaced by their values (unknowns stay UNKNOWN). */
    readonly inputs: Record<string, unknown>;
    /** Dotted paths of every secret value in the inputs. */
    readonly secretPaths: readonly string[];
    /** Dotted paths of every unknown value in the inputs. */
    readonly unknownPaths: readonly string[];
}

export { UNKNOWN };

function isSecretMarker(v: unknown): v is { value: unknown } {
    return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SPECIAL_SIG] === SECRET_SIG;
}

function walk(value: unknown, path: string, secrets: string[], unknowns: string[]): unknown {
    if (isSecretMarker(value)) {
        secrets.push(path);
        return walk(value.value, path, [], unknowns);
    }
    if (value === UNKNOWN) {
        unknowns.push(path);
        return UNKNOWN;
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`, secrets, unknowns));
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k, walk(v, path ? `${path}.${k}` : k, secrets, unknowns)]),
        );
    }
    return value;
}

/** Serialized inputs read back: the values with secret markers taken off, and the paths of secrets and unknowns. */
export function decodeWire(raw: Record<string, unknown>): {
    inputs: Record<string, unknown>;
    secretPaths: string[];
    unknownPaths: string[];
} {
    const secretPaths: string[] = [];
    const unknownPaths: string[] = [];
    const inputs = walk(raw, "", secretPaths, unknownPaths) as Record<string, unknown>;
    return { inputs, secretPaths, unknownPaths };
}

/** What the mock provider returns for an invoke (a function such as getCompute). */
export type CallFn = (args: pulumi.runtime.MockCallArgs) => Record<string, unknown>;

/** What the mock provider returns as a resource's state: its inputs, plus what Azure would report. */
export type StateFn = (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown>;

/**
 * The Azure name of a resource from its inputs, as Azure would report it: azure-native takes a resource's
 * name as `<type>Name` (`workspaceName`, `resourceGroupName`, `vaultName`), or `accountName` / `resourceName`
 * for some types; without one, the logical name stands in (azure-native would add a random suffix).
 */
function azureName(args: pulumi.runtime.MockResourceArgs): unknown {
    const typeName = args.type.split(":").pop() ?? "";
    const own = `${typeName.charAt(0).toLowerCase()}${typeName.slice(1)}Name`;
    for (const key of [own, "accountName", "resourceName"]) {
        if (typeof args.inputs[key] === "string") return args.inputs[key];
    }
    return args.name;
}

/** What the mock provider returns as a resource's state: its inputs, plus what Azure would report. */
export const defaultState: StateFn = (args) =>
    args.type === "azure-native:machinelearningservices:Compute"
        ? {
              ...args.inputs,
              name: args.inputs.computeName ?? args.name,
              properties: { ...(args.inputs.properties ?? {}), provisioningState: "Succeeded" },
          }
        : { ...args.inputs, name: azureName(args) };

/**
 * What `pulumi preview` knows of a resource the program creates: no id yet, and of its outputs only what its
 * inputs fix (its inputs, and its Azure name when an input gives it); every other output is unknown. A resource
 * the program reads (`Resource.get`) keeps the id it was read with.
 */
export const previewState: StateFn = (args) => {
    const name = azureName(args);
    return name === args.name ? { ...args.inputs } : { ...args.inputs, name };
};

/** How resource ids are made: `fake` gives every resource `<name>-id` (the SDK's mocks); `preview` as `pulumi preview` has them. */
export type IdMode = "fake" | "preview";

/** A MockMonitor that records each registration with its options. */
export class RecordingMonitor extends MockMonitor {
    readonly registrations: Registration[] = [];

    constructor(state: StateFn = defaultState, call: CallFn = (args) => args.inputs, ids: IdMode = "fake") {
        super({
            newResource: (args) => ({
                id: ids === "fake" ? `${args.name}-id` : args.id || undefined,
                state: state(args),
            }),
            call,
        });
    }

    override async registerResource(req: any, callback: (err: any, response: any) => void): Promise<void> {
        const raw = req.getObject()?.toJavaScript() ?? {};
        const { inputs, secretPaths: secrets, unknownPaths: unknowns } = decodeWire(raw);
        const type: string = req.getType();
        const name: string = req.getName();
        const parent: string = req.getParent();
        this.registrations.push({
            type,
            name,
            custom: req.getCustom(),
            parent,
            urn: (this as unknown as { newUrn(p: string, t: string, n: string): string }).newUrn(parent, type, name),
            replaceOnChanges: req.getReplaceonchangesList(),
            deleteBeforeReplace: req.getDeletebeforereplace(),
            additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
            protect: req.getProtect(),
            retainOnDelete: req.getRetainondelete(),
            ignoreChanges: req.getIgnorechangesList(),
            importId: req.getImportid(),
            raw,
            inputs,
            secretPaths: secrets,
            unknownPaths: unknowns,
        });
        return super.registerResource(req, callback);
    }

    /** The outputs a component registered with registerOutputs, serialized as the engine gets them. */
    outputsOf(urn: string): Record<string, unknown> | undefined {
        return this.outputs.get(urn);
    }

    readonly outputs = new Map<string, Record<string, unknown>>();

    override registerResourceOutputs(req: any, callback: (err: any, response: any) => void): void {
        this.outputs.set(req.getUrn(), req.getOutputs()?.toJavaScript() ?? {});
        return super.registerResourceOutputs(req, callback);
    }

    /** Every registration of one type. */
    ofType(type: string): Registration[] {
        return this.registrations.filter((r) => r.type === type);
    }

    /** The one registration of a type; fails when there are none or several. */
    only(type: string): Registration {
        const found = this.ofType(type);
        if (found.length !== 1) {
            throw new Error(
                `expected exactly one ${type} registration, found ${found.length}: ${found.map((r) => r.name).join(", ")}`,
            );
        }
        return found[0];
    }
}

/** Installs a fresh recording monitor as the Pulumi runtime's monitor. */
export async function recordRegistrations(
    options: { preview?: boolean; project?: string; stack?: string; state?: StateFn; call?: CallFn; ids?: IdMode } = {},
): Promise<RecordingMonitor> {
    const monitor = new RecordingMonitor(options.state, options.call, options.ids);
    pulumi.runtime.setMockOptions(
        monitor,
        options.project ?? "azureml-compute",
        options.stack ?? "test",
        options.preview ?? false,
    );
    // What setMocks turns on after its own setMockOptions (which resets these flags): secrets, resource
    // references, ...; without them the runtime would strip secret markers before the monitor sees them.
    const store = getStore();
    store.supportsSecrets = true;
    store.supportsResourceReferences = true;
    store.supportsOutputValues = false;
    store.supportsDeletedWith = true;
    store.supportsAliasSpecs = true;
    return monitor;
}

// leakedPromises is internal to the SDK: it hands back (and forgets) the promises still pending, which a
// program run under mocks always leaves (outputs nobody awaits, registrations that failed); without this
// the SDK's exit-time leak check would count them and fail the process.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { leakedPromises } = require("@pulumi/pulumi/runtime/debuggable") as { leakedPromises(): unknown };

/** Forgets the promises a mock run left pending, so the SDK's exit-time leak check does not count them. */
export function forgetPendingPromises(): void {
    leakedPromises();
}
