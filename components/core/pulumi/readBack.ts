/**
 * The way back from Azure to args, for adopting a compute that exists: what Azure reports about it (its
 * REST body in azure-native's input shape), read through the component's field map, landing by landing
 * (each landing's `back`, the inverse of its `send`). The converse of ./landing.
 */
import { AnyFieldMap, FieldTarget } from "./fieldMap";
import { isPlainObject } from "../validation/validate";

/** What a compute's reported properties say as args. */
export interface ReadBack {
    /** The args, with `NOT_REPORTED` at the leaves Azure keeps but never returns. */
    args: Record<string, unknown>;
    /** Child paths Azure reports a value at whose landing has no way back (a mapping without `back`). */
    readonly unreadable: readonly string[];
}

/** The value at a dotted path; `null` reads as absent (Azure reports absent values as `null` too). */
export function valueAtPath(root: unknown, path: string): unknown {
    let at: unknown = root;
    for (const segment of path.split(".")) at = isPlainObject(at) ? at[segment] : undefined;
    return at === null ? undefined : at;
}

/** The args a reported compute holds, for the fields not in `skip` (another compute type's). */
export function readBack(
    fields: AnyFieldMap,
    reported: Record<string, unknown>,
    skip: ReadonlySet<string> = new Set(),
): ReadBack {
    const args: Record<string, unknown> = {};
    const unreadable: string[] = [];
    for (const [key, target] of Object.entries<FieldTarget>(fields)) {
        if (skip.has(key)) continue;
        const landings = Object.entries(target.lands);
        const parts: unknown[] = [];
        for (const [path, landing] of landings) {
            const value = withoutNulls(valueAtPath(reported, path));
            if (value === undefined) continue;
            if (landing.send !== undefined && landing.back === undefined) unreadable.push(path);
            else parts.push(landing.back ? landing.back(value) : value);
        }
        const value = landings.length > 1 ? merged(parts) : parts[0];
        const clean = withoutNulls(value);
        if (clean !== undefined) args[key] = clean;
    }
    return { args, unreadable };
}

/** The parts several landings read back, as one object (absent when every part is). */
function merged(parts: readonly unknown[]): unknown {
    const objects = parts.filter(isPlainObject);
    return objects.length === 0 ? undefined : Object.assign({}, ...objects);
}

/** A copy without `null`s and `undefined`s (and without objects left empty); NOT_REPORTED stays. */
function withoutNulls(value: unknown): unknown {
    if (value === null || value === undefined) return undefined;
    if (Array.isArray(value)) return value.map(withoutNulls).filter((v) => v !== undefined);
    if (!isPlainObject(value)) return value;
    const entries = Object.entries(value)
        .map(([k, v]) => [k, withoutNulls(v)] as const)
        .filter(([k, v]) => v !== undefined && k !== "__proto__");
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
}
