/**
 * `adopt`'s conversion: computes as Azure reports them, to the stack config that declares the same computes
 * with adoption on. Each compute is read back through its component's field map (`readBack`, the inverse of
 * its mapping). Then the component's own mapping runs on the result and is compared with what Azure reports,
 * so every difference the import would meet is said now, with its property path, instead of at `pulumi up`:
 *
 * - a difference at a path whose change replaces the compute is an error: Pulumi refuses to replace a
 *   resource it imports;
 * - any other is a warning: the first `pulumi up` after the import updates it in place;
 * - a value the library sends where Azure reports nothing is no difference when it is the REST default
 *   (azure-native skips those), and read-only properties (adopt/data/restFacts.json) are never compared.
 *
 * Values Azure keeps but never returns (x-ms-secret values, an instance's SSH key) are declared kept by Azure
 * (`KEPT_BY_AZURE`): declaring a value would be a difference, and these are fixed at creation.
 */
import { toComputeArgs } from "../components/core/pulumi/component";
import { ComputeValidationError } from "../components/core/validation/errors";
import { FieldTarget, NOT_REPORTED, pathsOf, replacesAt, WHOLE } from "../components/core/pulumi/fieldMap";
import { isUnder } from "../components/core/validation/paths";
import { readBack, valueAtPath } from "../components/core/pulumi/readBack";
import { fieldIsValid, isPlainObject, KEPT_BY_AZURE, validateValues } from "../components/core/validation/validate";
import { CONFIG_NAMESPACE, readStackConfig, STACK_KINDS, StackKind } from "../components/stack/readConfig";
import { ReportedCompute } from "./reported";
import { whyNotExpressible } from "./notExpressible";
import { matchesPattern, REST_FACTS, settingOf, underPattern } from "./restFacts";

export type Severity = "error" | "warning" | "note";

/** Something the user should know about one compute (or the workspace), with the property path in the message. */
export interface Finding {
    readonly severity: Severity;
    /** `computeClusters.gpu-train`, `workspace`, or where in the file (`value[2]`). */
    readonly subject: string;
    readonly message: string;
}

/** A value declared kept by Azure, by its config key path (`azureml-compute:computeClusters.gpu.admin.password`). */
export interface KeptValue {
    readonly key: string;
    readonly secret: boolean;
}

/** The stack config for the computes, and what to know about it. */
export interface Conversion {
    /** Full config keys (`azureml-compute:workspace`) to their values, in the order a stack file lists them. */
    readonly config: Record<string, unknown>;
    readonly findings: readonly Finding[];
    readonly kept: readonly KeptValue[];
    /** The computes declared, by subject. */
    readonly adopted: readonly string[];
}

/** The stack kind that declares a compute type: by its fixed type, or by its type field's choices. */
export function stackKindFor(computeType: string): StackKind | undefined {
    return STACK_KINDS.find((k) => {
        const fixed = k.kind.fixed?.["properties.computeType"];
        if (fixed !== undefined) return fixed === computeType;
        const field = Object.entries<FieldTarget>(k.kind.fieldMap).find(
            ([, t]) => "properties.computeType" in t.lands,
        )?.[0];
        return field !== undefined && fieldIsValid(k.kind.rules, field, computeType);
    });
}

const key = (name: string) => `${CONFIG_NAMESPACE}:${name}`;
const show = (value: unknown) => JSON.stringify(value);

/** Leaf names that hold secrets however a body spells them (a PUT body a user kept may hold them). */
const SECRET_NAME = /(password|secret|token|key|connectionstring)$/i;

/** A value as a message may show it: secrets (by the REST facts, or by their name in any case) never. */
function redacted(value: unknown, at: string, secretPaths: readonly string[]): unknown {
    const last = at
        .split(".")
        .pop()!
        .replace(/\[\d+\]$/, "");
    if (SECRET_NAME.test(last) || secretPaths.some((p) => underPattern(at.toLowerCase(), p.toLowerCase())))
        return "[secret, not shown]";
    if (Array.isArray(value)) return value.map((v, i) => redacted(v, `${at}[${i}]`, secretPaths));
    if (isPlainObject(value))
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redacted(v, `${at}.${k}`, secretPaths)]));
    return value;
}

