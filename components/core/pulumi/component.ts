/**
 * The road every component walks: validate the plain inputs now, the Output inputs when they resolve,
 * map the args onto one azure-native `machinelearningservices.Compute` child, and expose its outputs.
 * Only a component's schema, rules, mapping and immutable-field list differ; they form its `ComputeKind`.
 */
import * as pulumi from "@pulumi/pulumi";
import { Compute, ComputeArgs } from "@pulumi/azure-native/machinelearningservices";
import { z } from "zod";
import { ComputeValidationError, issue, ValidationIssue } from "../validation/errors";
import { isUnder } from "../validation/paths";
import { quote } from "../validation/suggest";
import { describeType, valueAt } from "../validation/schema";
import { firstTimeInDeployment } from "./deployment";
import { claimComputeName } from "./nameRegistry";
import { FieldMap, notReturnedArgPaths } from "./fieldMap";
import { landArgs } from "./landing";
import { adoptionOf, keptValueIssues } from "./adoption";
import type { BaseComputeArgs } from "./baseArgs";
import { ArgsRules, isDeferred, isPlainObject, replaceAt, splitDeferred, validateValues } from "../validation/validate";

/** The package name, the first part of every component's type token. */
export const PACKAGE = "azureml-compute";

/** The args every component has (declared with their specs in baseArgs.ts). */
export type { BaseComputeArgs };

/** Everything that makes one component different from the others. */
export interface ComputeKind<Args extends BaseComputeArgs, S extends z.ZodRawShape> {
    /** The class name, e.g. `ComputeCluster`; the type token is `azureml-compute:index:<name>`. */
    readonly name: string;
    /** Field schemas, cross-field rules and warnings. */
    readonly rules: ArgsRules<S>;
    /** Where each arg lands in the child, whether its change replaces the compute, which parts are secret. */
    readonly fieldMap: FieldMap<Args>;
    /** Child property paths whose change Azure can't apply in place (from `fields`): they replace the compute. */
    readonly immutable: readonly string[];
    /**
     * For kinds whose names must be unique in a region (instances and clusters get regional DNS names):
     * the region the compute runs in, when the args say.
     */
    readonly region?: (args: Args) => unknown;
    /** The args declared with `plainArg` (`plainArgsOf` its table): plain values, never Outputs or Promises. */
    readonly plainArgs: readonly (keyof Args & string)[];
    /** For kinds with several compute types: the (plain) arg that says which (`computeType`), read by `inapplicable`. */
    readonly typeField?: keyof Args & string;
    /** For kinds with several compute types: the args that do not apply to one (`namespace` on AKS compute). */
    readonly inapplicable?: (computeType: string) => readonly string[];
    /** Advice said once per deployment, however many components trigger it (a legacy type, say). */
    readonly notices?: (args: Args) => readonly string[];
    /** Child paths whose values are fixed for the kind (`properties.computeType: "AmlCompute"`). */
    readonly fixed?: Readonly<Record<string, unknown>>;
}

/**
 * A kind whatever its args: for the lists that hold all four components (registry, stack reader, provider,
 * docs, bench). Each kind checks its own args at run time, so a list need not know their types.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the existential type of a list of different kinds
export type AnyComputeKind = ComputeKind<any, any>;

/**
 * A kind for these args, whatever its field schemas: what a component class takes, so that its public type
 * names its args only (the schemas' zod types stay out of the published declarations).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the kind's schema shape is its own business
export type ArgsKind<Args extends BaseComputeArgs> = ComputeKind<Args, any>;

/** A component class whatever its args (each class checks its own at run time): for the same lists. */
export type AnyComponentClass = new (
    name: string,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the constructor type of classes with different args
    args: any,
    opts?: pulumi.ComponentResourceOptions,
) => pulumi.ComponentResource & ComputeOutputs;

/** The child's inputs for a component's args: every arg where its field map says (those of another compute type left out). */
export function toComputeArgs<Args extends BaseComputeArgs>(
    kind: ComputeKind<Args, z.ZodRawShape>,
    args: Args,
): ComputeArgs {
    const all = args as unknown as Record<string, unknown>;
    const typeField = kind.typeField;
    const fields = kind.fieldMap as FieldMap<unknown> as Record<string, { default?: unknown }>;
    const computeType = typeField === undefined ? undefined : (all[typeField] ?? fields[typeField]?.default);
    const skip = new Set(typeof computeType === "string" ? (kind.inapplicable?.(computeType) ?? []) : []);
    return landArgs(
        { fields: kind.fieldMap, rules: kind.rules, fixed: kind.fixed, skip },
        all,
    ) as unknown as ComputeArgs;
}

