/**
 * Public API (`readStackConfig`, exported from the package): a stack's compute, read from its config: under the
 * project namespace, `workspace` and one map per component kind from compute name to that component's args
 * (without `workspace` and `computeName`). The stack program (`declareStack.ts`), the offline plan (through that
 * program) and adopt read config here.
 *
 * Each entry is checked once, by the components' own check (`checkComputeArgs`, core/pulumi/component.ts), all entries
 * before any component is constructed; each problem names the config key and the path inside it
 * (`azureml-compute:computeClusters.gpu-train.maxNodes: must be at least minNodes (4)`). The stack program hands
 * each entry's check to its component, which does not check again.
 */
import * as pulumi from "@pulumi/pulumi";
import { COMPONENT_REGISTRY } from "../registry";
import {
    AnyComponentClass,
    AnyComputeKind,
    BaseComputeArgs,
    checkComputeArgs,
    CheckedCompute,
    ComputeOutputs,
    PACKAGE,
} from "../core/pulumi/component";
import { ComputeValidationError, issue, ValidationIssue } from "../core/validation/errors";
import { secretArgPaths } from "../core/pulumi/fieldMap";
import { describeType, fromZodIssues } from "../core/validation/schema";
import { isUnder, joinPath } from "../core/validation/paths";
import { unknownFieldMessage } from "../core/validation/suggest";
import { isPlainObject, KEPT_BY_AZURE, replaceAt, splitDeferred } from "../core/validation/validate";
import { WorkspaceRef, workspaceSchema } from "../core/azure/workspace";

/** The config namespace the program reads: the project name. */
export const CONFIG_NAMESPACE = PACKAGE;

/** One kind of compute that a stack's config can declare. */
export interface StackKind {
    /** The config key under the namespace, e.g. `computeClusters`. */
    readonly key: string;
    readonly kind: AnyComputeKind;
    /** Arg paths that hold secrets: wrapped as Pulumi secrets as they are read. */
    readonly secrets: readonly string[];
    readonly construct: (
        name: string,
        args: StackEntry["args"],
        opts?: pulumi.ComponentResourceOptions,
    ) => pulumi.Resource & StackComputeOutputs;
}

/** What the stack program exports of each compute: the outputs every component has, but the child itself. */
export type StackComputeOutputs = Pick<ComputeOutputs, "computeId" | "computeName" | "provisioningState">;

/** A stack kind for a component class: its secrets come from the kind's own field map. */
function stackKind(key: string, kind: AnyComputeKind, Component: AnyComponentClass): StackKind {
    return {
        key,
        kind,
        secrets: secretArgPaths(kind.fieldMap),
        construct: (name, args, opts) => new Component(name, args, opts),
    };
}

/** Every kind of compute a stack can declare, by config key (the registry's order). */
export const STACK_KINDS: readonly StackKind[] = COMPONENT_REGISTRY.map((c) =>
    stackKind(c.stackKey, c.kind, c.Component),
);

/** The config keys the program reads (everything else in the namespace is a mistake). */
export const STACK_CONFIG_KEYS: readonly string[] = ["workspace", ...STACK_KINDS.map((k) => k.key)];

/** One compute declared in config. */
export interface StackEntry {
    readonly kind: StackKind;
    /** The compute name: the entry's key in its map, also the component's resource name. */
    readonly name: string;
    /** The component's args: the entry with the stack's workspace and its name added, secrets wrapped. */
    readonly args: BaseComputeArgs & Record<string, unknown>;
}

