import { strict as assert } from "node:assert";
import { fieldsNotTakenBy, typeSpecificFields } from "../../components/core/validation/fieldsByType";

const TABLE = {
    Ssh: { required: ["address", "credentials"], optional: ["port"] },
    Token: { required: ["token"], optional: [] },
    Shared: { required: [], optional: ["port", "url"] },
} as const;
const ORDER = ["name", "url", "address", "port", "credentials", "token", "tags"];

describe("fields by type", () => {
    it("lists the args types differ on, in the field order given, each once", () => {
        assert.deepEqual(typeSpecificFields(TABLE, ORDER), ["url", "address", "port", "credentials", "token"]);
    });

    it("lists what a type does not take, in the same order", () => {
        assert.deepEqual(fieldsNotTakenBy(TABLE, "Ssh", ORDER), ["url", "token"]);
        assert.deepEqual(fieldsNotTakenBy(TABLE, "Token", ORDER), ["url", "address", "port", "credentials"]);
        assert.deepEqual(fieldsNotTakenBy(TABLE, "Shared", ORDER), ["address", "credentials", "token"]);
    });

    it("takes nothing specific for a type the table does not know", () => {
        assert.deepEqual(fieldsNotTakenBy(TABLE, "Other", ORDER), typeSpecificFields(TABLE, ORDER));
        for (const inherited of ["constructor", "toString", "__proto__"])
            assert.deepEqual(fieldsNotTakenBy(TABLE, inherited, ORDER), typeSpecificFields(TABLE, ORDER), inherited);
    });
});