/** Converts what Azure reports into stack config, one workspace per stack. */
export function convert(computes: readonly ReportedCompute[]): Conversion {
    const findings: Finding[] = [];
    const kept: KeptValue[] = [];
    const adopted: string[] = [];
    const maps = new Map<StackKind, Record<string, unknown>>();
    const first = computes[0];
    const locations = new Set<unknown>();
    for (const compute of computes) {
        const subject = compute.computeName;
        const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase(); // ARM names compare without case.
        if (
            first &&
            !(
                same(compute.subscriptionId, first.subscriptionId) &&
                same(compute.resourceGroupName, first.resourceGroupName) &&
                same(compute.workspaceName, first.workspaceName)
            )
        ) {
            findings.push({
                severity: "error",
                subject: compute.at,
                message: `is in another workspace (${compute.id}) than ${first.id}: a stack declares the compute of one workspace; adopt each workspace into its own stack`,
            });
            continue;
        }
        const stackKind = compute.computeType === undefined ? undefined : stackKindFor(compute.computeType);
        if (stackKind === undefined) {
            findings.push({
                severity: "note",
                subject,
                message: `is ${compute.computeType === undefined ? "of no compute type" : `${compute.computeType} compute`}, which the library does not manage: skipped`,
            });
            continue;
        }
        const map = maps.get(stackKind) ?? {};
        maps.set(stackKind, map);
        if (Object.prototype.hasOwnProperty.call(map, compute.computeName)) {
            findings.push({
                severity: "error",
                subject: compute.at,
                message: `reports ${compute.computeName} again: a workspace has one compute of each name; list it once`,
            });
            continue;
        }
        const entrySubject = `${stackKind.key}.${compute.computeName}`;
        const one = convertOne(stackKind, compute, entrySubject);
        map[compute.computeName] = one.entry;
        findings.push(...one.findings);
        kept.push(...one.kept);
        adopted.push(entrySubject);
        locations.add(compute.reported.location);
    }

    const config: Record<string, unknown> = {};
    if (first !== undefined && adopted.length > 0) {
        const location = locations.size === 1 ? [...locations][0] : undefined;
        if (locations.size > 1)
            findings.push({
                severity: "warning",
                subject: "workspace",
                message: `the computes report several locations (${[...locations].map(show).join(", ")}): workspace.location is left out, so each compute's location comes from its resource group`,
            });
        config[key("workspace")] = {
            workspaceName: first.workspaceName,
            resourceGroupName: first.resourceGroupName,
            subscriptionId: first.subscriptionId,
            ...(typeof location === "string" ? { location } : {}),
        };
    }
    for (const stackKind of STACK_KINDS) {
        const map = maps.get(stackKind);
        if (map !== undefined) config[key(stackKind.key)] = map;
    }
    findings.push(...refusals(config));
    // Per compute, in the file's order (its refusals beside its other findings); the workspace's last.
    const order = [...new Set(findings.map((f) => f.subject).filter((s) => s !== "workspace")), "workspace"];
    const sorted = findings
        .map((f, i) => ({ f, i }))
        .sort((a, b) => order.indexOf(a.f.subject) - order.indexOf(b.f.subject) || a.i - b.i);
    return { config, findings: sorted.map(({ f }) => f), kept, adopted };
}

/** One compute's stack entry, and what to know about it. */
function convertOne(
    stackKind: StackKind,
    compute: ReportedCompute,
    subject: string,
): { entry: Record<string, unknown>; findings: Finding[]; kept: KeptValue[] } {
    const kind = stackKind.kind;
    const facts = REST_FACTS[compute.computeType!] ?? { readOnly: [], secret: [], defaults: {}, settings: [] };
    const findings: Finding[] = [];
    const say = (severity: Severity, message: string) => findings.push({ severity, subject, message });
    const back = readBack(kind.fieldMap, compute.reported);
    // A field that is one secret Azure never returns (a Databricks token) is there whenever this type has it.
    for (const [name, target] of Object.entries<FieldTarget>(kind.fieldMap)) {
        const whole = target.secrets?.includes(WHOLE) && pathsOf(target).some((p) => facts.secret.includes(p));
        if (whole && back.args[name] === undefined) back.args[name] = NOT_REPORTED;
    }
    const { workspace: _workspace, computeName: _computeName, ...settings } = back.args;
    const kept: KeptValue[] = [];
    const secretPaths = stackKind.secrets;
    const entry = {
        adopt: true,
        ...(withKept(settings, "", (path) =>
            kept.push({
                key: `${key(stackKind.key)}.${compute.computeName}.${path}`,
                secret: secretPaths.includes(path),
            }),
        ) as Record<string, unknown>),
    };
    for (const path of back.unreadable)
        say(
            "warning",
            `${path}: the library can't read this setting back, so it is left out; the first pulumi up after the import sends the compute without it`,
        );

    const covered = [...Object.values<FieldTarget>(kind.fieldMap).flatMap(pathsOf), ...Object.keys(kind.fixed ?? {})];
    const readOnly = (path: string) => facts.readOnly.some((p) => underPattern(path, p));
    const secret = (path: string) => facts.secret.some((p) => underPattern(path, p));
    const restDefault = (path: string) => Object.entries(facts.defaults).find(([p]) => matchesPattern(path, p));
    const reported = new Map(leaves(compute.reported).filter(([path]) => !readOnly(path) && !secret(path)));

    // Settings the library can't declare, said once per setting (customServices, not each of its leaves).
    const undeclared = new Map<string, boolean>();
    for (const [path, value] of reported) {
        if (covered.some((c) => isUnder(path, c))) continue;
        const d = restDefault(path);
        const setting = settingOf(path);
        undeclared.set(setting, (undeclared.get(setting) ?? true) && d !== undefined && show(d[1]) === show(value));
    }
    for (const [setting, allDefaults] of undeclared) {
        const value = shortly(redacted(valueAtPath(compute.reported, setting), setting, facts.secret));
        if (allDefaults)
            say(
                "note",
                `${setting} is ${value}, Azure's default, which the library does not declare: Azure applies it again`,
            );
        else {
            const why = whyNotExpressible(compute.computeType!, setting);
            say(
                "warning",
                `${setting} is ${value}, a setting the library can't declare${why ? ` (${why})` : ""}: the import keeps it, and the first pulumi up after it sends the compute without it (an update in place)`,
            );
        }
    }

    // The component's own mapping of the entry, beside what Azure reports.
    const declared = {
        ...entry,
        workspace: {
            workspaceName: compute.workspaceName,
            resourceGroupName: compute.resourceGroupName,
            location: compute.reported.location,
        },
        computeName: compute.computeName,
    };
    const sent = new Map(leaves(toComputeArgs(kind, declared as never) as unknown));
    for (const path of new Set([...sent.keys(), ...reported.keys()])) {
        if (!covered.some((c) => isUnder(path, c))) continue;
        const [mine, theirs] = [sent.get(path), reported.get(path)];
        if (show(mine) === show(theirs)) continue;
        const d = restDefault(path);
        if (theirs === undefined && d !== undefined && show(d[1]) === show(mine)) continue;
        const [m, t] = [show(redacted(mine, path, facts.secret)), show(redacted(theirs, path, facts.secret))];
        const what =
            theirs === undefined
                ? `the library sends ${m}, which Azure does not report`
                : mine === undefined
                  ? `Azure reports ${t}, which the library does not send`
                  : `Azure reports ${t}, the library sends ${m}`;
        if (replacesAt(path, kind.immutable))
            say(
                "error",
                `${path}: ${what}; a change there replaces the compute, which Pulumi refuses for one it imports`,
            );
        else say("warning", `${path}: ${what}; the first pulumi up after the import updates it in place`);
    }

    for (const warning of validateValues(kind.rules, { ...declared, workspace: undefined }).warnings)
        say("warning", warning);
    return { entry, findings, kept };
}

