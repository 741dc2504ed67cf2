/**
 * Changes under the real engine: an in-place field is updated with one PUT; an immutable one replaces the
 * compute, deleting it before creating it again. The same immutable change on a raw azure-native Compute is
 * planned as an update and fails at the simulated Azure: the library's reason to exist.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { devStack } from "./projects";
import { type SimStack, SimStack as Stack, stepsFor, workspaceId } from "./support/simStack";

const COMPUTE = "azure-native:machinelearningservices:Compute";

describe("changes under the real engine", function () {
    this.timeout(300_000);
    let stack: SimStack;
    before(async () => {
        stack = await devStack("changes").start();
        await stack.up();
    });
    after(async () => stack?.stop());

    it("updates a cluster's maxNodes in place: preview shows update, up sends one PUT", async () => {
        stack.editStackFile((text) => text.replace("maxNodes: 2", "maxNodes: 3"));
        const preview = await stack.previewJson();
        const [step, ...more] = stepsFor(preview, COMPUTE, "cpu-dev");
        assert.equal(more.length, 0);
        assert.equal(step!.op, "update");
        assert.deepEqual(step!.detailedDiff, {
            "properties.properties.scaleSettings.maxNodeCount": { kind: "update", inputDiff: true },
        });
        assert.deepEqual(preview.changeSummary, { same: 8, update: 1 });

        const mark = stack.azure.requests.length;
        await stack.up();
        const sent = stack.computeRequests(mark).map((r) => `${r.method} ${r.path.split("/").pop()}`);
        assert.deepEqual(sent, ["PUT cpu-dev"]);
        const cpu = stack.azure.resource(workspaceId("rg-ml-dev", "mlw-dev", "cpu-dev"))!;
        assert.equal(
            (cpu.body.properties as { properties: { scaleSettings: { maxNodeCount: number } } }).properties
                .scaleSettings.maxNodeCount,
            3,
        );
    });

    it("replaces a cluster whose vmSize changes: preview plans delete then create, up sends DELETE then PUT", async () => {
        stack.editStackFile((text) => text.replace("vmSize: Standard_NC4as_T4_v3", "vmSize: Standard_NC8as_T4_v3"));
        const preview = await stack.previewJson();
        const [step] = stepsFor(preview, COMPUTE, "gpu-dev");
        assert.equal(step!.op, "replace");
        assert.deepEqual(step!.detailedDiff, {
            "properties.properties.vmSize": { kind: "update-replace", inputDiff: true },
        });
        const ops = (await stack.previewOps())
            .filter(([, urn]) => urn.includes(COMPUTE) && urn.endsWith("::gpu-dev"))
            .map(([op]) => op);
        assert.deepEqual(ops, ["delete-replaced", "replace", "create-replacement"]);

        const mark = stack.azure.requests.length;
        await stack.up();
        const sent = stack.computeRequests(mark).map((r) => `${r.method} ${r.path.split("/").pop()}`);
        assert.deepEqual(sent, ["DELETE gpu-dev", "PUT gpu-dev"]);
        const gpu = stack.azure.resource(workspaceId("rg-ml-dev", "mlw-dev", "gpu-dev"))!;
        assert.equal(
            (gpu.body.properties as { properties: { vmSize: string } }).properties.vmSize,
            "Standard_NC8as_T4_v3",
        );
    });

    it("replaces a cluster that joins a subnet: the added object is reported at its own key", async () => {
        const subnet =
            "/subscriptions/5e1f0000-0000-4000-8000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/training";
        stack.editStackFile((text) =>
            text.replace("idleTimeBeforeScaleDown: 300", `idleTimeBeforeScaleDown: 300\n      subnet: ${subnet}`),
        );
        const preview = await stack.previewJson();
        const [step] = stepsFor(preview, COMPUTE, "cpu-dev");
        assert.equal(step!.op, "replace");
        assert.deepEqual(step!.detailedDiff, {
            "properties.properties.subnet": { kind: "add-replace", inputDiff: true },
        });

        const mark = stack.azure.requests.length;
        await stack.up();
        assert.deepEqual(
            stack.computeRequests(mark).map((r) => `${r.method} ${r.path.split("/").pop()}`),
            ["DELETE cpu-dev", "PUT cpu-dev"],
        );
        const cpu = stack.azure.resource(workspaceId("rg-ml-dev", "mlw-dev", "cpu-dev"))!;
        assert.deepEqual((cpu.body.properties as { properties: { subnet: unknown } }).properties.subnet, {
            id: subnet,
        });
    });
});

describe("the same vmSize change on a raw azure-native Compute", function () {
    this.timeout(300_000);
    let stack: SimStack;
    before(async () => {
        stack = new Stack("raw-compute", {
            from: path.join(__dirname, "fixtures/raw-compute"),
            files: ["Pulumi.yaml", "Pulumi.dev.yaml", "index.ts"],
        });
        stack.existingWorkspace("rg-ml-dev", "mlw-dev");
        await stack.start();
        await stack.up();
    });
    after(async () => stack?.stop());

    it("is previewed as an in-place update and fails at Azure, naming the property", async () => {
        stack.editStackFile((text) => text.replace("Standard_DS3_v2", "Standard_DS4_v2"));
        const preview = await stack.previewJson();
        const [step] = stepsFor(preview, COMPUTE, "raw-cpu");
        assert.equal(step!.op, "update");

        const mark = stack.azure.requests.length;
        const up = await stack.run(["up", "--yes", "--non-interactive", "--skip-preview"]);
        assert.notEqual(up.code, 0);
        assert.match(up.stdout, /PropertyChangeNotAllowed/);
        assert.match(up.stdout, /Changing property 'properties\.properties\.vmSize' is not allowed/);
        assert.deepEqual(
            stack.computeRequests(mark).map((r) => `${r.method} ${r.path.split("/").pop()}`),
            ["PUT raw-cpu"],
        );
        const raw = stack.azure.resource(workspaceId("rg-ml-dev", "mlw-dev", "raw-cpu"))!;
        assert.equal((raw.body.properties as { properties: { vmSize: string } }).properties.vmSize, "Standard_DS3_v2");
    });
});
