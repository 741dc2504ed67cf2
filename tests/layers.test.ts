/**
 * The core's folders depend one way: `pulumi/` on `azure/` and `validation/`, `azure/` on `validation/`, and
 * `validation/` on neither (ARCHITECTURE.md). A test, so that a convenient import the other way shows in review.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";

const CORE = path.resolve(__dirname, "../components/core");
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
    validation: ["validation"],
    azure: ["azure", "validation"],
    pulumi: ["pulumi", "azure", "validation"],
};

describe("core layers", () => {
    it("has exactly the folders the layering names", () => {
        const folders = fs.readdirSync(CORE, { withFileTypes: true }).filter((e) => e.isDirectory());
        assert.deepEqual(folders.map((e) => e.name).sort(), Object.keys(MAY_IMPORT).sort());
        assert.deepEqual(
            fs.readdirSync(CORE).filter((f) => f.endsWith(".ts")),
            [],
            "every core module belongs to a folder",
        );
    });

    for (const [layer, allowed] of Object.entries(MAY_IMPORT)) {
        it(`${layer}/ imports only from ${allowed.join(", ")}`, () => {
            const dir = path.join(CORE, layer);
            const wrong: string[] = [];
            for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
                const text = fs.readFileSync(path.join(dir, file), "utf8");
                for (const [, spec] of text.matchAll(/from "(\.[^"]+)"/g)) {
                    const target = path.relative(CORE, path.resolve(dir, spec!));
                    const top = target.split(path.sep)[0]!;
                    if (target.startsWith("..") || !allowed.includes(top)) wrong.push(`${file} imports ${spec}`);
                }
            }
            assert.ok(fs.readdirSync(dir).length > 3, `${layer}/ is nearly empty`);
            assert.deepEqual(wrong, []);
        });
    }
});
