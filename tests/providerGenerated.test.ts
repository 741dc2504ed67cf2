/**
 * The provider's generated files: provider/components.ts is what scripts/generateProvider.ts writes from the
 * registry, and provider/schema.json is the schema the provider serves now. Both are checked in; `npm run docs`
 * rewrites them.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { COMPONENT_REGISTRY } from "../components/registry";
import { PROVIDER_COMPONENTS_FILE, providerComponentsText } from "../scripts/generateProvider";
import { PROVIDER_SCHEMA_FILE, providerSchemaText } from "../scripts/providerSchema";

/** Where two texts first differ, by line, for a message a reader can act on. */
function firstDifference(checkedIn: string, current: string): string {
    const before = checkedIn.split("\n");
    const after = current.split("\n");
    const line = before.findIndex((text, i) => text !== after[i]);
    const at = line < 0 ? before.length : line;
    return `line ${at + 1}: checked in ${JSON.stringify(before[at])}, now ${JSON.stringify(after[at])}`;
}

function assertCurrent(file: string, current: string): void {
    const checkedIn = fs.readFileSync(file, "utf8");
    if (checkedIn !== current)
        assert.fail(
            `${path.relative(path.join(__dirname, ".."), file)} is stale: run \`npm run docs\` (${firstDifference(checkedIn, current)})`,
        );
}

describe("provider's generated files", function () {
    // The schema is inferred from the TypeScript sources: a program of the whole library.
    this.timeout(120000);

    it("provider/components.ts is what the generator writes from the registry (run `npm run docs`)", async () => {
        assertCurrent(PROVIDER_COMPONENTS_FILE, await providerComponentsText());
    });

    it("provider/schema.json is the schema the provider serves (run `npm run docs`)", async () => {
        assertCurrent(PROVIDER_SCHEMA_FILE, await providerSchemaText());
    });

    it("the schema snapshot holds no version: the package's and azure-native's are placeholders", () => {
        const text = fs.readFileSync(PROVIDER_SCHEMA_FILE, "utf8");
        const schema = JSON.parse(text) as { version: string; dependencies: { name: string; version: string }[] };
        assert.equal(schema.version, "<version>");
        assert.deepEqual(schema.dependencies, [{ name: "azure-native", version: "<version>" }]);
        for (const pkg of ["../package.json", "@pulumi/azure-native/package.json"]) {
            const { version } = JSON.parse(fs.readFileSync(require.resolve(pkg), "utf8")) as { version: string };
            assert.ok(!text.includes(version), `provider/schema.json holds ${pkg}'s version ${version}`);
        }
        assert.match(
            text,
            /"\/azure-native\/v<version>\/schema\.json#\/resources\/azure-native:machinelearningservices:Compute"/,
        );
    });

    it("a component added to the registry gets a class, an args interface and a place in PROVIDER_CLASSES", async () => {
        const [cluster, instance] = COMPONENT_REGISTRY;
        const added = { ...instance!, kind: { ...instance!.kind, name: "SpareInstance" } };
        const text = await providerComponentsText([cluster!, added]);
        assert.match(text, /^export interface SpareInstanceArgs extends lib\.ComputeInstanceSettings \{$/m);
        assert.match(text, /^export class SpareInstance extends pulumi\.ComponentResource \{$/m);
        assert.match(text, /prepareCompute\(kindOf\("SpareInstance"\), name, args, opts\)/);
        assert.match(text, /^ {8}this\.endpoints = instanceEndpoints\(this\.compute\);$/m);
        assert.match(text, /^export const PROVIDER_CLASSES = \[ComputeCluster, SpareInstance\] as const;$/m);
        assert.doesNotMatch(text, /class InferenceCluster|scoringFqdn/);
    });
});
