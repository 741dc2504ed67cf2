/**
 * Validation of a component's args: every plain value now, every Output value when it resolves.
 *
 * A component's rules come in two layers:
 * - field schemas (zod): the type, range and format of each top-level field on its own;
 * - cross-field rules: functions over the parsed fields, each naming the fields it reads, so it runs only
 *   once all of them are known and valid (a rule never sees a value that is still an Output).
 * Warnings are rules too: they report, but never stop a deployment.
 */
import { randomUUID } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { issue, ValidationIssue } from "./errors";
import { formatPath, isUnder, joinPath } from "./paths";
import { describeType, fromZodIssues } from "./schema";
import { quote, unknownFieldMessage } from "./suggest";

/**
 * Reports a problem: the paths of every field involved (the first is the problem's own), and the message; `code`
 * is the problem's own finding code, for a rule that finds several distinct problems (else the rule's `code`).
 */
export type Report = (paths: string | readonly string[], message: string, code?: string) => void;

/** A rule over several fields. */
export interface Rule<V> {
    /** The finding code of the rule's problems (see `ValidationIssue.code`): stable once shipped, unique per rule. */
    readonly code: string;
    /** The top-level fields the rule reads; it runs only when each of them is known and valid. */
    readonly reads: readonly (keyof V & string)[];
    /** Checks the parsed values and reports each problem. */
    readonly check: (values: V, report: Report) => void;
}

/** What validation needs to know about one component's args. */
export interface ArgsRules<S extends z.ZodRawShape> {
    /** The field schemas: one entry per top-level arg. */
    readonly schema: z.ZodObject<S>;
    /** Cross-field rules whose problems are errors. */
    readonly rules: readonly Rule<z.output<z.ZodObject<S>>>[];
    /** Cross-field rules whose problems are warnings. */
    readonly warnings: readonly Rule<z.output<z.ZodObject<S>>>[];
    /** Why a field users expect is not there (`location` on an instance): said instead of a suggestion. */
    readonly absentFields?: Readonly<Record<string, string>>;
}

/** The outcome of validating one set of values. */
export interface ValidationResult<V> {
    readonly issues: readonly ValidationIssue[];
    readonly warnings: readonly string[];
    /** The parsed value of every top-level field that is known and valid. */
    readonly values: Partial<V>;
}

/** Stands in for a value that is not known yet (an Output or a Promise). */
export const DEFERRED: unique symbol = Symbol("azureml-compute:deferred");

/**
 * The stand-ins the offline plan passes for `secure:` config values it can't decrypt without the Pulumi CLI: like an
 * unknown value during preview, never validated (their content is not the real one). Config reaches a program as
 * text, so a stand-in is a string; but each is made unique for the run and registered here (shared by every copy
 * of the library in the process), so no value a user writes can pass for one and go unchecked.
 */
const SECRET_STAND_INS: Set<string> = ((globalThis as Record<symbol, Set<string> | undefined>)[
    Symbol.for("azureml-compute:secret-stand-ins")
] ??= new Set<string>());

/** A new stand-in for a secret the offline plan can't decrypt. */
export function secretStandIn(): string {
    const text = `[secret: not decrypted by the offline plan ${randomUUID()}]`;
    SECRET_STAND_INS.add(text);
    return text;
}

/** Whether a value is one of the offline plan's stand-ins for a secret. */
export function isSecretStandIn(value: unknown): boolean {
    return typeof value === "string" && SECRET_STAND_INS.has(value);
}

/**
 * What an adopted compute declares where Azure keeps a value it never returns (a password, an access token,
 * an instance's SSH key). Declaring the value itself would make Pulumi want to replace the compute it
 * imports, since the import reads no such value; the marker says "as it is in Azure": it is never sent, its
 * content is never checked, and the field counts as set for the cross-field rules. Only with `adopt: true`.
 */
export const KEPT_BY_AZURE = "[kept by Azure]";

/** An input whose value is not known yet, and where it sits in the args. */
export interface DeferredInput {
    readonly path: string;
    readonly segments: readonly (string | number)[];
    readonly value: pulumi.Output<unknown> | PromiseLike<unknown>;
}

/** Whether a value is not known yet: an Output or a Promise. */
export function isDeferred(value: unknown): value is pulumi.Output<unknown> | PromiseLike<unknown> {
    // The engine can also hand a component provider the bare unknown marker (preview, no dependencies).
    if (pulumi.isUnknown(value)) return true;
    return (
        pulumi.Output.isInstance(value) ||
        (value !== null && typeof value === "object" && typeof (value as PromiseLike<unknown>).then === "function")
    );
}

/** A plain object (object literal or JSON), not an array, class instance or null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (value === null || typeof value !== "object") return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

/** How deep args may nest. The deepest real arg is about five levels (`schedules[0].recurrence.hours[0]`). */
export const MAX_DEPTH = 32;

