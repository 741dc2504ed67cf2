/**
 * Zod building blocks shared by every component's schema, and the translation of zod's issues into
 * messages for people (`maxNodes: must be a whole number; got 2.5`).
 *
 * The library never changes zod's global configuration: a consumer's own zod use stays as it was.
 */
import { z } from "zod";
import { issue, ValidationIssue } from "./errors";
import { formatPath } from "./paths";
import { quote, unknownFieldMessage } from "./suggest";

/** Azure's int32 counts: anything past this overflows the REST API's integer fields. */
export const INT32_MAX = 2_147_483_647;
/** Free text (descriptions) is capped here: long enough for prose, short enough to catch a pasted file. */
export const FREE_TEXT_MAX = 1024;
/** Azure resource tags: at most 50 per resource, names up to 512 characters, values up to 256. */
export const TAG_LIMITS = { count: 50, name: 512, value: 256 } as const;

/** A non-empty string of at most `max` characters. */
export function text(max: number = FREE_TEXT_MAX) {
    return z.string().min(1).max(max);
}

/** A whole number from `min` to Azure's int32 maximum. */
export function count(min = 0, max: number = INT32_MAX) {
    return z.number().int().min(min).max(max);
}

/** One of the values of an `as const` choices object. */
export function choice<const T extends Record<string, string>>(choices: T) {
    return z.enum(Object.values(choices) as [T[keyof T], ...T[keyof T][]]);
}

/**
 * A string checked by a rule function that returns its problems as messages (empty = valid); `code` is the
 * finding code of those problems (`field/invalid` when the format has none of its own).
 */
export function checkedString(check: (value: string) => readonly string[], max = 4096, code?: string) {
    return z
        .string()
        .min(1)
        .max(max)
        .superRefine((value, ctx) => {
            for (const message of check(value)) {
                ctx.addIssue({ code: "custom", message, ...(code === undefined ? {} : withCode(code)) });
            }
        });
}

/** An object that rejects unknown fields, each with a did-you-mean suggestion. */
export function strictObject<const S extends z.ZodRawShape>(shape: S) {
    const known = Object.keys(shape);
    return z.strictObject(shape, {
        error: (raw) =>
            raw.code === "unrecognized_keys"
                ? raw.keys.map((key) => unknownFieldMessage(key, known)).join("; ")
                : undefined,
    });
}

/** Characters Azure refuses in tag names. */
const AZURE_TAG_NAME_REFUSED = /[<>%&\\?/]/;
/**
 * Characters that break every later `pulumi preview`/`up` of a tag: azure-native joins diff keys by plain
 * concatenation (`tags.env[prod]`), and for a resource with `replaceOnChanges` the engine fails the step on a
 * diff key it cannot parse.
 */
const DIFF_KEY_BREAKING = /[[\]]/;

/** A tag name: Azure's rules, and the engine's. */
const tagName = z
    .string()
    .min(1)
    .max(TAG_LIMITS.name)
    .superRefine((name, ctx) => {
        if (AZURE_TAG_NAME_REFUSED.test(name)) {
            ctx.addIssue({
                code: "custom",
                message: `${quote(name)} is not a tag name Azure takes: tag names can't contain <, >, %, &, \\, ? or /`,
                ...withCode("tags/refused-character"),
            });
        }
        // The Pulumi SDK turns the tags into text on the way to the engine: a "toString" that is a string stops
        // the registration without an error (the compute is silently left out).
        if (name === "toString") {
            ctx.addIssue({
                code: "custom",
                message: `"toString" can't be a tag name here: the Pulumi SDK fails to register a resource with it`,
                ...withCode("tags/to-string-name"),
            });
        }
        if (DIFF_KEY_BREAKING.test(name)) {
            ctx.addIssue({
                code: "custom",
                message: `${quote(name)} can't be a tag name here: a "[" or "]" in it makes every later pulumi preview and up of the tag fail (azure-native's diff keys can't hold them)`,
                ...withCode("tags/bracket-in-name"),
            });
        }
    });

/** Azure resource tags. */
export const tagsSchema = z
    .record(tagName, z.string().max(TAG_LIMITS.value))
    .refine((tags) => Object.keys(tags).length <= TAG_LIMITS.count, {
        message: `at most ${TAG_LIMITS.count} tags are allowed on an Azure resource`,
        ...withCode("tags/too-many"),
    });

