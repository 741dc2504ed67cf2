/**
 * Compute name rules, checked before anything reaches Azure.
 *
 * The rules are the ones Azure ML Studio's Compute forms enforce. They are a little stricter than the
 * REST API's `computeName` path pattern (see {@link REST_COMPUTE_NAME_PATTERN}): Studio rejects a name
 * ending in "-", the pattern lets it through. Every name these rules accept matches the pattern, so
 * following Studio never produces a name the API refuses.
 */
import { listShort, quote } from "../validation/suggest";

/** An inclusive range of name lengths, in characters. */
export interface NameRange {
    readonly min: number;
    readonly max: number;
}

/** Compute instances and compute clusters: 3 to 24 characters. */
export const INSTANCE_OR_CLUSTER_NAME: NameRange = Object.freeze({ min: 3, max: 24 });

/**
 * Inference clusters and attached compute: 3 to 16 characters. Studio says 2 to 16, but the REST API's
 * pattern needs at least 3, so 3 is the real minimum.
 */
export const INFERENCE_OR_ATTACHED_NAME: NameRange = Object.freeze({ min: 3, max: 16 });

/**
 * The REST API's `computeName` path parameter pattern (API version 2025-12-01), kept to test that the
 * Studio rules never accept a name the API would reject.
 */
export const REST_COMPUTE_NAME_PATTERN = /^[a-zA-Z](?![a-zA-Z0-9-]*-\d+$)[a-zA-Z0-9-]{2,23}$/;

/** The compute name rules in words, for the README; the same rules {@link checkComputeName} applies. */
export const COMPUTE_NAME_RULES: readonly string[] = Object.freeze([
    `${INSTANCE_OR_CLUSTER_NAME.min} to ${INSTANCE_OR_CLUSTER_NAME.max} characters for compute instances and compute clusters; ` +
        `${INFERENCE_OR_ATTACHED_NAME.min} to ${INFERENCE_OR_ATTACHED_NAME.max} for inference clusters and attached compute`,
    'only ASCII letters (a-z, A-Z), digits (0-9) and "-"',
    "must start with a letter",
    'a "-" must be followed by at least one letter later in the name: "my-cluster1" and "a-1b" are valid; ' +
        '"cluster-1", "abc-" and "gpu-2-4" are not',
    "must be unique among the computes of the Azure region (Azure checks this when it creates the compute)",
]);

/**
 * Checks a compute name against the Studio's name rules with the given length range. Returns every rule
 * that fails, in a fixed order (length, characters, first character, "-"), so a user fixes a name in one
 * round; an empty name gets only the length message, since the other rules say nothing useful about it.
 */
export function checkComputeName(name: string, range: NameRange): string[] {
    // Code points, not UTF-16 units: "🚀" is one character to the person who typed it.
    const chars = Array.from(name);
    const problems: string[] = [];
    const shown = quote(name);

    if (chars.length < range.min || chars.length > range.max) {
        const unit = chars.length === 1 ? "character" : "characters";
        problems.push(
            `${shown} is ${chars.length} ${unit} long; compute names must be ${range.min} to ${range.max} characters`,
        );
    }
    if (chars.length === 0) {
        return problems;
    }

    const offending = [...new Set(chars.filter((c) => !isAllowedChar(c)))];
    if (offending.length > 0) {
        problems.push(
            `${shown} contains ${listShort(offending.map(showChar))}: only ASCII letters, digits and "-" are allowed`,
        );
    }
    if (!isAsciiLetter(chars[0]!)) {
        problems.push(`${shown}: must start with a letter`);
    }
    const lastHyphen = chars.lastIndexOf("-");
    if (lastHyphen >= 0 && !chars.slice(lastHyphen + 1).some(isAsciiLetter)) {
        problems.push(`${shown}: a "-" must be followed by at least one letter later in the name`);
    }
    return problems;
}

/** Checks the name of a compute instance or compute cluster (3 to 24 characters). */
export function checkInstanceOrClusterName(name: string): string[] {
    return checkComputeName(name, INSTANCE_OR_CLUSTER_NAME);
}

/** Checks the name of an inference cluster or attached compute (3 to 16 characters). */
export function checkInferenceOrAttachedName(name: string): string[] {
    return checkComputeName(name, INFERENCE_OR_ATTACHED_NAME);
}

function isAsciiLetter(c: string): boolean {
    return /^[A-Za-z]$/.test(c);
}

function isAllowedChar(c: string): boolean {
    return /^[A-Za-z0-9-]$/.test(c);
}

/**
 * Quotes one offending character. Characters that would be invisible or confusing between quotes
 * (spaces other than " ", zero-width and combining marks, controls) are shown as an escape instead,
 * so the user can see what to delete.
 */
function showChar(c: string): string {
    const json = JSON.stringify(c);
    if (c === " " || json !== `"${c}"` || !/^[\p{Z}\p{C}\p{M}]$/u.test(c)) {
        // JSON already escapes controls ("\t") and quotes; other visible characters show as they are.
        return json;
    }
    const code = c.codePointAt(0)!;
    const hex = code.toString(16).padStart(4, "0");
    return code > 0xffff ? `"\\u{${hex}}"` : `"\\u${hex}"`;
}
