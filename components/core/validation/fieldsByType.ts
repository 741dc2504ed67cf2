/**
 * Which args each type of a component takes, for components whose args differ by type (an inference cluster by
 * `computeType`, an attached compute by `type`). One statement per component feeds its per-type rules, the args
 * its mapping leaves out for a type (`ComputeKind.inapplicable`), its args' union type and the README's table.
 */

/** The args one type takes, of those that not every type takes. */
export interface TypeFields<F extends string> {
    /** Args this type can't do without. */
    readonly required: readonly F[];
    /** Args this type may be given. */
    readonly optional: readonly F[];
}

/** The args each type takes: every arg listed under some type is one that types differ on. */
export type FieldsByType<T extends string, F extends string> = Readonly<Record<T, TypeFields<F>>>;

/** The args a type of the table takes (required, then optional), as a type. */
export type TakenBy<Table extends FieldsByType<string, string>, T extends keyof Table> =
    Table[T]["required"][number] | Table[T]["optional"][number];

/** Every arg some type of the table takes, as a type. */
export type TypeSpecific<Table extends FieldsByType<string, string>> = {
    [T in keyof Table]: TakenBy<Table, T>;
}[keyof Table];

/** The args that types differ on, in the order of `order` (the component's field map, so reports keep its order). */
export function typeSpecificFields<F extends string>(
    byType: FieldsByType<string, F>,
    order: readonly string[],
): readonly F[] {
    const listed = new Set<string>(Object.values(byType).flatMap((t) => [...t.required, ...t.optional]));
    return order.filter((f): f is F => listed.has(f));
}

/** The args a type does not take, of those that types differ on, in the same order. */
export function fieldsNotTakenBy<F extends string>(
    byType: FieldsByType<string, F>,
    type: string,
    order: readonly string[],
): readonly F[] {
    // Own keys only: a type read from input may be "constructor" or "toString".
    const own = Object.prototype.hasOwnProperty.call(byType, type) ? byType[type] : undefined;
    const taken = new Set<string>(own ? [...own.required, ...own.optional] : []);
    return typeSpecificFields(byType, order).filter((f) => !taken.has(f));
}