/** Args split into what is known now and what is not. */
export interface SplitArgs {
    /** The args with each Output or Promise replaced by DEFERRED (the args themselves when nothing was replaced). */
    readonly plain: unknown;
    /** Every Output or Promise, with its path. */
    readonly deferred: DeferredInput[];
    /**
     * The paths of the plan's secret stand-ins ({@link secretStandIn}) and of values kept by Azure: they stay in `plain` (a decrypted value is a string, so its type
     * can be checked) but their content is never checked.
     */
    readonly unchecked: string[];
    /** The paths of {@link KEPT_BY_AZURE} markers (also in `unchecked`). */
    readonly kept: string[];
    /** What makes args no data at all: a cycle, nesting past {@link MAX_DEPTH}, an own `__proto__` key. */
    readonly problems: ValidationIssue[];
    /** The paths of the cycles and too-deep values (replaced by DEFERRED in `plain`, never checked further). */
    readonly blocked: string[];
}

/**
 * Splits args into their plain part and the list of deferred inputs with their paths. Only plain objects and
 * arrays are walked, at most {@link MAX_DEPTH} levels deep, each object once on a path (a cycle is a problem,
 * an object shared by two fields is not). An own `__proto__` key (what `JSON.parse` makes of one) is a problem
 * and is left out of `plain`. Parts without anything to replace are handed back as they are, uncopied.
 */
export function splitDeferred(value: unknown): SplitArgs {
    const split: SplitArgs = { plain: value, deferred: [], unchecked: [], kept: [], problems: [], blocked: [] };
    const onPath = new Set<object>();
    const walk = (v: unknown, segments: readonly (string | number)[]): unknown => {
        if (isDeferred(v)) {
            split.deferred.push({ path: formatPath(segments), segments, value: v });
            return DEFERRED;
        }
        if (isSecretStandIn(v) || v === KEPT_BY_AZURE) {
            split.unchecked.push(formatPath(segments));
            if (v === KEPT_BY_AZURE) split.kept.push(formatPath(segments));
            return v;
        }
        const isArray = Array.isArray(v);
        const path = formatPath(segments);
        if (hasDataPrototype(v)) {
            // What `obj.__proto__ = {...}` makes (a copy of a JSON object with an own "__proto__" key, say): its
            // prototype's fields would be serialized as real fields, unchecked.
            split.problems.push(issue("args/proto-key", joinPath(path, "__proto__"), PROTO_KEY_MESSAGE));
            return v;
        }
        if (!isArray && !isPlainObject(v)) return v;
        if (onPath.has(v as object)) {
            split.problems.push(
                issue(
                    "args/cycle",
                    path,
                    "refers back to an object that contains it (a cycle): args must be plain data",
                ),
            );
            split.blocked.push(path);
            return DEFERRED;
        }
        if (segments.length >= MAX_DEPTH) {
            split.problems.push(
                issue(
                    "args/too-deep",
                    path,
                    `is nested more than ${MAX_DEPTH} levels deep: args must be plain data of a few levels`,
                ),
            );
            split.blocked.push(path);
            return DEFERRED;
        }
        onPath.add(v as object);
        let changed = false;
        let result: unknown;
        if (isArray) {
            const items = (v as unknown[]).map((item, i) => {
                const walked = walk(item, [...segments, i]);
                changed ||= walked !== item;
                return walked;
            });
            result = changed ? items : v;
        } else {
            const entries: [string, unknown][] = [];
            for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
                if (k === "__proto__") {
                    split.problems.push(issue("args/proto-key", joinPath(path, k), PROTO_KEY_MESSAGE));
                    changed = true;
                    continue;
                }
                const walked = walk(item, [...segments, k]);
                changed ||= walked !== item;
                entries.push([k, walked]);
            }
            result = changed ? Object.fromEntries(entries) : v;
        }
        onPath.delete(v as object);
        return result;
    };
    return { ...split, plain: walk(value, []) };
}

/** Whether an object's prototype is itself plain data (not a class's prototype, not Object.prototype). */
function hasDataPrototype(v: unknown): boolean {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
    const proto: unknown = Object.getPrototypeOf(v);
    return (
        proto !== null &&
        proto !== Object.prototype &&
        isPlainObject(proto) &&
        !Object.prototype.hasOwnProperty.call(proto, "constructor")
    );
}

/** Why an own `__proto__` key is refused wherever it appears. */
export const PROTO_KEY_MESSAGE =
    "is not allowed as a key: \"__proto__\" names an object's prototype in JavaScript, so it can't be checked or sent as a field (remove it)";

/** Returns a copy of `root` with the value at `segments` replaced. */
export function replaceAt(root: unknown, segments: readonly (string | number)[], value: unknown): unknown {
    if (segments.length === 0) return value;
    const [head, ...rest] = segments;
    const container = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
    container[head] = replaceAt(container[head], rest, value);
    return container;
}

