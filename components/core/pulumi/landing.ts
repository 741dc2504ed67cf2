/**
 * Builds a component's Compute child inputs from its field map: the one mapping mechanism of every component.
 *
 * Each arg lands where its target says, decided on its resolved value, never on the Input object: an Output
 * that resolves to `undefined` or `null` lands as an absent arg (its default, or nothing), so no object is
 * ever built around a missing value. What lands is a fresh copy of the validated value (own keys only, never
 * `__proto__`): the user's own objects never reach the child, so nothing the checks did not see is sent.
 *
 * An arg that is plain lands as plain data now. An arg with Outputs or Promises in it becomes one Output
 * (resolved as a whole, checked against its schema before it is sent), so during preview an arg with an
 * unknown part is unknown as a whole (`properties.properties.subnet`, not `subnet.id`). Secret leaves are
 * unwrapped while the arg resolves and wrapped again on their own leaf, so the rest of the arg stays readable.
 */
import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { AnyFieldMap, FieldTarget, Landing, WHOLE } from "./fieldMap";
import { isUnder } from "../validation/paths";
import {
    ArgsRules,
    fieldIsValid,
    isPlainObject,
    KEPT_BY_AZURE,
    replaceAt,
    splitDeferred,
} from "../validation/validate";

/** What a component's mapping needs besides its field map. */
export interface LandingSpec {
    readonly fields: AnyFieldMap;
    readonly rules: ArgsRules<z.ZodRawShape>;
    /** Child paths with fixed values (`properties.computeType: "AmlCompute"`). */
    readonly fixed?: Readonly<Record<string, unknown>>;
    /** Args that do not apply to this compute (another compute type's): never sent, defaults included. */
    readonly skip?: ReadonlySet<string>;
}

/** An arg's resolved value, and whether a secret Output (other than at its secret paths) went into it. */
interface Resolution {
    readonly value: unknown;
    readonly secret: boolean;
}

/** An arg ready to land: plain now, or an Output of its resolution. */
type Ready =
    | { readonly deferred: false; readonly value: unknown }
    | { readonly deferred: true; readonly value: pulumi.Output<Resolution> };

/** Builds the child's inputs from the args (already checked: plain problems have thrown by now). */
export function landArgs(spec: LandingSpec, args: Record<string, unknown>): Record<string, unknown> {
    const child: Record<string, unknown> = {};
    for (const [path, value] of Object.entries(spec.fixed ?? {})) setPath(child, path, value);
    for (const [key, target] of Object.entries<FieldTarget>(spec.fields)) {
        if (spec.skip?.has(key)) continue;
        const names = [key, ...(target.reads ?? [])];
        const ready = names.map((name) => prepare(args[name], name === key ? target.secrets : undefined));
        for (const [path, landing] of Object.entries(target.lands)) {
            const sent = whenResolved(ready, (values, late) => land(spec, names, target, landing, values, late));
            if (sent !== undefined) setPath(child, path, sent);
        }
    }
    return child;
}

/** What one landing sends, from the resolved values of its arg (`values[0]`) and of the args it reads. */
function land(
    spec: LandingSpec,
    names: readonly string[],
    target: FieldTarget,
    landing: Landing<unknown, unknown>,
    values: readonly unknown[],
    late: boolean,
): unknown {
    // A late value is sent only once it passes its own schema; the component's check reports it otherwise.
    if (
        late &&
        !names.every(
            (name, i) => values[i] === undefined || values[i] === null || fieldIsValid(spec.rules, name, values[i]),
        )
    )
        return undefined;
    const others = Object.fromEntries(names.slice(1).map((name, i) => [name, copyData(values[i + 1])]));
    const given = copyData(values[0]);
    const value =
        given !== undefined ? given : typeof target.default === "function" ? target.default(others) : target.default;
    if (value === undefined) return landing.absent;
    const withSecrets = wrapSecrets(value, target.secrets ?? []);
    return landing.send ? landing.send(withSecrets, others) : withSecrets;
}

/**
 * An arg as one plain value, or as one Output of its whole value. Secret Outputs are unwrapped while the arg
 * resolves: those at the arg's secret paths are wrapped again on their leaf, and any other makes every leaf
 * the arg sends a secret (on the leaf), so a secret password does not hide the rest of the admin account.
 */
function prepare(value: unknown, secrets: readonly string[] = []): Ready {
    const split = splitDeferred(value);
    if (split.deferred.length === 0) return { deferred: false, value };
    const leaves = split.deferred.map((d) => pulumi.output(d.value) as pulumi.Output<unknown>);
    const declared = (path: string) => secrets.some((s) => isUnder(path, s === WHOLE ? "" : s));
    const secret = Promise.all(
        leaves.map((o, i) => (declared(split.deferred[i]!.path) ? false : pulumi.isSecret(o))),
    ).then((all) => all.some(Boolean));
    const resolved = pulumi.all(leaves.map((o) => pulumi.unsecret(o))).apply(async (values): Promise<Resolution> => ({
        value: split.deferred.reduce<unknown>((acc, d, i) => replaceAt(acc, d.segments, values[i]), split.plain),
        secret: await secret,
    }));
    return { deferred: true, value: resolved };
}

/**
 * Runs `fn` on the values now when all are plain, else once every Output has resolved (never, while one is
 * unknown); what it sends is secret on each leaf when a secret went into it.
 */
function whenResolved(ready: readonly Ready[], fn: (values: readonly unknown[], late: boolean) => unknown): unknown {
    if (!ready.some((r) => r.deferred))
        return fn(
            ready.map((r) => r.value),
            false,
        );
    return pulumi
        .all(ready.map((r) => (r.deferred ? r.value : { value: r.value, secret: false })))
        .apply((resolutions) => {
            const sent = fn(
                resolutions.map((r) => r.value),
                true,
            );
            return resolutions.some((r) => r.secret) ? secretLeaves(sent) : sent;
        });
}

/** Every leaf of plain data made a Pulumi secret (leaves that are Outputs already are left as they are). */
function secretLeaves(value: unknown): unknown {
    if (value === undefined || pulumi.Output.isInstance(value)) return value;
    if (Array.isArray(value)) return value.map(secretLeaves);
    if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretLeaves(v)]));
    return pulumi.secret(value);
}

/** A copy of plain data: own keys only, no `__proto__`, `undefined`, `null` and values kept by Azure left out. */
function copyData(value: unknown): unknown {
    if (value === null || value === undefined || value === KEPT_BY_AZURE) return undefined;
    if (Array.isArray(value)) return value.map(copyData);
    if (!isPlainObject(value)) return value;
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
        const item = copyData(v);
        if (k !== "__proto__" && item !== undefined) copy[k] = item;
    }
    return copy;
}

/** The value with each present leaf at `paths` (relative, `.` for the whole value) made a Pulumi secret. */
function wrapSecrets(value: unknown, paths: readonly string[]): unknown {
    let result = value;
    for (const path of paths) {
        if (path === WHOLE) return pulumi.secret(result);
        const segments = path.split(".");
        let leaf: unknown = result;
        for (const s of segments) leaf = isPlainObject(leaf) ? leaf[s] : undefined;
        if (leaf !== undefined) result = replaceAt(result, segments, pulumi.secret(leaf));
    }
    return result;
}

/** Sets `value` at a dotted path, creating the plain objects on the way. */
function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
    const segments = path.split(".");
    let at = root;
    for (const s of segments.slice(0, -1)) at = (at[s] ??= {}) as Record<string, unknown>;
    at[segments[segments.length - 1]!] = value;
}
