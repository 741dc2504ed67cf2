/**
 * One statement per arg. A component declares each of its args once, in a table of arg specs:
 *
 * ```ts
 * /** `Dedicated` or `LowPriority` (cheaper, nodes can be pre-empted). *\/
 * vmPriority: arg<VmPriority>().optional(choice(VmPriority), {
 *     lands: { "properties.properties.vmPriority": {} },
 *     replaces: true,
 *     default: VmPriority.Dedicated,
 * }),
 * ```
 *
 * The doc comment, the name, the type (`arg<T>` takes a `pulumi.Input<T>`, `plainArg<T>` a plain `T`) and whether
 * it is required make the member of the args interface: `npm run docs` (scripts/generateArgs.ts) writes that
 * interface below the marker `// generated from <TABLE> by \`npm run docs\`` in the same file. The schema is the
 * arg's rules on its own, and the rest is its field map entry. The component reads its schemas
 * ({@link argSchemasOf}), its field map ({@link fieldMapOf}) and its defaults ({@link defaultsOf}) from the
 * table, so none of them is written twice.
 */
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { FieldTarget } from "./fieldMap";

/** One arg: its schema (optional already applied), its field map entry, and whether it must be a plain value. */
export interface ArgSpec<S extends z.ZodType = z.ZodType, G extends FieldTarget = FieldTarget> {
    readonly schema: S;
    readonly target: G;
    /** Declared with `plainArg`: never an Output or a Promise. */
    readonly plain: boolean;
}

/** A component's table of arg specs, by arg name. */
export type ArgSpecs = Readonly<Record<string, ArgSpec>>;

/** What `send` and `default` see of an arg of type `T`: resolved, never undefined. */
type Value<T> = NonNullable<pulumi.Unwrap<T>>;

/**
 * The two ways to finish an arg of type `T`: each checks that the schema takes no value of another type. The target
 * is a `const` type parameter so a default keeps its literal type (`*_DEFAULTS.namespace` is `"default"`, as a frozen
 * object literal would say), not a widened `string`.
 */
export interface ArgBuilder<T> {
    /** An arg the user must give. */
    required<S extends z.ZodType<unknown, pulumi.Unwrap<T>>, const G extends FieldTarget<Value<T>>>(
        schema: S,
        target: G,
    ): ArgSpec<S, G>;
    /** An arg the user may leave out (its schema takes `undefined` too). */
    optional<S extends z.ZodType<unknown, pulumi.Unwrap<T>>, const G extends FieldTarget<Value<T>>>(
        schema: S,
        target: G,
    ): ArgSpec<z.ZodOptional<S>, G>;
}

function builder<T>(plain: boolean): ArgBuilder<T> {
    return {
        required: (schema, target) => ({ schema, target, plain }),
        optional: (schema, target) => ({ schema: schema.optional(), target, plain }),
    };
}

/** An arg given as `pulumi.Input<T>`: a value, a Promise or an Output. */
export function arg<T>(): ArgBuilder<T> {
    return builder<T>(false);
}

/**
 * An arg given as a plain `T`, never an Output or a Promise, because the component reads it at construction (the
 * compute type it branches on, adoption's import id): see `ComputeKind.plainArgs`.
 */
export function plainArg<T>(): ArgBuilder<T> {
    return builder<T>(true);
}

/** The schema of each arg, for `strictObject`. */
export function argSchemasOf<Table extends ArgSpecs>(
    table: Table,
): { readonly [K in keyof Table]: Table[K]["schema"] } {
    return mapSpecs(table, (spec) => spec.schema) as { readonly [K in keyof Table]: Table[K]["schema"] };
}

/** The args declared with `plainArg`, in table order. */
export function plainArgsOf<Table extends ArgSpecs>(table: Table): readonly (keyof Table & string)[] {
    return Object.freeze(Object.keys(table).filter((name) => table[name].plain));
}

/** The field map entry of each arg (the caller types it as its `FieldMap<Args>`, which checks it against the args). */
export function fieldMapOf<Table extends ArgSpecs>(table: Table): { readonly [K in keyof Table]: Table[K]["target"] } {
    return mapSpecs(table, (spec) => spec.target) as { readonly [K in keyof Table]: Table[K]["target"] };
}

/**
 * A default that applies only when the other args say so (a new AKS cluster's VM size, not an existing cluster's):
 * a function of them, as a field map's `default` may be, that also says its value for `*_DEFAULTS` and the docs.
 */
export interface ConditionalDefault<V> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a field map's default reads the args as they resolve
    (args: any): V | undefined;
    /** The value, when the default applies. */
    readonly shown: V;
}

/** `value` when `applies` to the resolved args (list the args it reads in the target's `reads`). */
export function defaultWhen<const V, A>(value: V, applies: (args: A) => boolean): ConditionalDefault<V> {
    return Object.assign((args: A) => (applies(args) ? value : undefined), { shown: value });
}

function isConditional(given: unknown): given is ConditionalDefault<unknown> {
    return typeof given === "function" && "shown" in given;
}

/** The value a default shows: its own, or a conditional default's. */
type Shown<D> = D extends ConditionalDefault<infer V> ? V : D;

/** The args whose default is a value or a conditional default (not a bare function of other args). */
type ValueDefaulted<Table extends ArgSpecs> = {
    [K in keyof Table]: Table[K]["target"] extends { readonly default: infer D }
        ? D extends ConditionalDefault<unknown>
            ? K
            : D extends (...args: never[]) => unknown
              ? never
              : K
        : never;
}[keyof Table];

/** What each arg with a value default gets when it is left out: the component's `*_DEFAULTS`, frozen. */
export function defaultsOf<Table extends ArgSpecs>(
    table: Table,
): { readonly [K in ValueDefaulted<Table>]: Shown<Exclude<Table[K]["target"]["default"], undefined>> } {
    const entries = Object.entries(table).flatMap(([name, spec]) => {
        const given: unknown = spec.target.default;
        if (isConditional(given)) return [[name, given.shown] as const];
        return given === undefined || typeof given === "function" ? [] : [[name, given] as const];
    });
    return Object.freeze(Object.fromEntries(entries)) as never;
}

function mapSpecs<R>(table: ArgSpecs, pick: (spec: ArgSpec) => R): Record<string, R> {
    return Object.fromEntries(Object.entries(table).map(([name, spec]) => [name, pick(spec)]));
}
