/**
 * The plan document (what `--json` prints, format documented in the README) and its human rendering.
 */
import { STACK_KINDS } from "../components/stack/readConfig";
import { ComputeValidationError } from "../components/core/validation/errors";
import { FieldTarget, pathsOf } from "../components/core/pulumi/fieldMap";
import { isSecretStandIn } from "../components/core/validation/validate";
import { at, settingsOf } from "./settings";
import { InvokeCall, isPlaceholder } from "./invokes";
import { Registration, UNKNOWN } from "../monitor/recordingMonitor";

const COMPUTE_TYPE = "azure-native:machinelearningservices:Compute";
const COMPONENT_PREFIX = "azureml-compute:index:";

/**
 * Version of the JSON document's format; bumped on any incompatible change. 2: ids of resources the program
 * creates are unknown as in preview; each compute lists `unknowns` and `placeholders`; the document lists `invokes`.
 */
export const PLAN_FORMAT_VERSION = 2;

export interface PlannedCompute {
    /** The component class (`ComputeCluster`), or null for a Compute declared without a component. */
    readonly component: string | null;
    /** The Pulumi resource name. */
    readonly name: string;
    readonly computeName: string;
    readonly computeType: string;
    /** The key settings, in a fixed order, as short text. */
    readonly settings: Readonly<Record<string, string>>;
    /** The args whose change replaces the compute (empty for a Compute without a component). */
    readonly replacingFields: readonly string[];
    /** The child's replaceOnChanges paths. */
    readonly replaceOnChanges: readonly string[];
    /** Child input paths that hold secrets. */
    readonly secrets: readonly string[];
    /** Child input paths whose values are known only after deployment (another resource's id, say). */
    readonly unknowns: readonly string[];
    /** Child input paths that hold a placeholder the plan made up for an invoke's answer (a caller's object id, say). */
    readonly placeholders: readonly string[];
    /** The ARM id the compute is adopted from (Pulumi imports it on the first up instead of creating it), or null. */
    readonly adoptedFrom: string | null;
    /** The child's inputs, with secrets as "[secret]" and values unknown until deployment as "[unknown]". */
    readonly inputs: unknown;
}

export interface PlanIssue {
    /** What the problem belongs to (`ComputeCluster "gpu"`, `Stack "dev" config`), or "program". */
    readonly subject: string;
    /** The field or config path ("" when the problem is not about one field). */
    readonly path: string;
    readonly message: string;
    /**
     * The issue's stable code (`compute-cluster/max-nodes-below-min`, see ValidationIssue); `program/error` for an
     * error that is not a validation issue, `project-config/unsatisfied` for Pulumi.yaml's declared config.
     */
    readonly code: string;
}

export interface PlanDocument {
    readonly version: number;
    readonly project: string;
    readonly stack: string;
    readonly valid: boolean;
    readonly computes: readonly PlannedCompute[];
    /** Every other resource the program declared (workspaces, storage, ...). */
    readonly otherResources: readonly { readonly type: string; readonly name: string }[];
    /** The invokes the program called, and whether their answers were placeholders or given with --invoke-results. */
    readonly invokes: readonly InvokeCall[];
    readonly errors: readonly PlanIssue[];
    readonly warnings: readonly string[];
    readonly notes: readonly string[];
}

/** What the CLI would refuse before the program runs: Pulumi.yaml's declared config the stack doesn't satisfy. */
const CONFIG_SUBJECT = "Project config (Pulumi.yaml)";

/** Paths (dotted, `[i]` for items) of every leaf that holds a placeholder. */
function placeholderPaths(value: unknown, path: string): string[] {
    if (isPlaceholder(value)) return [path];
    if (Array.isArray(value)) return value.flatMap((v, i) => placeholderPaths(v, `${path}[${i}]`));
    if (typeof value === "object" && value !== null)
        return Object.entries(value).flatMap(([k, v]) => placeholderPaths(v, path ? `${path}.${k}` : k));
    return [];
}

/** The inputs as a person should see them: secrets hidden, unknowns marked. */
function displayInputs(value: unknown, path: string, secretPaths: ReadonlySet<string>): unknown {
    if (secretPaths.has(path) || isSecretStandIn(value)) return "[secret]";
    if (value === UNKNOWN) return "[unknown]";
    if (Array.isArray(value)) return value.map((v, i) => displayInputs(v, `${path}[${i}]`, secretPaths));
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k, displayInputs(v, path ? `${path}.${k}` : k, secretPaths)]),
        );
    }
    return value;
}

