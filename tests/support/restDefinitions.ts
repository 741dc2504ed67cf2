/**
 * Checks a registered `azure-native:machinelearningservices:Compute` payload against the Azure ML REST definitions
 * (shared/reference/azure-ml-compute-2025-12-01.definitions.json, read beside the repository's folder).
 *
 * Models: the azure-native 3.x input shape (path parameters `resourceGroupName`, `workspaceName`, `computeName` as
 * non-empty strings; `identity.userAssignedIdentities` as an array of ids, turned into the REST map of id -> {});
 * `$ref` to `#/definitions/...` (a ref that cannot be resolved is accepted as any value; `unresolvedRefs()` lists
 * them); `allOf` merging of properties and `required`; the `discriminator` (`Compute.computeType`, subtypes found by
 * `allOf` + `x-ms-discriminator-value` or their name); `type`; `format` int32 (range), date-time and duration
 * (loosely); `minimum`/`maximum`; `pattern`; `enum` (case-sensitive; an enum with `x-ms-enum.modelAsString: true`
 * accepts any string unless `strictEnums` is set); `required` (except read-only properties); `readOnly` properties
 * not sent; properties absent from a definition that has `properties` and no `additionalProperties`; `x-nullable`;
 * `x-ms-secret` leaves present in the payload must lie at or under one of the given secret paths. Pulumi's unknown
 * marker is accepted anywhere, as any type (an unknown at an `x-ms-secret` leaf must still be secret).
 *
 * Does not model: `x-ms-mutability` (create-only fields), `default`s, formats uuid/password, `minLength`-style
 * keywords (the file has none), values Azure refuses beyond the schema (VM sizes, id syntax, cross-field rules), or
 * the body of anything other than a Compute PUT. Paths are dotted like the recording monitor's secret paths
 * (`a.b[0].c`, map keys appended with a dot as they are); problems come in the payload's order, and a message never
 * shows a value that is, or should be, secret. `secretPathsIn` lists the x-ms-secret leaves a payload holds.
 */
import { AssertionError } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";

export interface PayloadProblem {
    readonly path: string;
    readonly message: string;
}

export interface CheckOptions {
    /** Also reject values outside an enum marked `modelAsString: true` (Azure accepts them; off by default). */
    readonly strictEnums?: boolean;
}

/** The definitions file, relative to the repository root's parent (CI clones the repo beside shared/). */
export const DEFINITIONS_FILE = path.join(
    __dirname,
    "../../../shared/reference/azure-ml-compute-2025-12-01.definitions.json",
);
/** Pulumi's marker for a value not known yet, from the SDK that serializes it. */
const UNKNOWN = unknownValue;
const PATH_PARAMETERS = ["resourceGroupName", "workspaceName", "computeName"] as const;
const REF_PREFIX = "#/definitions/";

export type Schema = { readonly [keyword: string]: unknown };
let loaded: Record<string, Schema> | undefined;
export function definitions(): Record<string, Schema> {
    return (loaded ??= JSON.parse(fs.readFileSync(DEFINITIONS_FILE, "utf8")) as Record<string, Schema>);
}

/** The definition a `$ref` names, or undefined when it names none in the file (another file, a typo). */
function target(ref: string): { name: string; schema: Schema } | undefined {
    const name = ref.slice(REF_PREFIX.length);
    const known = ref.startsWith(REF_PREFIX) && Object.prototype.hasOwnProperty.call(definitions(), name);
    return known ? { name, schema: definitions()[name]! } : undefined;
}

/** Every `$ref` in the file that cannot be resolved (the checker treats those as any value). */
export function unresolvedRefs(): string[] {
    const found = new Set<string>();
    const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (isObject(node)) {
            if (typeof node.$ref === "string" && !target(node.$ref)) found.add(node.$ref);
            Object.values(node).forEach(walk);
        }
    };
    walk(definitions());
    return [...found].sort();
}

/** A schema with its `$ref` chain followed (siblings of a `$ref` win) and `allOf` merged in. */
export interface Effective {
    readonly schema: Schema;
    readonly name?: string;
    readonly unresolved?: boolean;
    readonly properties: Record<string, Schema>;
    readonly required: readonly string[];
}

export function effective(schema: Schema, name?: string): Effective {
    if (typeof schema.$ref === "string") {
        const t = target(schema.$ref);
        if (!t) return { schema: {}, unresolved: true, properties: {}, required: [] };
        const inner = effective(t.schema, t.name);
        const { $ref: _ref, ...siblings } = schema;
        return { ...inner, schema: { ...inner.schema, ...siblings } };
    }
    let properties: Record<string, Schema> = {};
    let required: string[] = [];
    for (const parent of (schema.allOf as Schema[] | undefined) ?? []) {
        const p = effective(parent);
        properties = { ...properties, ...p.properties };
        required = [...required, ...p.required];
    }
    properties = { ...properties, ...((schema.properties as Record<string, Schema> | undefined) ?? {}) };
    required = [...required, ...((schema.required as string[] | undefined) ?? [])];
    return { schema, name, properties, required };
}

