/**
 * The component provider under the real engine: examples/yaml-consumer, a Pulumi YAML program using the four
 * components through `provider/` (run by the Node.js host as a plugin), previews and deploys; a bad input
 * fails with per-field errors and sends nothing to Azure.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { ROOT } from "./support/cli";
import { pulumiProcessesIn } from "./support/leftovers";
import { SimStack, workspaceId } from "./support/simStack";

function yamlConsumer(name: string, replace: readonly (readonly [string, string])[] = []): SimStack {
    const stack = new SimStack(name, {
        from: path.join(ROOT, "examples/yaml-consumer"),
        files: ["Pulumi.yaml"],
        replace: [["../../provider", path.join(ROOT, "provider")], ...replace],
    });
    stack.existingWorkspace("rg-ml-dev", "mlw-dev");
    return stack;
}

async function configure(stack: SimStack): Promise<void> {
    await stack.setConfig("workspaceName", "mlw-dev");
    await stack.setConfig("resourceGroupName", "rg-ml-dev");
    await stack.setConfig("aliceObjectId", "11111111-2222-3333-4444-555555555555");
    await stack.setConfig("tenantId", "00000000-0000-0000-0000-000000000000");
}

describe("the component provider under the real engine (Pulumi YAML)", function () {
    this.timeout(300_000);

    it("previews and deploys examples/yaml-consumer", async () => {
        const stack = yamlConsumer("yaml-consumer");
        await stack.session(async () => {
            await configure(stack);
            const preview = await stack.previewJson();
            assert.equal(preview.code, 0, preview.stderr);
            assert.deepEqual(preview.changeSummary, { create: 5 });
            assert.deepEqual(stack.computeRequests(), [], "preview sends nothing");

            const up = await stack.up();
            assert.deepEqual(
                stack
                    .computeRequests()
                    .map((r) => `${r.method} ${r.path.split("/").pop()}`)
                    .sort(),
                ["PUT ci-alice", "PUT gpu-train"],
            );
            const gpu = stack.azure.resource(workspaceId("rg-ml-dev", "mlw-dev", "gpu-train"))!;
            const inner = (gpu.body.properties as { properties: Record<string, unknown> }).properties;
            assert.equal(inner.vmPriority, "LowPriority");
            assert.deepEqual(inner.scaleSettings, {
                maxNodeCount: 4,
                minNodeCount: 0,
                nodeIdleTimeBeforeScaleDown: "PT10M",
            });
            assert.match(
                up.stdout,
                /notebookJupyterLab: "https:\/\/ci-alice\.westeurope\.instances\.azureml\.ms\/lab"/,
            );
        });
        // The engine leaves the provider's language host running after each command (e2e/support/leftovers.ts).
        assert.deepEqual(pulumiProcessesIn(stack.dir), [], "the stack's stop ends what the engine left");
    });

    it("fails a bad input with per-field errors and no request to Azure", async () => {
        const stack = yamlConsumer("yaml-consumer-bad", [
            ["computeName: gpu-train", "computeName: gpu_train!"],
            ["idleTimeBeforeScaleDown: PT10M", "idleTimeBeforeScaleDown: ten minutes"],
        ]);
        await stack.session(async () => {
            await configure(stack);
            const result = await stack.run(["preview", "--non-interactive"]);
            const output = result.stdout + result.stderr;
            assert.notEqual(result.code, 0);
            assert.match(output, /ComputeCluster "gpuTrain" has 2 invalid inputs/);
            assert.match(output, /- computeName: "gpu_train!"/);
            assert.match(output, /- idleTimeBeforeScaleDown: /);
            assert.deepEqual(stack.computeRequests(), []);
        });
    });
});