/** Resource options that are forwarded from the component to its Compute child (`protect` and providers are inherited). */
const FORWARDED_OPTIONS = ["retainOnDelete", "ignoreChanges", "customTimeouts", "deletedWith"] as const;

/** Resource names are short; a longer one is cut in messages. */
const SUBJECT_NAME_CHARS = 100;

/** `ComputeCluster "gpu-train"`: how errors and warnings name a component. */
export function describe(kindName: string, name: string): string {
    return `${kindName} ${quote(name, SUBJECT_NAME_CHARS)}`;
}

/** The result of checking a component's args before anything is registered. */
interface Checked {
    readonly warnings: readonly string[];
    /** Resolves once every Output input has been validated; rejects with a ComputeValidationError. */
    readonly gate?: pulumi.Output<unknown>;
}

/**
 * Validates `args` for a component: throws a ComputeValidationError now for problems in plain values,
 * and returns a gate that checks the Output values when they resolve. During preview an unknown value
 * simply never resolves, so it is never an error.
 */
export function checkArgs<S extends z.ZodRawShape>(
    rules: ArgsRules<S>,
    subject: string,
    args: unknown,
    onLateWarnings: (warnings: readonly string[]) => void,
    /** Problems found outside the rules (adoption's), reported with theirs. */
    found: readonly ValidationIssue[] = [],
): Checked {
    const { plain, deferred, unchecked, problems, blocked } = splitDeferred(args);
    const deferredPaths = deferred.map((d) => d.path);
    const now = validateValues(rules, plain, [...deferredPaths, ...blocked], unchecked);
    if (problems.length > 0 || now.issues.length > 0 || found.length > 0) {
        throw new ComputeValidationError(subject, [...problems, ...now.issues, ...found]);
    }
    if (deferred.length === 0) {
        return { warnings: now.warnings };
    }
    const lateCheck = (
        resolved: unknown,
        stillDeferred: readonly string[],
        secrets: readonly { readonly path: string; readonly value: unknown }[],
    ) => {
        // A resolved value can itself be a placeholder the plan could not decrypt: never checked.
        const again = splitDeferred(resolved);
        const later = validateValues(
            rules,
            again.plain,
            [...stillDeferred, ...again.deferred.map((d) => d.path), ...again.blocked],
            [...unchecked, ...again.unchecked],
        );
        const found = [...again.problems, ...later.issues];
        if (found.length > 0)
            throw new ComputeValidationError(subject, redactSecrets(found, secrets, fieldNamesOf(rules.schema)));
        // Only report what the plain check could not already see.
        onLateWarnings(later.warnings.filter((w) => !now.warnings.includes(w)));
        return true;
    };
    // Each Output on its own, as soon as it is known (in preview, the known ones are still checked)...
    const checks = deferred.map((d) => {
        const value = pulumi.output(d.value) as pulumi.Output<unknown>;
        return value.apply(async (resolved) =>
            lateCheck(
                replaceAt(plain, d.segments, resolved),
                deferredPaths.filter((p) => p !== d.path),
                (await pulumi.isSecret(value)) ? [{ path: d.path, value: resolved }] : [],
            ),
        );
    });
    // ...and all of them together, for rules across several Outputs.
    if (deferred.length > 1) {
        checks.push(
            (pulumi.output(args) as pulumi.Output<unknown>).apply(async (all) => {
                const secrets: { path: string; value: unknown }[] = [];
                for (const d of deferred) {
                    if (await pulumi.isSecret(pulumi.output(d.value)))
                        secrets.push({ path: d.path, value: valueAt(all, d.segments) });
                }
                return lateCheck(all, [], secrets);
            }),
        );
    }
    return { warnings: now.warnings, gate: pulumi.all(checks) };
}

/** The outputs every compute has. */
export interface ComputeOutputs {
    /** The azure-native Compute the component manages. */
    readonly compute: Compute;
    /** The ARM id of the compute. */
    readonly computeId: pulumi.Output<string>;
    /** The compute's name in the workspace: what jobs and endpoints refer to. */
    readonly computeName: pulumi.Output<string>;
    /** Azure's provisioning state (`Succeeded`, `Failed`, ...). */
    readonly provisioningState: pulumi.Output<string>;
    /** The principal id of the compute's system-assigned identity (for a role assignment); undefined without one. */
    readonly principalId: pulumi.Output<string | undefined>;
    /** The tenant of the compute's system-assigned identity; undefined without one. */
    readonly tenantId: pulumi.Output<string | undefined>;
    /** The compute's user-assigned identities: resource id to its principal and client ids (empty without any). */
    readonly userAssignedIdentities: pulumi.Output<Record<string, UserAssignedIdentityIds>>;
}

