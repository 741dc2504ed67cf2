import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { DOCUMENTS, README, REFERENCE, renderSections, updateDocument } from "../scripts/docs";
import { ComputeCluster, ComputeClusterArgs, ComputeValidationError } from "../components";
import { recordRegistrations } from "./support/monitor";
import { REST_FACTS_FILE, restFactsText } from "../scripts/generateRestFacts";

describe("docs", () => {
    const sections = renderSections();

    for (const file of Object.keys(DOCUMENTS)) {
        it(`${file.slice(file.lastIndexOf("/") + 1)} carries the current generated sections (run \`npm run docs\` after changing a component)`, () => {
            const text = fs.readFileSync(file, "utf8");
            assert.equal(updateDocument(file, text, sections), text);
        });
    }

    it("adopt/data/restFacts.json is what the REST definitions say (run `npm run docs` after updating them)", () => {
        const facts = JSON.parse(restFactsText()).computeTypes;
        assert.equal(fs.readFileSync(REST_FACTS_FILE, "utf8"), restFactsText());
        assert.ok(facts.AmlCompute.readOnly.includes("properties.properties.currentNodeCount"));
        assert.ok(facts.ComputeInstance.readOnly.includes("properties.properties.state"));
        assert.deepEqual(facts.Databricks.secret, ["properties.properties.databricksAccessToken"]);
    });

    it("generates every section into exactly one document", () => {
        assert.deepEqual(Object.values(DOCUMENTS).flat().sort(), Object.keys(sections).sort());
    });

    it("shows each ComputeCluster field with its default and change", () => {
        const table = sections.ComputeCluster!;
        assert.match(
            table,
            /^\| `vmPriority` \| `"Dedicated" \\\| "LowPriority"` \| `"Dedicated"` \| \*\*replaces\*\* \|/m,
        );
        assert.match(table, /^\| `maxNodes` \(required\) \| `number` \| {2}\| in place \|/m);
        assert.match(
            table,
            /^\| `admin.password` \| `string` \| {2}\| {2}\| The admin password; stored as a Pulumi secret/m,
        );
    });

    it("shows the message the components really print for its example of wrong inputs", async () => {
        await recordRegistrations();
        let message = "";
        let codes: string[] = [];
        try {
            new ComputeCluster("gpu-train", {
                workspace: { workspaceName: "mlw-dev", resourceGroupName: "rg-ml" },
                vmSize: "Standard_NC4as_T4_v3",
                vmPriority: "Spot",
                minNodes: 4,
                maxNodes: 2,
                idleTimeBeforeScaledown: 300,
            } as unknown as ComputeClusterArgs);
        } catch (e) {
            message = (e as Error).message;
            codes = (e as ComputeValidationError).issues.map((i) => i.code);
        }
        assert.ok(message.startsWith('ComputeCluster "gpu-train" has 3 invalid inputs:'), message);
        // The README names the finding codes of the same example.
        const codeList = `\`[${codes.map((c) => JSON.stringify(c)).join(", ")}]\``;
        assert.ok(fs.readFileSync(README, "utf8").includes(codeList), `README does not show the codes ${codeList}`);
        assert.ok(
            fs.readFileSync(README, "utf8").includes("```\n" + message + "\n```"),
            `README does not show:\n${message}`,
        );
    });

    it("refuses a document without the markers", () => {
        assert.throws(
            () => updateDocument(REFERENCE, "# nothing here\n", sections),
            /docs\/reference.md has no "<!-- BEGIN GENERATED name-rules \(npm run docs\) -->"/,
        );
    });
});