/** The args whose change replaces this compute: the kind's replacing fields that apply to its compute type. */
function replacingFieldsOf(component: string | null, computeType: string): string[] {
    const kind = STACK_KINDS.find((k) => k.kind.name === component)?.kind;
    if (!kind) return [];
    const inapplicable = new Set(kind.inapplicable?.(computeType) ?? []);
    return Object.entries<FieldTarget>(kind.fieldMap)
        .filter(([name, f]) => f.replaces && pathsOf(f).length > 0 && !inapplicable.has(name))
        .map(([name]) => name);
}

function issuesOf(error: Error): PlanIssue[] {
    if (ComputeValidationError.isInstance(error)) {
        return error.issues.map((i) => ({ subject: error.subject, path: i.path, message: i.message, code: i.code }));
    }
    return [{ subject: "program", path: "", message: error.message, code: "program/error" }];
}

/**
 * `secure:` values of this project's compute config at fields that are not secret fields: the program reads
 * them as plain values (only the secret fields become Pulumi secrets), so Azure would store them unencrypted.
 */
function encryptedButPlain(securePaths: readonly string[]): string[] {
    const notes: string[] = [];
    for (const securePath of securePaths) {
        const match = /^azureml-compute:([^.]+)\.([^.]+)\.(.+)$/.exec(securePath);
        const kind = match && STACK_KINDS.find((k) => k.key === match[1]);
        if (!match || !kind || kind.secrets.includes(match[3]!)) continue;
        notes.push(
            `${securePath} is stored encrypted, but ${match[3]} is not a secret field of ${kind.kind.name}: the program reads it as plain text, and Azure and the state keep it unencrypted`,
        );
    }
    return notes;
}

/** Builds the plan document from a program run. */
export function buildPlan(
    meta: {
        project: string;
        stack: string;
        securePaths: readonly string[];
        configProblems?: readonly { readonly key: string; readonly message: string }[];
        invokes?: readonly InvokeCall[];
    },
    run: { registrations: readonly Registration[]; warnings: readonly string[]; errors: readonly Error[] },
): PlanDocument {
    const byUrn = new Map(run.registrations.map((r) => [r.urn, r]));
    // Children register when their inputs resolve, in no fixed order; components register in program
    // order, so a child is ranked by its component's place (a bare Compute by its own).
    const rank = new Map(run.registrations.map((r, i) => [r.urn, i]));
    const ranked: { rank: number; compute: PlannedCompute }[] = [];
    const otherResources: { type: string; name: string }[] = [];
    for (const r of run.registrations) {
        if (r.type === COMPUTE_TYPE) {
            const parent = byUrn.get(r.parent);
            const component = parent?.type.startsWith(COMPONENT_PREFIX)
                ? parent.type.slice(COMPONENT_PREFIX.length)
                : null;
            const inputs = displayInputs(r.raw, "", new Set(r.secretPaths));
            const computeType = String(at(inputs, "properties.computeType") ?? "[unknown]");
            ranked.push({
                rank: rank.get(component !== null ? r.parent : r.urn) ?? 0,
                compute: {
                    component,
                    name: r.name,
                    computeName: String(at(inputs, "computeName") ?? r.name),
                    computeType,
                    settings: settingsOf(computeType, inputs),
                    replacingFields: replacingFieldsOf(component, computeType),
                    replaceOnChanges: r.replaceOnChanges,
                    secrets: r.secretPaths,
                    unknowns: r.unknownPaths,
                    placeholders: placeholderPaths(r.inputs, ""),
                    adoptedFrom: r.importId === "" ? null : r.importId,
                    inputs,
                },
            });
        } else if (!r.type.startsWith(COMPONENT_PREFIX) && r.type !== "pulumi:pulumi:Stack") {
            otherResources.push({ type: r.type, name: r.name });
        }
    }
    const computes = ranked.sort((a, b) => a.rank - b.rank).map((x) => x.compute);
    const notes: string[] = [];
    if (meta.securePaths.length > 0) {
        const n = meta.securePaths.length;
        notes.push(
            `${n} secure config value${n === 1 ? " was" : "s were"} not decrypted (that needs the Pulumi CLI): ${meta.securePaths.join(", ")}. ` +
                "They are treated as secrets whose content checks (length, key format) are skipped.",
        );
    }
    const warnings = [...run.warnings, ...encryptedButPlain(meta.securePaths)];
    const configErrors = (meta.configProblems ?? []).map((p) => ({
        subject: CONFIG_SUBJECT,
        path: p.key,
        message: p.message,
        code: "project-config/unsatisfied",
    }));
    const errors = [...configErrors, ...run.errors.flatMap(issuesOf)];
    const invokes = meta.invokes ?? [];
    const madeUp = [...new Set(invokes.filter((i) => i.answer === "placeholder").map((i) => i.token))];
    if (madeUp.length > 0) {
        notes.push(
            `The plan answered ${madeUp.join(", ")} with placeholder values (GUIDs starting 0000c0de-, ids in subscription 0000c0de-...): ` +
                "each compute lists where they landed; pulumi preview gets the real ones.",
        );
    }
    return {
        version: PLAN_FORMAT_VERSION,
        project: meta.project,
        stack: meta.stack,
        valid: errors.length === 0,
        computes,
        otherResources,
        invokes,
        errors,
        warnings,
        notes,
    };
}

