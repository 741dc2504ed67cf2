/**
 * Small helpers for user-facing validation messages: quoting the value a user gave, and suggesting
 * the field they probably meant when they misspell one.
 *
 * Every message in the library echoes the offending value the same way, so the quoting lives here
 * rather than in each rule module.
 */

/** How many characters of a value a message echoes before cutting it off with "…". */
export const MAX_ECHO_CHARS = 60;

/** Words longer than this get no did-you-mean suggestion. */
export const MAX_SUGGESTED_LENGTH = 64;

/** How many items a message lists before it says how many more there are. */
export const MAX_LISTED = 10;

/** `a, b, c` or, past `max` items, `a, b, c and 7 more`. */
export function listShort(items: readonly string[], max: number = MAX_LISTED): string {
    if (items.length <= max) return items.join(", ");
    return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/**
 * Quotes a value for a message: `JSON.stringify` (so quotes, newlines and control characters are
 * visible and unambiguous), cut to `maxChars` characters with "…" before the closing quote when
 * longer. Never pass a secret.
 *
 * Characters are counted as code points so that a cut never splits an emoji or other astral character
 * into a lone surrogate.
 */
export function quote(value: string, maxChars: number = MAX_ECHO_CHARS): string {
    const chars = Array.from(value);
    if (chars.length <= maxChars) {
        return JSON.stringify(value);
    }
    const head = JSON.stringify(chars.slice(0, maxChars).join(""));
    return `${head.slice(0, -1)}…"`;
}

/**
 * The field in `candidates` that `word` most likely misspells, or `undefined` when none is close.
 *
 * Comparison is case-insensitive and uses the optimal-string-alignment form of the Damerau-Levenshtein
 * distance, so a swap of two neighbouring letters (`vmPriorty` vs `vmPirority`) costs one edit, like
 * a single typo does. A candidate is close when its distance is at most `max(2, floor(word.length / 3))`
 * and it shares at least one aligned character with the word (otherwise every two-letter word would be
 * "close" to every other one). Among equally close candidates, an exact (case-sensitive) match wins,
 * then the first in `candidates` order, so a case-only difference is always the suggestion.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
    // No field name is this long: a key past it is junk, and comparing it would cost time for nothing.
    if (word.length > MAX_SUGGESTED_LENGTH) return undefined;
    const target = Array.from(word.toLowerCase());
    const limit = Math.max(2, Math.floor(target.length / 3));
    let best: string | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        if (candidate === word) {
            return candidate;
        }
        const other = Array.from(candidate.toLowerCase());
        const distance = editDistance(target, other);
        if (distance > limit || distance >= Math.max(target.length, other.length)) {
            continue;
        }
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/**
 * The message for a field the schema does not know: with a suggestion when one is close
 * (`unknown field "vmPriorty" (did you mean "vmPriority"?)`), otherwise the list of known fields
 * (`unknown field "zzz" (known fields: a, b, c)`), so the user always learns what is valid.
 */
export function unknownFieldMessage(field: string, known: readonly string[], noun = "field"): string {
    const suggestion = closest(field, known);
    if (suggestion !== undefined) {
        return `unknown ${noun} ${quote(field)} (did you mean ${quote(suggestion)}?)`;
    }
    if (known.length === 0) {
        return `unknown ${noun} ${quote(field)} (no ${noun}s are allowed here)`;
    }
    return `unknown ${noun} ${quote(field)} (known ${noun}s: ${known.join(", ")})`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
function editDistance(a: readonly string[], b: readonly string[]): number {
    // Full matrix: field names are short, and the swap rule needs the row before the previous one.
    const rows: number[][] = [];
    for (let i = 0; i <= a.length; i++) {
        const row = new Array<number>(b.length + 1).fill(0);
        row[0] = i;
        rows.push(row);
    }
    for (let j = 0; j <= b.length; j++) {
        rows[0]![j] = j;
    }
    for (let i = 1; i <= a.length; i++) {
        const row = rows[i]!;
        const previous = rows[i - 1]!;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                value = Math.min(value, rows[i - 2]![j - 2]! + 1);
            }
            row[j] = value;
        }
    }
    return rows[a.length]![b.length]!;
}
