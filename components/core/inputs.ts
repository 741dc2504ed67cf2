/**
 * Helpers for building the child's inputs from the user's Inputs without ever wrapping a whole
 * object in one `apply`: each helper keeps Outputs on their own leaves, so a secret stays secret
 * on its leaf and every other field's change stays visible to `replaceOnChanges`.
 */
import * as pulumi from "@pulumi/pulumi";
import { isDeferred } from "./validate";

/** Applies `fn` to a plain value now, or to an Output's value when it resolves. */
export function lift<T, U>(input: pulumi.Input<T>, fn: (value: T) => U): pulumi.Input<U> {
    return isDeferred(input) ? pulumi.output(input).apply((v) => fn(v as T)) : fn(input as T);
}

/** Like `lift`, but passes undefined through untouched (an absent optional field stays absent). */
export function liftOptional<T, U>(input: pulumi.Input<T> | undefined, fn: (value: T) => U): pulumi.Input<U> | undefined {
    if (input === undefined) return undefined;
    return lift(input, (v) => (v === undefined ? undefined : fn(v)) as U);
}

/**
 * Maps an object-valued Input. When the object itself is plain, `fn` sees its fields as they are
 * (plain values or Outputs on the leaves); only an Output object is resolved as a whole.
 */
export function mapObject<T extends object, U>(input: pulumi.Input<T> | undefined, fn: (value: pulumi.Unwrap<T> | T) => U): pulumi.Input<U> | undefined {
    if (input === undefined) return undefined;
    if (isDeferred(input)) {
        return pulumi.output(input).apply((v) => (v === undefined ? undefined : fn(v as pulumi.Unwrap<T>))) as pulumi.Output<U>;
    }
    return fn(input as T);
}

/** Reads one field of an object-valued Input, keeping an Output an Output (and a plain field as it is). */
export function field<T extends object, K extends keyof T>(input: pulumi.Input<T>, key: K): pulumi.Input<pulumi.Unwrap<T[K]>> {
    if (isDeferred(input)) {
        return pulumi.output(input).apply((v) => (v as T)[key]) as unknown as pulumi.Output<pulumi.Unwrap<T[K]>>;
    }
    return (input as T)[key] as pulumi.Input<pulumi.Unwrap<T[K]>>;
}

/** Marks a value secret at its own leaf; absent stays absent. */
export function secretLeaf<T>(input: pulumi.Input<T> | undefined): pulumi.Output<pulumi.Unwrap<T>> | undefined {
    return input === undefined ? undefined : pulumi.secret(input);
}


/** The input, or `fallback` when it is absent (or an Output that resolves to undefined). */
export function withDefault<T>(input: pulumi.Input<T> | undefined, fallback: T): pulumi.Input<T> {
    if (input === undefined) return fallback;
    return lift(input, (v) => (v === undefined || v === null ? fallback : v)) as pulumi.Input<T>;
}