/** What Azure reports of a user-assigned identity on a compute. */
export interface UserAssignedIdentityIds {
    /** The identity's principal (object) id, for a role assignment. */
    readonly principalId?: string;
    /** The identity's client (application) id. */
    readonly clientId?: string;
}

/** A component's args after {@link checkComputeArgs}: what the constructor goes on with. */
export interface CheckedCompute<Args extends BaseComputeArgs> {
    readonly kind: ComputeKind<Args, z.ZodRawShape>;
    readonly name: string;
    readonly subject: string;
    /** The args with the compute name filled in (it defaults to the resource name). */
    readonly args: Args & { readonly computeName: pulumi.Input<string> };
    readonly checked: Checked;
    /** The ARM id the child imports (adoption), if any. */
    readonly importId?: string;
}

/** A component's args, checked before its registration; what {@link createCompute} builds the child from. */
export interface PreparedCompute<Args extends BaseComputeArgs> extends CheckedCompute<Args> {
    /** The component's type token, `azureml-compute:index:<Name>`. */
    readonly type: string;
    readonly opts: pulumi.ComponentResourceOptions;
    /** Logs warnings on the component (set once it is registered). */
    owner?: pulumi.Resource;
    /** The warnings already logged. */
    readonly said: Set<string>;
}

/**
 * Every check a component runs on its args, and nothing else (no name is claimed, nothing registered): throws
 * one ComputeValidationError with every problem in the plain values, and arranges the check of the Output
 * values. The component calls it; so does the stack reader, which has no Pulumi runtime when adopt or a test
 * calls it, and which then hands the result to the component (see {@link constructChecked}).
 */
export function checkComputeArgs<Args extends BaseComputeArgs, S extends z.ZodRawShape>(
    kind: ComputeKind<Args, S>,
    name: string,
    args: Args,
    onLateWarnings: (warnings: readonly string[]) => void = () => {},
): CheckedCompute<Args> {
    const subject = describe(kind.name, name);
    // Checked before anything reads the args: a string spread as args would be one field per character. A
    // JavaScript caller who passes none learns which fields are required.
    if (args !== undefined && !isPlainObject(args)) {
        throw new ComputeValidationError(subject, [
            issue("args/not-an-object", "", `expected an object of arguments, got ${describeType(args)}`),
        ]);
    }
    // The name defaults to the resource name, also when it is given as an Output that resolves to nothing.
    const given = args?.computeName;
    const computeName =
        given === undefined || given === null
            ? name
            : isDeferred(given)
              ? pulumi.output(given).apply((v) => v ?? name)
              : given;
    const withName = { ...args, computeName };
    // `adopt` is left to adoption's own check, which says why it must be plain.
    const branching = kind.plainArgs.filter((key) => key !== "adopt" && isDeferred(withName[key]));
    if (branching.length > 0) {
        throw new ComputeValidationError(
            subject,
            branching.map((key) =>
                issue(
                    "args/deferred-plain-field",
                    key,
                    "must be a plain value, not an Output or a Promise: the component's shape depends on it",
                ),
            ),
        );
    }
    const adoption = adoptionOf(withName);
    const kept = keptValueIssues(withName, notReturnedArgPaths(kind.fieldMap));
    const checked = checkArgs(kind.rules, subject, withName, onLateWarnings, [...adoption.issues, ...kept]);
    return {
        kind: kind as unknown as ComputeKind<Args, z.ZodRawShape>,
        name,
        subject,
        args: withName,
        checked,
        importId: adoption.importId,
    };
}

/** The check handed over by {@link constructChecked}, for the one constructor call it wraps. */
let handedOver: { readonly args: object; readonly result: CheckedCompute<BaseComputeArgs> } | undefined;

/**
 * Constructs a component whose args were already checked by {@link checkComputeArgs} (the stack reader checks
 * its entries' plain values before it wraps the secrets), so that they are not checked a second time. `args`
 * must be the very object given to the constructor, in the same synchronous call: nothing can change between.
 * Internal: for the stack program, not exported from the package.
 */
export function constructChecked<T>(args: object, result: CheckedCompute<BaseComputeArgs>, construct: () => T): T {
    handedOver = { args, result };
    try {
        return construct();
    } finally {
        handedOver = undefined;
    }
}

