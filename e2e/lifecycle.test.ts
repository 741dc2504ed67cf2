/**
 * The ends of a stack's life under the real engine: a validation error stops `pulumi preview` before anything
 * reaches Azure; `pulumi destroy` removes every compute, except one declared with `retainOnDelete`.
 */
import * as assert from "node:assert/strict";
import { ROOT } from "./support/cli";
import { SimStack, workspaceId } from "./support/simStack";
import { DATABRICKS_TOKEN, devStack, quickstart } from "./projects";

const names = (ids: readonly string[]) => ids.map((id) => id.split("/").pop()).sort();

describe("a validation error under the real engine", function () {
    this.timeout(300_000);

    it("fails pulumi preview with the library's message, no stack trace, and no request to Azure", async () => {
        const stack = new SimStack("broken", {
            from: ROOT,
            files: ["Pulumi.yaml", "index.ts", ["tests/fixtures/broken-stack/Pulumi.dev.yaml", "Pulumi.dev.yaml"]],
            replace: [['"./components"', '"azureml-compute"']],
        });
        await stack.session(async () => {
            const result = await stack.run(["preview", "--non-interactive"]);
            const output = result.stdout + result.stderr;
            assert.notEqual(result.code, 0);
            assert.ok(
                output.includes("azureml-compute:computeClusters.gpu-train.maxNodes: must be at least minNodes (4)"),
                output,
            );
            assert.ok(
                output.includes('Stack "dev" config has 4 invalid inputs:'),
                "every problem is reported, not the first",
            );
            assert.ok(
                output.includes(
                    'azureml-compute:computeClusters.cpu-small: unknown field "vmPriorty" (did you mean "vmPriority"?)',
                ),
                output,
            );
            assert.doesNotMatch(output, /^\s+at .+:\d+:\d+\)?$/m, "a stack trace was printed");
            assert.deepEqual(stack.azure.requests, []);
        });
    });
});

describe("pulumi destroy under the real engine", function () {
    this.timeout(300_000);

    it("removes every compute the dev stack created", async () => {
        await devStack("destroy").session(async (stack) => {
            await stack.up();
            assert.equal(stack.azure.computeIds().length, 4);
            await stack.ok(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
            assert.deepEqual(stack.azure.computeIds(), []);
            const deletes = stack.azure.requests
                .filter((r) => r.method === "DELETE")
                .map((r) => r.path.split("/").pop());
            assert.deepEqual(deletes.sort(), ["aks-devtest", "ci-alice-dev", "cpu-dev", "gpu-dev"]);
            assert.ok(
                stack.azure.resource(workspaceId("rg-ml-dev", "mlw-dev")),
                "the workspace the stack did not create is still there",
            );
        });
    });

    it("keeps a compute declared with retainOnDelete (the quickstart's Databricks attachment)", async () => {
        await quickstart().session(async (stack) => {
            await stack.setConfig("databricksToken", DATABRICKS_TOKEN, true);
            await stack.up();
            // The example protects the instance; a user unprotects before a destroy.
            await stack.ok(["state", "unprotect", "--all", "--yes"]);
            await stack.ok(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
            assert.deepEqual(names(stack.azure.computeIds()), ["dbx-etl", "legacy-cpu"]);
            assert.ok(
                !stack.azure.requests.some((r) => r.method === "DELETE" && r.path.endsWith("/dbx-etl")),
                "a DELETE reached the retained compute",
            );
        });
    });
});
