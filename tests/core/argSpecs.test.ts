/** The arg spec table: what a component derives from it (schemas, field map, defaults). */
import { strict as assert } from "node:assert";
import { z } from "zod";
import {
    arg,
    argSchemasOf,
    defaultsOf,
    defaultWhen,
    fieldMapOf,
    plainArg,
    plainArgsOf,
} from "../../components/core/pulumi/argSpecs";
import { COMPONENT_REGISTRY } from "../../components/registry";

const TABLE = {
    size: arg<string>().required(z.string(), { lands: { "properties.size": {} }, replaces: true }),
    count: arg<number>().optional(z.number(), { lands: { "properties.count": {} }, replaces: false, default: 3 }),
    kind: plainArg<"A" | "B">().optional(z.enum(["A", "B"]), {
        lands: {},
        replaces: true,
        default: defaultWhen("A", (args: { readonly size?: string }) => args.size === undefined),
        reads: ["size"],
    }),
    derived: arg<string>().optional(z.string(), {
        lands: { "properties.derived": {} },
        replaces: false,
        default: (args: { readonly size?: string }) => args.size,
        reads: ["size"],
    }),
};

/** True when X and Y are the same type (not merely assignable either way). */
type Same<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;

describe("arg specs", () => {
    it("an optional arg's schema takes undefined; a required one's does not", () => {
        const schemas = argSchemasOf(TABLE);
        assert.equal(schemas.count.safeParse(undefined).success, true);
        assert.equal(schemas.size.safeParse(undefined).success, false);
        assert.equal(schemas.size.safeParse("S").success, true);
    });

    it("the schemas and the field map keep the table's order and entries", () => {
        assert.deepEqual(Object.keys(argSchemasOf(TABLE)), ["size", "count", "kind", "derived"]);
        const fields = fieldMapOf(TABLE);
        assert.deepEqual(Object.keys(fields), ["size", "count", "kind", "derived"]);
        assert.equal(fields.count, TABLE.count.target);
        assert.deepEqual(fields.size.lands, { "properties.size": {} });
    });

    it("the plain args are those declared with plainArg", () => {
        assert.deepEqual(plainArgsOf(TABLE), ["kind"]);
        assert.equal(TABLE.size.plain, false);
    });

    it("a component's type field is one of its plain args (so an Output type is refused), and adopt is plain in all", () => {
        for (const { kind } of COMPONENT_REGISTRY) {
            if (kind.typeField !== undefined) assert.ok(kind.plainArgs.includes(kind.typeField), kind.name);
            assert.ok(kind.plainArgs.includes("adopt"), kind.name);
        }
        assert.equal(COMPONENT_REGISTRY.filter(({ kind }) => kind.typeField !== undefined).length, 2);
    });

    it("defaults are the value defaults and the conditional defaults' values, never a bare function's", () => {
        const defaults = defaultsOf(TABLE);
        assert.deepEqual(defaults, { count: 3, kind: "A" });
        assert.ok(Object.isFrozen(defaults));
    });

    it("defaults keep their literal types, as a frozen object literal does (a wider type fails to compile)", () => {
        const defaults = defaultsOf(TABLE);
        const literal: Same<typeof defaults, { readonly count: 3; readonly kind: "A" }> = true;
        const conditional = defaultWhen("Standard_D3_v2", () => true);
        const shown: Same<typeof conditional.shown, "Standard_D3_v2"> = true;
        assert.equal(literal && shown && conditional.shown, "Standard_D3_v2");
        assert.equal(defaults.count, 3);
    });

    it("a conditional default applies only when its condition holds", () => {
        const given = TABLE.kind.target.default;
        assert.equal(given({}), "A");
        assert.equal(given({ size: "S" }), undefined);
        assert.equal(given.shown, "A");
    });
});