/** The subtype of `base` (a definition with a `discriminator`) whose discriminator value is `value`. */
export function subtype(base: string, value: string): string | undefined {
    return Object.entries(definitions()).find(
        ([name, d]) =>
            ((d.allOf as Schema[] | undefined) ?? []).some((p) => p.$ref === REF_PREFIX + base) &&
            (d["x-ms-discriminator-value"] ?? name) === value,
    )?.[0];
}

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

const TYPES: Record<string, (v: unknown) => boolean> = {
    string: (v) => typeof v === "string",
    integer: (v) => typeof v === "number" && Number.isInteger(v),
    number: (v) => typeof v === "number" && Number.isFinite(v),
    boolean: (v) => typeof v === "boolean",
    array: Array.isArray,
    object: isObject,
};
const join = (at: string, key: string): string => (at ? `${at}.${key}` : key);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$/;
const DURATION =
    /^-?P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;

class Checker {
    readonly problems: PayloadProblem[] = [];
    readonly secretLeaves: string[] = [];
    constructor(
        private readonly secretPaths: readonly string[],
        private readonly options: CheckOptions,
    ) {}

    isSecret(at: string): boolean {
        return this.secretPaths.some((s) => s === "" || at === s || at.startsWith(`${s}.`) || at.startsWith(`${s}[`));
    }

    report(at: string, message: string): void {
        this.problems.push({ path: at, message });
    }

    /** A value as a message shows it: never a secret one. */
    shown(value: unknown, at: string, secret: boolean): string {
        if (Array.isArray(value)) return "an array";
        if (isObject(value)) return "an object";
        if (secret || this.isSecret(at)) return `a ${typeof value} (secret, not shown)`;
        const text = JSON.stringify(value);
        return text.length > 60 ? `${text.slice(0, 57)}...` : text;
    }

    check(value: unknown, schema: Schema, at: string): void {
        const e = effective(schema);
        const s = e.schema;
        if (value === null) {
            if (s["x-nullable"] !== true && !e.unresolved) this.report(at, "null is not allowed (not x-nullable)");
            return;
        }
        const secret = s["x-ms-secret"] === true;
        if (secret) {
            this.secretLeaves.push(at);
            if (!this.isSecret(at)) this.report(at, "is x-ms-secret but not marked secret");
        }
        if (value === UNKNOWN || e.unresolved) return;
        const type = (s.type as string | undefined) ?? (Object.keys(e.properties).length > 0 ? "object" : undefined);
        const matches = type === undefined ? undefined : TYPES[type];
        if (!matches) return; // No type (propertyBag, array items {}): any value.
        if (!matches(value)) return this.report(at, `expected ${type}, got ${this.shown(value, at, secret)}`);
        if (typeof value === "string") this.checkString(value, s, at, secret);
        else if (typeof value === "number") this.checkNumber(value, s, at);
        else if (Array.isArray(value))
            value.forEach((item, i) => this.check(item, (s.items as Schema | undefined) ?? {}, `${at}[${i}]`));
        else if (isObject(value)) this.checkObject(value, e, at);
    }

    checkString(value: string, s: Schema, at: string, secret: boolean): void {
        const values = s.enum as string[] | undefined;
        const open = (s["x-ms-enum"] as Schema | undefined)?.modelAsString === true && !this.options.strictEnums;
        if (values && !open && !values.includes(value)) {
            this.report(
                at,
                `${this.shown(value, at, secret)} is not one of ${values.map((v) => JSON.stringify(v)).join(", ")}`,
            );
        }
        if (
            s.format === "date-time" &&
            !(DATE_TIME.test(value) && !Number.isNaN(Date.parse(value.replace(" ", "T"))))
        ) {
            this.report(at, `${this.shown(value, at, secret)} is not a date-time`);
        }
        if (s.format === "duration" && !DURATION.test(value))
            this.report(at, `${this.shown(value, at, secret)} is not an ISO 8601 duration`);
        if (typeof s.pattern === "string" && !new RegExp(s.pattern).test(value)) {
            this.report(at, `${this.shown(value, at, secret)} does not match ${s.pattern}`);
        }
    }

    checkNumber(value: number, s: Schema, at: string): void {
        if (s.format === "int32" && (value < -(2 ** 31) || value > 2 ** 31 - 1))
            this.report(at, `${value} is out of the int32 range`);
        if (typeof s.minimum === "number" && value < s.minimum)
            this.report(at, `${value} is below the minimum ${s.minimum}`);
        if (typeof s.maximum === "number" && value > s.maximum)
            this.report(at, `${value} is above the maximum ${s.maximum}`);
    }