/** The value with every NOT_REPORTED leaf declared kept by Azure, telling `onKept` its path. */
function withKept(value: unknown, at: string, onKept: (path: string) => void): unknown {
    if (value === NOT_REPORTED) {
        onKept(at);
        return KEPT_BY_AZURE;
    }
    if (Array.isArray(value)) return value.map((v, i) => withKept(v, `${at}[${i}]`, onKept));
    if (!isPlainObject(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withKept(v, at ? `${at}.${k}` : k, onKept)]));
}

/** What the stack reader refuses in the converted config, each at its REST property path where it has one. */
function refusals(config: Record<string, unknown>): Finding[] {
    const text = Object.fromEntries(Object.entries(config).map(([k, v]) => [k, JSON.stringify(v)]));
    try {
        readStackConfig(text);
        return [];
    } catch (e) {
        if (!ComputeValidationError.isInstance(e)) throw e;
        return e.issues.map((i) => {
            for (const stackKind of STACK_KINDS) {
                const prefix = `${key(stackKind.key)}.`;
                if (!i.path.startsWith(prefix)) continue;
                const rest = i.path.slice(prefix.length);
                const name = /^[^.[]+/.exec(rest)?.[0] ?? rest;
                const argPath = rest.slice(name.length + 1);
                return {
                    severity: "error" as const,
                    subject: `${stackKind.key}.${name}`,
                    message: `${restPathOf(stackKind, argPath)}${i.message}`,
                };
            }
            return {
                severity: "error" as const,
                subject: i.path.slice(CONFIG_NAMESPACE.length + 1),
                message: i.message,
            };
        });
    }
}

/** `properties.properties.subnet (subnet): ` for an arg path: where Azure reported the value refused. */
function restPathOf(stackKind: StackKind, argPath: string): string {
    if (argPath === "") return "";
    const field = /^[^.[]+/.exec(argPath)?.[0] ?? argPath;
    const target = (stackKind.kind.fieldMap as Record<string, FieldTarget | undefined>)[field];
    const [landing] = target ? Object.entries(target.lands) : [];
    if (landing === undefined) return `${argPath}: `;
    const inner = landing[1].send === undefined ? argPath.slice(field.length) : "";
    return `${landing[0]}${inner} (${argPath}): `;
}

/** Every leaf of plain data with its path (`a.b[0].c`); nulls, empty objects and empty arrays have none. */
export function leaves(value: unknown, at = ""): [string, unknown][] {
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${at}[${i}]`));
    if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => leaves(v, at ? `${at}.${k}` : k));
    return [[at, value]];
}

/** A reported value as a message shows it: JSON, cut at 160 characters. */
function shortly(value: unknown): string {
    const text = show(value);
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
