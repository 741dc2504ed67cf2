/**
 * Where each arg of a component lands in its Compute child, and whether Azure can change it in place.
 * A component's field map is the one source of its immutable-field list (the child's
 * `replaceOnChanges`), of the README's "change" column, and of the tests that check both.
 */

/** One arg's place in the child's inputs. */
export interface FieldTarget {
    /**
     * The child input paths the arg sets (`properties.properties.vmSize`). Objects that can be added
     * or removed are given at the object (`properties.properties.subnet`): Pulumi replaces only when a
     * listed path is a prefix of the changed one. Empty for args that are only checked, never sent.
     */
    readonly paths: readonly string[];
    /** True when Azure can't apply a change in place, so a change replaces the compute. */
    readonly replaces: boolean;
    /** Paths inside the arg that hold secrets (`["password"]` for `admin`): Pulumi secrets from the moment they enter. */
    readonly secrets?: readonly string[];
}

/** Every arg of a component (optional ones included) with its target: a missing arg fails to compile. */
export type FieldMap<Args> = { readonly [K in keyof Args]-?: FieldTarget };

/** The child paths whose change replaces the compute, in field order, without repeats. */
export function immutablePaths<Args>(fields: FieldMap<Args>): readonly string[] {
    const paths = Object.values<FieldTarget>(fields).flatMap((f) => (f.replaces ? f.paths : []));
    return Object.freeze([...new Set(paths)]);
}

/** Whether a change at `path` would replace the compute: some immutable path is a prefix of it. */
export function replacesAt(path: string, immutable: readonly string[]): boolean {
    return immutable.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}

/** The arg paths that hold secrets (`admin.password`), for readers of args from outside TypeScript (stack config). */
export function secretArgPaths<Args>(fields: FieldMap<Args>): readonly string[] {
    return Object.freeze(
        Object.entries<FieldTarget>(fields).flatMap(([name, f]) => (f.secrets ?? []).map((inner) => (inner === "" ? name : `${name}.${inner}`))),
    );
}
