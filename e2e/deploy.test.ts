/**
 * `pulumi up` under the real engine: the repository's dev stack and each TypeScript example create every
 * compute, and the simulated Azure receives exactly the payloads the offline plan shows.
 */
import * as assert from "node:assert/strict";
import { plannedComputes, differences } from "./support/planCompare";
import { type SimStack, workspaceId } from "./support/simStack";
import { DATABRICKS_TOKEN, devStack, fullWorkspace, quickstart } from "./projects";

function assertPlanWasSent(stack: SimStack, resourceGroup: string, workspace: string): void {
    const planned = plannedComputes(stack.dir, stack.stack);
    assert.ok(planned.length > 0, "the plan declares computes");
    for (const compute of planned) {
        const id = workspaceId(resourceGroup, workspace, compute.computeName);
        const puts = stack.azure.requests.filter(
            (r) => r.method === "PUT" && r.path.toLowerCase() === id.toLowerCase(),
        );
        assert.equal(puts.length, 1, `one PUT for ${compute.computeName}`);
        assert.deepEqual(
            differences(compute, puts[0]!.body!),
            [],
            `the PUT body of ${compute.computeName} differs from the plan`,
        );
        assert.equal(stack.azure.resource(id)?.provisioningState, "Succeeded", `${compute.computeName} was created`);
    }
}

describe("pulumi up under the real engine", function () {
    this.timeout(300_000);

    it("creates every compute of the dev stack with the payloads the offline plan shows", async () => {
        await devStack().session(async (stack) => {
            await stack.up();
            assertPlanWasSent(stack, "rg-ml-dev", "mlw-dev");
            assert.deepEqual(
                stack.azure
                    .computeIds()
                    .map((id) => id.split("/").pop())
                    .sort(),
                ["aks-devtest", "ci-alice-dev", "cpu-dev", "gpu-dev"],
            );
        });
    });

    it("creates the quickstart example's computes (subnet, identity, getClientConfig and a secret wired in)", async () => {
        await quickstart().session(async (stack) => {
            await stack.setConfig("databricksToken", DATABRICKS_TOKEN, true);
            await stack.up();
            assertPlanWasSent(stack, "rg-ml-dev", "mlw-dev");
            const gpu = stack.azure.resource(workspaceId("rg-ml-dev", "mlw-dev", "gpu-train"))!;
            const inner = (gpu.body.properties as { properties: { subnet: { id: string } } }).properties;
            assert.match(
                inner.subnet.id,
                /\/resourceGroups\/rg-net-dev\/providers\/Microsoft\.Network\/virtualNetworks\/vnet-ml-dev\/subnets\/training[0-9a-f]{8}$/,
            );
            const alice = stack.azure.resource(workspaceId("rg-ml-dev", "mlw-dev", "ci-alice"))!;
            const user = (
                alice.body.properties as { properties: { personalComputeInstanceSettings: { assignedUser: unknown } } }
            ).properties.personalComputeInstanceSettings.assignedUser;
            assert.deepEqual(user, {
                objectId: stack.azure.signedIn.objectId,
                tenantId: stack.azure.signedIn.tenantId,
            });
            const dbx = stack.azure.resource(workspaceId("rg-ml-dev", "mlw-dev", "dbx-etl"))!;
            assert.equal(
                (dbx.body.properties as { properties: { databricksAccessToken: string } }).properties
                    .databricksAccessToken,
                DATABRICKS_TOKEN,
            );
        });
    });

    it("creates the full-workspace example's workspace, then its computes in it", async () => {
        await fullWorkspace().session(async (stack) => {
            await stack.up();
            assertPlanWasSent(stack, "rg-mlfulldev", "mlw-mlfulldev");
            const order = stack.azure.requests
                .filter((r) => r.method === "PUT")
                .map((r) => r.path.split("/").slice(-2).join("/"));
            const workspaceAt = order.indexOf("workspaces/mlw-mlfulldev");
            assert.ok(
                workspaceAt >= 0 && order.findIndex((p) => p.startsWith("computes/")) > workspaceAt,
                `the workspace is created before its computes: ${order.join(", ")}`,
            );
        });
    });
});