/** Config values are strings; objects arrive as JSON text. */
function parseValue(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

/** Wraps the values at `paths` (`admin.password`) as Pulumi secrets, leaving everything else plain. */
function wrapSecrets(args: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
    let result: unknown = args;
    for (const path of paths) {
        const segments = path.split(".");
        let value: unknown = result;
        for (const s of segments) value = isPlainObject(value) ? value[s] : undefined;
        // A value kept by Azure is no secret: it is the marker, never sent.
        if (value !== undefined && value !== KEPT_BY_AZURE) result = replaceAt(result, segments, pulumi.secret(value));
    }
    return result as Record<string, unknown>;
}

/**
 * Reads and checks a stack's compute from config values (`<namespace>:<key>` -> value text, as
 * `pulumi.runtime.allConfig()` gives them). Throws one ComputeValidationError with every problem.
 */
export function readStackConfig(config: Readonly<Record<string, string>>, subject = "Stack config"): StackEntry[] {
    return readCheckedEntries(config, subject).map(({ kind, name, args }) => ({ kind, name, args }));
}

/** A stack entry with the component's check of it, which the stack program hands to the component. */
export interface CheckedStackEntry extends StackEntry {
    readonly check: CheckedCompute<BaseComputeArgs>;
}

/** The component's check of one entry's plain args: its problems, or what the component goes on with. */
function checkEntry(
    kind: AnyComputeKind,
    name: string,
    args: BaseComputeArgs,
): { check?: CheckedCompute<BaseComputeArgs>; issues: readonly ValidationIssue[] } {
    try {
        return { check: checkComputeArgs(kind, name, args) as unknown as CheckedCompute<BaseComputeArgs>, issues: [] };
    } catch (e) {
        if (!ComputeValidationError.isInstance(e)) throw e;
        return { issues: e.issues };
    }
}

/** {@link readStackConfig}, keeping each entry's check. */
export function readCheckedEntries(config: Readonly<Record<string, string>>, subject: string): CheckedStackEntry[] {
    const issues: ValidationIssue[] = [];
    const prefix = `${CONFIG_NAMESPACE}:`;
    const values = new Map<string, unknown>();
    for (const [fullKey, text] of Object.entries(config)) {
        if (!fullKey.startsWith(prefix)) continue;
        const key = fullKey.slice(prefix.length);
        if (!STACK_CONFIG_KEYS.includes(key)) {
            issues.push(issue("stack/unknown-key", fullKey, unknownFieldMessage(key, STACK_CONFIG_KEYS, "config key")));
            continue;
        }
        values.set(key, parseValue(text));
    }

    const workspaceKey = `${prefix}workspace`;
    const workspaceValue = values.get("workspace");
    let workspace: WorkspaceRef | undefined;
    if (workspaceValue === undefined) {
        if (STACK_KINDS.some((k) => values.has(k.key))) {
            issues.push(
                issue(
                    "stack/workspace-required",
                    workspaceKey,
                    "is required: set it to { workspaceName, resourceGroupName } of the workspace the compute belongs to",
                ),
            );
        }
    } else {
        const split = splitDeferred(workspaceValue);
        const parsed = workspaceSchema.safeParse(split.plain);
        issues.push(
            ...split.problems.map((p) => issue(p.code, p.path ? `${workspaceKey}.${p.path}` : workspaceKey, p.message)),
        );
        if (parsed.success && split.problems.length === 0) workspace = parsed.data;
        else if (!parsed.success) issues.push(...fromZodIssues(parsed.error.issues, split.plain, workspaceKey));
    }

    const entries: CheckedStackEntry[] = [];
    for (const stackKind of STACK_KINDS) {
        const mapKey = `${prefix}${stackKind.key}`;
        const map = values.get(stackKind.key);
        if (map === undefined) continue;
        if (!isPlainObject(map)) {
            issues.push(
                issue(
                    "stack/kind-not-a-map",
                    mapKey,
                    `expected a map from compute name to ${stackKind.kind.name} settings, got ${describeType(map)}`,
                ),
            );
            continue;
        }
        for (const [name, entry] of Object.entries(map)) {
            const entryKey = joinPath(mapKey, name);
            if (!isPlainObject(entry)) {
                issues.push(
                    issue(
                        "stack/entry-not-a-map",
                        entryKey,
                        `expected the ${stackKind.kind.name} settings as a map, got ${describeType(entry)}`,
                    ),
                );
                continue;
            }
            for (const reserved of ["workspace", "computeName"] as const) {
                if (reserved in entry) {
                    const why =
                        reserved === "workspace"
                            ? `the workspace is set once, at ${workspaceKey}`
                            : "the entry's key is the compute name";
                    issues.push(
                        issue("stack/reserved-key", joinPath(entryKey, reserved), `is not allowed here: ${why}`),
                    );
                }
            }
            const args = {
                ...entry,
                workspace: workspace ?? { workspaceName: "placeholder", resourceGroupName: "placeholder" },
                computeName: name,
            };
            // Checked as plain values, before the secrets are wrapped: a wrapped one would only be checked later.
            const { check, issues: found } = checkEntry(stackKind.kind, name, args);
            for (const problem of found) {
                // The workspace is reported once, at its own key; the name at the entry's key.
                if (isUnder(problem.path, "workspace")) continue;
                const at = (path: string) => (path === "computeName" || path === "" ? entryKey : `${entryKey}.${path}`);
                issues.push(issue(problem.code, at(problem.path), problem.message, ...problem.paths.map(at)));
            }
            if (check === undefined) continue;
            entries.push({
                kind: stackKind,
                name,
                args: wrapSecrets({ ...entry, workspace, computeName: name }, stackKind.secrets) as StackEntry["args"],
                check,
            });
        }
    }
    if (issues.length > 0) throw new ComputeValidationError(subject, issues);
    return entries;
}