    checkObject(value: Record<string, unknown>, e: Effective, at: string): void {
        let { properties, required, name } = e;
        let open = false;
        const discriminator = name === undefined ? undefined : definitions()[name]?.discriminator;
        if (typeof discriminator === "string" && name !== undefined) {
            const tag = value[discriminator];
            const sub = typeof tag === "string" && tag !== UNKNOWN ? subtype(name, tag) : undefined;
            if (sub) ({ properties, required, name } = effective(definitions()[sub]!, sub));
            else open = true; // Without a known subtype, only the base's own properties can be checked.
            if (typeof tag === "string" && tag !== UNKNOWN && !sub)
                this.report(join(at, discriminator), `${JSON.stringify(tag)} names no subtype of ${name}`);
        }
        const additional = e.schema.additionalProperties;
        for (const [key, v] of Object.entries(value)) {
            if (v === undefined) continue;
            const where = join(at, key);
            const property = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
            if (property) {
                if (effective(property).schema.readOnly === true)
                    this.report(where, "is read-only and must not be sent");
                else this.check(v, property, where);
            } else if (isObject(additional)) this.check(v, additional, where);
            else if (
                !open &&
                (additional === false || (additional === undefined && Object.keys(properties).length > 0))
            ) {
                this.report(where, `is not a property of ${name ?? "the definition"}`);
            }
        }
        for (const key of new Set(required)) {
            const property = properties[key];
            if (value[key] === undefined && !(property && effective(property).schema.readOnly === true)) {
                this.report(join(at, key), "required property is missing");
            }
        }
    }

    /** The azure-native input, as a REST body checked against ComputeResource, plus its path parameters. */
    run(inputs: Record<string, unknown>): this {
        const body: Record<string, unknown> = { ...inputs };
        for (const key of PATH_PARAMETERS) {
            const v = inputs[key];
            if (v !== UNKNOWN && (typeof v !== "string" || v === "")) {
                this.report(
                    key,
                    `expected a non-empty string, got ${v === undefined ? "nothing" : this.shown(v, key, false)}`,
                );
            }
            delete body[key];
        }
        const identity = inputs.identity;
        const ids = isObject(identity) ? identity.userAssignedIdentities : undefined;
        if (isObject(identity) && ids !== undefined && ids !== UNKNOWN) {
            const at = "identity.userAssignedIdentities";
            if (!Array.isArray(ids))
                this.report(at, `expected an array of identity ids, got ${this.shown(ids, at, false)}`);
            const list: unknown[] = Array.isArray(ids) ? ids : [];
            list.forEach(
                (id, i) =>
                    typeof id !== "string" &&
                    this.report(`${at}[${i}]`, `expected string, got ${this.shown(id, at, false)}`),
            );
            const map = Object.fromEntries(
                list.filter((id): id is string => typeof id === "string").map((id) => [id, {}]),
            );
            body.identity = { ...identity, userAssignedIdentities: map }; // The REST body's shape: id -> {}.
        }
        return this.body(body);
    }

    /** A REST body, as ARM receives it, checked against ComputeResource. */
    body(body: Record<string, unknown>): this {
        this.check(body, { $ref: `${REF_PREFIX}ComputeResource` }, "");
        return this;
    }
}

/** Checks a registered azure-native Compute's inputs against the REST definitions. */
export function checkComputePayload(
    inputs: Record<string, unknown>,
    secretPaths: readonly string[],
    options: CheckOptions = {},
): PayloadProblem[] {
    return new Checker(secretPaths, options).run(inputs).problems;
}

/** The paths of every `x-ms-secret` leaf present in a payload (the paths it should register as secret). */
export function secretPathsIn(inputs: Record<string, unknown>): string[] {
    return new Checker([""], {}).run(inputs).secretLeaves;
}

/**
 * Checks a compute's REST PUT body as ARM receives it (azure-native sends secrets as plain values, so any leaf
 * may hold one), and lists its x-ms-secret leaves (which Azure never returns in a GET).
 */
export function checkComputeRestBody(
    body: Record<string, unknown>,
    options: CheckOptions = {},
): { problems: PayloadProblem[]; secretLeaves: string[] } {
    const checker = new Checker([""], options).body(body);
    return { problems: checker.problems, secretLeaves: checker.secretLeaves };
}

/** Throws an AssertionError listing every problem, when there are any. */
export function assertValidComputePayload(
    inputs: Record<string, unknown>,
    secretPaths: readonly string[],
    options: CheckOptions = {},
): void {
    const problems = checkComputePayload(inputs, secretPaths, options);
    if (problems.length === 0) return;
    const lines = problems.map((p) => `  ${p.path || "(payload)"}: ${p.message}`);
    throw new AssertionError({
        message: `the Compute payload does not match the REST definitions:\n${lines.join("\n")}`,
    });
}