/** The handed-over check for these args, kind and name (once), or undefined. */
function takeHandedOver<Args extends BaseComputeArgs>(
    kind: ComputeKind<Args, z.ZodRawShape>,
    name: string,
    args: Args,
): CheckedCompute<Args> | undefined {
    const given = handedOver;
    if (
        given === undefined ||
        given.args !== args ||
        (given.result.kind as unknown) !== kind ||
        given.result.name !== name
    )
        return undefined;
    handedOver = undefined;
    return {
        ...(given.result as unknown as CheckedCompute<Args>),
        args: { ...args, computeName: given.result.args.computeName },
    };
}

/**
 * First half of every component's constructor, before `super()`: checks the plain args (throwing a
 * ComputeValidationError), arranges the check of the Output args, and claims the compute name.
 */
export function prepareCompute<Args extends BaseComputeArgs, S extends z.ZodRawShape>(
    kind: ComputeKind<Args, S>,
    name: string,
    args: Args,
    opts: pulumi.ComponentResourceOptions = {},
): PreparedCompute<Args> {
    // Warnings found once Outputs resolve are logged on the component, which exists by then.
    const late: { prepared?: PreparedCompute<Args> } = {};
    const result =
        takeHandedOver(kind as unknown as ComputeKind<Args, z.ZodRawShape>, name, args) ??
        checkComputeArgs(kind, name, args, (warnings) => {
            if (late.prepared !== undefined) logWarnings(late.prepared, warnings);
        });
    const prepared: { -readonly [K in keyof PreparedCompute<Args>]: PreparedCompute<Args>[K] } = {
        type: `${PACKAGE}:index:${kind.name}`,
        kind: result.kind,
        name,
        subject: result.subject,
        args: result.args,
        opts,
        checked: result.checked,
        importId: result.importId,
        said: new Set(),
    };
    late.prepared = prepared;
    claimComputeName(result.subject, result.args.workspace, result.args.computeName, kind.region?.(result.args));
    return prepared;
}

function logWarnings(
    prepared: { readonly subject: string; readonly owner?: pulumi.Resource; readonly said: Set<string> },
    warnings: readonly string[],
): void {
    for (const warning of warnings) {
        // Several Output checks can find the same thing: say it once.
        if (prepared.said.has(warning)) continue;
        prepared.said.add(warning);
        void pulumi.log.warn(`${prepared.subject}: ${warning}`, prepared.owner);
    }
}

/**
 * Second half, after `super()`: logs the warnings, creates the Compute child with its replacement options
 * (and the forwarded resource options), and returns the outputs every compute has.
 */
export function createCompute<Args extends BaseComputeArgs>(
    owner: pulumi.ComponentResource,
    prepared: PreparedCompute<Args>,
): ComputeOutputs {
    const { kind, args, opts, checked } = prepared;
    prepared.owner = owner;
    logWarnings(prepared, checked.warnings);
    for (const notice of kind.notices?.(args) ?? []) {
        if (firstTimeInDeployment(notice)) void pulumi.log.warn(notice, owner);
    }
    const forwarded = Object.fromEntries(
        FORWARDED_OPTIONS.filter((o) => opts[o] !== undefined).map((o) => [o, opts[o]]),
    );
    const compute = new Compute(prepared.name, toComputeArgs(kind, args), {
        ...forwarded,
        parent: owner,
        replaceOnChanges: [...kind.immutable],
        // The compute name is fixed, so the old compute must be gone before the new one can take it.
        deleteBeforeReplace: true,
        ...(prepared.importId === undefined ? {} : { import: prepared.importId }),
        // The child waits for the Output inputs to pass validation; a failure stops it from being registered.
        dependsOn: checked.gate?.apply((): pulumi.Resource[] => []),
    });
    return {
        compute,
        computeId: compute.id,
        computeName: compute.name,
        provisioningState: compute.properties.apply((p) => p?.provisioningState ?? "Unknown"),
        principalId: compute.identity.apply((i) => i?.principalId),
        tenantId: compute.identity.apply((i) => i?.tenantId),
        userAssignedIdentities: compute.identity.apply((i) =>
            Object.fromEntries(
                Object.entries(i?.userAssignedIdentities ?? {}).map(([id, u]) => [
                    id,
                    { principalId: u.principalId, clientId: u.clientId },
                ]),
            ),
        ),
    };
}

/** Every leaf and key inside a value, as text (the parts of an object given as one secret Output); field names are no secret. */
function textsIn(value: unknown, fieldNames: ReadonlySet<string>): string[] {
    if (typeof value === "string") return value.length > 0 ? [value] : [];
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return [String(value)];
    if (value !== null && typeof value === "object") {
        return Object.entries(value).flatMap(([k, v]) => [
            ...(fieldNames.has(k) ? [] : [k]),
            ...textsIn(v, fieldNames),
        ]);
    }
    return [];
}