/** Describes a value's type for a message, without echoing the value (it may be a secret). */
export function describeType(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "number")
        return Number.isNaN(value) ? "NaN" : Number.isFinite(value) ? "a number" : String(value);
    if (typeof value === "object") {
        // A class instance (a Date, a Map, a Pulumi resource given where its id belongs) says what it is.
        const proto: unknown = Object.getPrototypeOf(value);
        const name =
            proto === null || proto === Object.prototype
                ? undefined
                : (proto as { constructor?: { name?: unknown } }).constructor?.name;
        return typeof name === "string" && name !== "" && name !== "Object"
            ? `a ${name.slice(0, 40)} object`
            : "an object";
    }
    if (typeof value === "string") return "a string";
    if (typeof value === "boolean") return "a boolean";
    return typeof value;
}

const EXPECTED: Record<string, string> = {
    string: "a string",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
    object: "an object",
    array: "a list",
    record: "an object",
};

/** Turns one zod issue into the message a person reads. */
function humanMessage(raw: z.core.$ZodIssue, input: unknown): string {
    switch (raw.code) {
        case "invalid_type": {
            if (input === undefined) return "is required";
            if (raw.expected === "int") return `must be a whole number; got ${String(input)}`;
            return `expected ${EXPECTED[raw.expected] ?? raw.expected}, got ${describeType(input)}`;
        }
        case "too_small":
            if (raw.origin === "string")
                return Number(raw.minimum) <= 1 ? "must not be empty" : `must be at least ${raw.minimum} characters`;
            if (raw.origin === "array")
                return `must have at least ${raw.minimum} item${Number(raw.minimum) === 1 ? "" : "s"}`;
            return `must be at least ${raw.minimum}; got ${String(input)}`;
        case "too_big":
            if (raw.origin === "string")
                return `is ${String(input).length} characters long; at most ${raw.maximum} are allowed`;
            if (raw.origin === "array")
                return `has ${(input as unknown[]).length} items; at most ${raw.maximum} are allowed`;
            return `must be at most ${raw.maximum}; got ${String(input)}`;
        case "invalid_key":
            // The problems of a record's key (a tag name): the key is the value they are about.
            return raw.issues.map((inner) => humanMessage(inner, raw.path[raw.path.length - 1])).join("; ");
        case "invalid_value":
            if (input === undefined) return "is required";
            // Quoted and cut short: a value typed into the wrong field can be anything, a token included.
            return `${typeof input === "string" ? quote(input) : describeType(input)} is not one of ${raw.values.map((v) => JSON.stringify(v)).join(", ")}`;
        default:
            return raw.message;
    }
}

/** Reads the value at a zod path (for messages), or undefined when the path leads nowhere. */
export function valueAt(root: unknown, segments: readonly PropertyKey[]): unknown {
    let current: unknown = root;
    for (const s of segments) {
        if (current === null || typeof current !== "object") return undefined;
        current = (current as Record<PropertyKey, unknown>)[s];
    }
    return current;
}

/** The code a refinement attaches to its issue: `ctx.addIssue({ code: "custom", message, params: { code } })`. */
export function withCode(code: string): { readonly params: { readonly code: string } } {
    return { params: { code } };
}

/**
 * The finding code of one zod issue: the refinement's own (`params.code`, see {@link withCode}), else one derived
 * from zod's failure kind alone, so that rewording a message or a schema never changes it.
 */
function codeOf(raw: z.core.$ZodIssue, input: unknown): string {
    switch (raw.code) {
        case "invalid_type":
            return input === undefined ? "field/required" : "field/invalid-type";
        case "too_small":
            return "field/too-small";
        case "too_big":
            return "field/too-big";
        case "invalid_value":
            return input === undefined ? "field/required" : "field/not-one-of";
        case "unrecognized_keys":
            return "field/unknown";
        case "invalid_key": {
            // A record key's problem (a tag name) is the key's own: the inner issue's code.
            const inner = raw.issues[0];
            return inner === undefined ? "field/invalid-key" : codeOf(inner, raw.path[raw.path.length - 1]);
        }
        case "custom": {
            const attached = (raw.params as { code?: unknown } | undefined)?.code;
            return typeof attached === "string" ? attached : "field/invalid";
        }
        default:
            return "field/invalid";
    }
}

/** Converts zod's issues for `input` into the library's issues, paths prefixed with `base`. */
export function fromZodIssues(raws: readonly z.core.$ZodIssue[], input: unknown, base = ""): ValidationIssue[] {
    return raws.map((raw) => {
        const value = valueAt(input, raw.path);
        const found = issue(codeOf(raw, value), formatPath(raw.path, base), humanMessage(raw, value));
        return raw.code === "invalid_type" && value !== undefined ? { ...found, wrongType: true as const } : found;
    });
}