function table(rows: readonly (readonly string[])[]): string[] {
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  "));
}

/** The plan for people: a table of compute targets, then what replaces them, secrets, warnings and notes. */
export function renderPlan(plan: PlanDocument): string {
    const lines: string[] = [];
    const count = plan.computes.length;
    lines.push(`Stack ${plan.stack} (project ${plan.project}): ${count} compute target${count === 1 ? "" : "s"}`);
    if (count > 0) {
        lines.push("");
        lines.push(
            ...table([
                ["COMPONENT", "COMPUTE NAME", "TYPE", "SETTINGS"],
                ...plan.computes.map((c) => [
                    c.component ?? "(Compute)",
                    c.computeName,
                    c.computeType,
                    Object.entries(c.settings)
                        .map(([k, v]) => `${k}=${v}`)
                        .join(" "),
                ]),
            ]).map((l) => `  ${l}`),
        );
        lines.push("", "Replaced (deleted, then created) when one of these changes:");
        for (const c of plan.computes) {
            const what =
                c.replacingFields.length > 0
                    ? c.replacingFields.join(", ")
                    : c.replaceOnChanges.join(", ") || "(nothing listed)";
            lines.push(`  ${c.computeName}: ${what}`);
        }
        const adopted = plan.computes.filter((c) => c.adoptedFrom !== null);
        if (adopted.length > 0) {
            lines.push(
                "",
                "Adopted: imported on the first pulumi up, not created (declare what exists: a difference that replaces the compute stops the import):",
            );
            for (const c of adopted) lines.push(`  ${c.computeName}: ${c.adoptedFrom}`);
        }
        const withUnknowns = plan.computes.filter((c) => c.unknowns.length > 0);
        if (withUnknowns.length > 0) {
            lines.push("", "Known after deployment (values from resources the program creates, shown as [unknown]):");
            for (const c of withUnknowns) lines.push(`  ${c.computeName}: ${c.unknowns.join(", ")}`);
        }
        const withPlaceholders = plan.computes.filter((c) => c.placeholders.length > 0);
        if (withPlaceholders.length > 0) {
            lines.push("", "Placeholders the plan made up for invoke answers (pulumi preview gets the real values):");
            for (const c of withPlaceholders) lines.push(`  ${c.computeName}: ${c.placeholders.join(", ")}`);
        }
        const withSecrets = plan.computes.filter((c) => c.secrets.length > 0);
        if (withSecrets.length > 0) {
            lines.push("", "Secrets (shown as [secret]):");
            for (const c of withSecrets) lines.push(`  ${c.computeName}: ${c.secrets.join(", ")}`);
        }
    }
    if (plan.otherResources.length > 0) {
        lines.push("", `Other resources: ${plan.otherResources.length}`);
        lines.push(
            ...table([["TYPE", "NAME"], ...plan.otherResources.map((r) => [r.type, r.name])]).map((l) => `  ${l}`),
        );
    }
    if (plan.warnings.length > 0) {
        lines.push("", "Warnings:");
        for (const w of plan.warnings) lines.push(`  ${w}`);
    }
    for (const note of plan.notes) lines.push("", `Note: ${note}`);
    return `${lines.join("\n")}\n`;
}

/** The errors for people: each subject's message, as the components print it. */
export function renderErrors(plan: PlanDocument, errors: readonly Error[]): string {
    const config = plan.errors.filter((e) => e.subject === CONFIG_SUBJECT);
    const configText =
        config.length > 0 ? [`${CONFIG_SUBJECT}:\n${config.map((e) => `  - ${e.path}: ${e.message}`).join("\n")}`] : [];
    // The host prints a TypeScript compile error (ts-node's TSError) as its diagnostics, without a stack.
    const text = errors.map((e) =>
        ComputeValidationError.isInstance(e) || e.name === "RunError" || e.name === "TSError" || isPlanMessage(e)
            ? e.message
            : (e.stack ?? e.message),
    );
    return `Stack ${plan.stack} (project ${plan.project}) is not valid:\n\n${[...configText, ...text].join("\n\n")}\n`;
}

/**
 * Errors the plan itself words for people (an invoke it can't answer, an ES module): shown without a stack
 * trace. They are known by their words, since the SDK rebuilds an invoke's error from its text.
 */
function isPlanMessage(error: Error): boolean {
    return error.message.includes("the offline plan ");
}