/**
 * Validates values, some of which may still be DEFERRED (listed in `deferredPaths`): problems that
 * involve a deferred value are left for later, and rules that read one are not run yet.
 */
export function validateValues<S extends z.ZodRawShape>(
    spec: ArgsRules<S>,
    raw: unknown,
    deferredPaths: readonly string[] = [],
    uncheckedPaths: readonly string[] = [],
): ValidationResult<z.output<z.ZodObject<S>>> {
    type V = z.output<z.ZodObject<S>>;
    const touchesDeferred = (path: string) => deferredPaths.some((d) => isUnder(path, d) || isUnder(d, path));
    // Placeholders for values the offline plan could not decrypt: a wrong type is still an error (a decrypted
    // value is a string), but what the real value contains can't be known.
    const touchesUnchecked = (path: string) => uncheckedPaths.some((u) => isUnder(path, u) || isUnder(u, path));
    const dropped = (i: ValidationIssue) => touchesDeferred(i.path) || (touchesUnchecked(i.path) && !i.wrongType);
    if (!isPlainObject(raw)) {
        return {
            issues: [issue("args/not-an-object", "", `expected an object of arguments, got ${describeType(raw)}`)],
            warnings: [],
            values: {},
        };
    }
    const shape = spec.schema.shape;
    const known = Object.keys(shape);
    const issues: ValidationIssue[] = [];
    for (const key of Object.keys(raw)) {
        // An own-property check: "constructor" or "toString" must not pass as known fields.
        if (!Object.prototype.hasOwnProperty.call(shape, key) && raw[key] !== undefined) {
            const why = spec.absentFields?.[key];
            issues.push(
                issue(
                    "field/unknown",
                    "",
                    why !== undefined ? `unknown field ${quote(key)}: ${why}` : unknownFieldMessage(key, known),
                    key,
                ),
            );
        }
    }

    const values: Partial<V> = {};
    const ready = new Set<string>();
    // Fast path for the common case, every value plain and valid: one parse of the whole object. Only when
    // it fails (or some values are deferred) is each field parsed on its own, to say exactly what is wrong.
    const whole =
        deferredPaths.length === 0 && uncheckedPaths.length === 0 && issues.length === 0
            ? spec.schema.safeParse(raw)
            : undefined;
    if (whole?.success) {
        Object.assign(values, whole.data);
        for (const key of known) ready.add(key);
    }
    for (const key of whole?.success ? [] : known) {
        const path = joinPath("", key);
        const value = raw[key];
        if (value === DEFERRED) continue;
        const parsed = (shape[key] as z.ZodType).safeParse(value);
        const found = parsed.success ? [] : fromZodIssues(parsed.error.issues, value, path);
        const kept = found.filter((i) => !dropped(i));
        issues.push(...kept);
        // A field whose only problems are the content of placeholders (strings whose real content is not known)
        // is there, as far as the cross-field rules can tell: they run with the placeholder in it.
        if (!touchesDeferred(path) && kept.length === 0) {
            (values as Record<string, unknown>)[key] = parsed.success ? parsed.data : value;
            ready.add(key);
        }
    }

    const run = (rules: readonly Rule<V>[], onReport: (rule: Rule<V>) => Report) => {
        for (const rule of rules) {
            if (rule.reads.every((key) => ready.has(key))) rule.check(values as V, onReport(rule));
        }
    };
    run(spec.rules, (rule) => (paths, message, code) => {
        const [first, ...rest] = typeof paths === "string" ? [paths] : paths;
        issues.push(issue(code ?? rule.code, first ?? "", message, ...rest));
    });
    const warnings: string[] = [];
    run(spec.warnings, () => (paths, message) => {
        const first = typeof paths === "string" ? paths : paths[0];
        warnings.push(first ? `${first}: ${message}` : message);
    });
    return { issues, warnings, values };
}

/**
 * Whether one resolved arg passes its own field schema: what the mapping asks before it sends a value that
 * arrived late (an invalid one is reported by the component's check, and never sent). Placeholders the
 * offline plan could not decrypt pass when their type is right.
 */
export function fieldIsValid<S extends z.ZodRawShape>(spec: ArgsRules<S>, key: string, value: unknown): boolean {
    const split = splitDeferred(value);
    if (split.problems.length > 0 || split.deferred.length > 0) return false;
    const schema = spec.schema.shape[key] as z.ZodType | undefined;
    if (schema === undefined) return false;
    const parsed = schema.safeParse(split.plain);
    if (parsed.success) return true;
    // Paths relative to the arg, as the placeholders' are.
    return fromZodIssues(parsed.error.issues, split.plain).every(
        (i) => !i.wrongType && split.unchecked.some((u) => isUnder(i.path, u)),
    );
}

/**
 * `true` when A and B accept the same values (each assignable to the other), else `false`: a component
 * declares `const check: SameShape<z.input<typeof schema>, pulumi.Unwrap<Args>> = true` so that its
 * schema and its args interface can't drift apart unnoticed.
 */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
