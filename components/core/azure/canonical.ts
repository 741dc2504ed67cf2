/**
 * One order for lists Azure treats as sets (identity ids, schedules, schedule hours). azure-native diffs a
 * list by position, so the same items in another order would read as a change, and for a compute instance
 * as a replacement that loses its disk: such lists are sent sorted.
 */

/** The items sorted by a key (ties keep their order). */
export function canonicalOrder<T>(items: readonly T[], key: (item: T) => string | number): T[] {
    return items
        .map((item, i) => ({ item, i, k: key(item) }))
        .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
        .map((e) => e.item);
}

/** A key that orders plain data by its content: JSON with object keys sorted. */
export function contentKey(value: unknown): string {
    return JSON.stringify(value, (_k, v: unknown) =>
        v !== null && typeof v === "object" && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
            : v,
    );
}