/** The names of every field a schema knows, at any depth (a record's keys are data, not field names). */
function fieldNamesOf(schema: z.ZodType): ReadonlySet<string> {
    const names = new Set<string>();
    const walk = (s: unknown): void => {
        const def = (s as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
        if (def === undefined) return;
        if (def.type === "object") {
            for (const [name, inner] of Object.entries(def.shape as Record<string, unknown>)) {
                names.add(name);
                walk(inner);
            }
        }
        for (const key of ["innerType", "element", "valueType", "in", "out"]) walk(def[key]);
        for (const option of (def.options as unknown[] | undefined) ?? []) walk(option);
    };
    walk(schema);
    return names;
}

/** Bare secret text shorter than this is only hidden where a message quotes it: a bare "a" is in every word. */
const MIN_BARE_SECRET = 4;

/**
 * Issues whose messages show no secret value, however a rule quoted it: quoted forms anywhere, bare text of some
 * length, and what follows "got " in an issue about a secret path (a secret number is echoed bare).
 */
function redactSecrets(
    issues: readonly ValidationIssue[],
    secrets: readonly { readonly path: string; readonly value: unknown }[],
    fieldNames: ReadonlySet<string>,
): ValidationIssue[] {
    if (secrets.length === 0) return [...issues];
    const texts = secrets
        .flatMap((s) => textsIn(s.value, fieldNames))
        .flatMap((t) => [quote(t), JSON.stringify(t), ...(t.length >= MIN_BARE_SECRET ? [t] : [])])
        .sort((a, b) => b.length - a.length);
    const hide = (text: string) => texts.reduce((m, t) => m.split(t).join("[secret]"), text);
    return issues.map((i) => {
        let message = hide(i.message);
        if (secrets.some((s) => isUnder(i.path, s.path)))
            message = message.replace(/\bgot (?!an? |null|nothing)[^;]*$/, "got [secret]");
        // A secret object's keys are secret too, and paths name keys.
        return { ...i, path: hide(i.path), paths: i.paths.map(hide), message };
    });
}

/**
 * The base of the four components: validation, the Compute child with its replacement options,
 * and the outputs every compute has. A subclass adds its own outputs and calls `registerOutputs` last.
 * (Classes that must extend ComponentResource directly, as the component provider's do, call
 * {@link prepareCompute} and {@link createCompute} themselves.)
 */
export abstract class ComputeComponent<Args extends BaseComputeArgs>
    extends pulumi.ComponentResource
    implements ComputeOutputs
{
    /** The azure-native Compute this component manages. */
    public readonly compute: Compute;
    /** The ARM id of the compute. */
    public readonly computeId: pulumi.Output<string>;
    /** The compute's name in the workspace: what jobs and endpoints refer to. */
    public readonly computeName: pulumi.Output<string>;
    /** Azure's provisioning state (`Succeeded`, `Failed`, ...). */
    public readonly provisioningState: pulumi.Output<string>;
    /** The principal id of the compute's system-assigned identity (for a role assignment); undefined without one. */
    public readonly principalId: pulumi.Output<string | undefined>;
    /** The tenant of the compute's system-assigned identity; undefined without one. */
    public readonly tenantId: pulumi.Output<string | undefined>;
    /** The compute's user-assigned identities: resource id to its principal and client ids (empty without any). */
    public readonly userAssignedIdentities: pulumi.Output<Record<string, UserAssignedIdentityIds>>;

    protected constructor(kind: ArgsKind<Args>, name: string, args: Args, opts: pulumi.ComponentResourceOptions = {}) {
        const prepared = prepareCompute(kind, name, args, opts);
        // Never hand the args to the component's own registration: they would be stored as its inputs, secrets included.
        super(prepared.type, name, {}, opts);
        const outputs = createCompute(this, prepared);
        this.compute = outputs.compute;
        this.computeId = outputs.computeId;
        this.computeName = outputs.computeName;
        this.provisioningState = outputs.provisioningState;
        this.principalId = outputs.principalId;
        this.tenantId = outputs.tenantId;
        this.userAssignedIdentities = outputs.userAssignedIdentities;
    }

    /** The outputs every compute registers; a subclass adds its own and passes them to `registerOutputs`, last. */
    protected commonOutputs(): ComputeOutputs {
        const { compute, computeId, computeName, provisioningState, principalId, tenantId, userAssignedIdentities } =
            this;
        return { compute, computeId, computeName, provisioningState, principalId, tenantId, userAssignedIdentities };
    }
}
