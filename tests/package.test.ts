/**
 * The package as a consumer gets it: the CommonJS build in dist/ (`npm run build`, which `npm test`
 * runs first), loaded with a plain require in a fresh Node process.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");

function inFreshNode(script: string): string {
    return execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" }).trim();
}

describe("package entry", () => {
    it('require("azureml-compute") gives the components and the error type', () => {
        // Self-reference by package name resolves through package.json "exports", as in a consumer's node_modules.
        const exported = JSON.parse(
            inFreshNode(
                `const m = require("azureml-compute"); console.log(JSON.stringify(["ComputeCluster", "ComputeValidationError", "COMPUTE_CLUSTER_IMMUTABLE"].map((k) => typeof m[k])))`,
            ),
        );
        assert.deepEqual(exported, ["function", "function", "object"]);
    });

    it("loads only the machine-learning module of azure-native, never its root", () => {
        const loaded: string[] = JSON.parse(
            inFreshNode(
                `require("azureml-compute"); console.log(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes("@pulumi/azure-native/")).map((k) => k.split("@pulumi/azure-native/")[1])))`,
            ),
        );
        assert.ok(loaded.includes("machinelearningservices/index.js"), loaded.join());
        assert.ok(!loaded.includes("index.js"), `the azure-native root was loaded: ${loaded.join()}`);
        assert.ok(
            loaded.every(
                (file) =>
                    !/^(?!machinelearningservices\/)[a-z0-9]+\/index\.js$/.test(file) || file.startsWith("types/"),
            ),
            loaded.join(),
        );
    });
});
