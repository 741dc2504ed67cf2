/**
 * Where each arg of a component lands in its Compute child, how its value is sent there, and whether Azure
 * can change it in place. A component's field map is the one source of its mapping (the child's inputs are
 * built from it, so no arg can be forgotten), its immutable-field list (the child's `replaceOnChanges`),
 * its secret paths, the README's "change" column, and of the tests that check them.
 */
import type * as pulumi from "@pulumi/pulumi";

/**
 * How an arg's value lands at one child path. `send` sees the arg's validated value, fully resolved (never
 * an Output, never `undefined` or `null`), as a fresh copy: the user's own objects never reach the child.
 * Secret leaves (the target's `secrets`) arrive as Pulumi secrets: move them, never transform them.
 */
export interface Landing<V, A> {
    /** The child value from the arg's value; absent: the value as it is. */
    readonly send?: (value: V, args: A) => unknown;
    /** What the child gets at this path when the arg is absent (and has no default); absent: nothing. */
    readonly absent?: unknown;
    /**
     * The way back, for adopting a compute that exists: from what Azure reports at this path (never
     * `undefined` or `null`), the arg's value, or with several paths the part of it this one holds (an
     * object, merged with the others'). `undefined` means the arg is absent (what `absent` sends);
     * `NOT_REPORTED` marks a leaf Azure holds but never returns (a password). Absent: the reported value as
     * it is, for a landing without `send`; a landing with `send` needs one.
     */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- what Azure reports is JSON of the landing's shape
    readonly back?: (reported: any) => unknown;
}

/** A leaf Azure keeps but never returns (x-ms-secret values, an instance's SSH public key): the user must give it. */
export const NOT_REPORTED: unique symbol = Symbol("azureml-compute:not-reported");

/** One arg's place in the child's inputs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- defaults for a target read whatever its arg's type
export interface FieldTarget<V = any, A = any> {
    /**
     * The child input paths the arg sets (`properties.properties.vmSize`), each with how its value is sent.
     * Objects that can be added or removed are given at the object (`properties.properties.subnet`): Pulumi
     * replaces only when a listed path is a prefix of the changed one. Empty for args that are only checked.
     */
    readonly lands: Readonly<Record<string, Landing<V, A>>>;
    /** True when Azure can't apply a change in place, so a change replaces the compute. */
    readonly replaces: boolean;
    /**
     * Paths inside the arg that hold secrets (`["password"]` for `admin`), `["."]` when the whole arg is one:
     * Pulumi secrets from the moment they enter.
     */
    readonly secrets?: readonly string[];
    /** Paths inside the arg (besides `secrets`) that Azure keeps but never returns: an adopted compute declares them kept by Azure. */
    readonly notReturned?: readonly string[];
    /** The arg's value when it is absent: a value, or a function of the other args (those in `reads`). */
    readonly default?: V | ((args: A) => V | undefined);
    /** Other args whose resolved values `send` and `default` read (they arrive in `args`). */
    readonly reads?: readonly string[];
}

/** The secret path that stands for the whole arg. */
export const WHOLE = ".";

/** The resolved, validated values of a component's args, as `send` and `default` see them. */
export type Resolved<Args> = { readonly [K in keyof Args]?: NonNullable<pulumi.Unwrap<Args[K]>> };

/** Every arg of a component (optional ones included) with its target: a missing arg fails to compile. */
export type FieldMap<Args> = {
    readonly [K in keyof Args]-?: FieldTarget<NonNullable<pulumi.Unwrap<Args[K]>>, Resolved<Args>>;
};

/** A field map whatever its component's args: for code that reads every component's map the same way. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the existential type of maps of different args
export type AnyFieldMap = FieldMap<any>;

/** The child paths an arg sets. */
export function pathsOf(target: FieldTarget): readonly string[] {
    return Object.keys(target.lands);
}

/** The child paths whose change replaces the compute, in field order, without repeats. */
export function immutablePaths<Args>(fields: FieldMap<Args>): readonly string[] {
    const paths = Object.values<FieldTarget>(fields).flatMap((f) => (f.replaces ? pathsOf(f) : []));
    return Object.freeze([...new Set(paths)]);
}

/** The arg paths that hold secrets (`admin.password`), for readers of args from outside TypeScript (stack config). */
export function secretArgPaths<Args>(fields: FieldMap<Args>): readonly string[] {
    return Object.freeze(
        Object.entries<FieldTarget>(fields).flatMap(([name, f]) =>
            (f.secrets ?? []).map((inner) => (inner === WHOLE ? name : `${name}.${inner}`)),
        ),
    );
}

/** The arg paths Azure never returns (secrets and `notReturned`): where an adopted compute may say "kept by Azure". */
export function notReturnedArgPaths<Args>(fields: FieldMap<Args>): readonly string[] {
    const inner = (name: string, paths: readonly string[]) => paths.map((p) => (p === WHOLE ? name : `${name}.${p}`));
    return Object.freeze(
        Object.entries<FieldTarget>(fields).flatMap(([name, f]) =>
            inner(name, [...(f.secrets ?? []), ...(f.notReturned ?? [])]),
        ),
    );
}

/** Whether a change at `path` would replace the compute: some immutable path is a prefix of it (as the engine reads `replaceOnChanges`). */
export function replacesAt(path: string, immutable: readonly string[]): boolean {
    return immutable.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}
