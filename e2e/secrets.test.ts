/**
 * Secrets under the real engine: a `pulumi.secret()` arg and a value set with `pulumi config set --secret`
 * reach Azure (the simulated one receives them: azure-native takes plain values), and appear in the state
 * only as ciphertext and nowhere in the CLI's output.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { type SimStack, SimStack as Stack, workspaceId } from "./support/simStack";

// A value under a non-secret config key becomes secret only through pulumi.secret() in the program.
const CLUSTER_PASSWORD = "Cluster-Pa55-e2e-7f3a9c";
const VM_PASSWORD = "Vm-Pa55-e2e-4b81d2";

describe("secrets under the real engine", function () {
    this.timeout(300_000);
    let stack: SimStack;
    let output = "";
    before(async () => {
        stack = new Stack("secrets", {
            from: path.join(__dirname, "fixtures/secrets"),
            files: ["Pulumi.yaml", "Pulumi.dev.yaml", "index.ts"],
        });
        stack.existingWorkspace("rg-ml-dev", "mlw-dev");
        await stack.start();
        await stack.setConfig("clusterPasswordPlain", CLUSTER_PASSWORD);
        await stack.setConfig("vmPassword", VM_PASSWORD, true);
        for (const args of [
            ["preview", "--non-interactive", "--diff"],
            ["up", "--yes", "--non-interactive", "--diff"],
            ["stack", "output"],
        ]) {
            const result = await stack.ok(args);
            output += result.stdout + result.stderr;
        }
    });
    after(async () => stack?.stop());

    it("delivers both passwords to Azure", () => {
        const cluster = stack.azure.resource(workspaceId("rg-ml-dev", "mlw-dev", "cpu-admin"))!;
        const vm = stack.azure.resource(workspaceId("rg-ml-dev", "mlw-dev", "dsvm"))!;
        assert.equal(
            (cluster.body.properties as { properties: { userAccountCredentials: { adminUserPassword: string } } })
                .properties.userAccountCredentials.adminUserPassword,
            CLUSTER_PASSWORD,
        );
        assert.equal(
            (vm.body.properties as { properties: { administratorAccount: { password: string } } }).properties
                .administratorAccount.password,
            VM_PASSWORD,
        );
    });

    it("keeps them as ciphertext in the state", async () => {
        const exported = (await stack.ok(["stack", "export"])).stdout;
        assert.ok(!exported.includes(CLUSTER_PASSWORD), "the cluster password is in the exported state");
        assert.ok(!exported.includes(VM_PASSWORD), "the VM password is in the exported state");
        const state = JSON.parse(exported) as {
            deployment: { resources: { type: string; urn: string; inputs?: Record<string, unknown> }[] };
        };
        const computes = state.deployment.resources.filter(
            (r) => r.type === "azure-native:machinelearningservices:Compute",
        );
        assert.equal(computes.length, 2);
        const secretLeaf = (r: (typeof computes)[number], ...keys: string[]) =>
            keys.reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], r.inputs);
        const cluster = computes.find((r) => r.urn.endsWith("::cpu-admin"))!;
        const vm = computes.find((r) => r.urn.endsWith("::dsvm"))!;
        for (const leaf of [
            secretLeaf(cluster, "properties", "properties", "userAccountCredentials", "adminUserPassword"),
            secretLeaf(vm, "properties", "properties", "administratorAccount", "password"),
        ]) {
            assert.equal(
                (leaf as Record<string, unknown>)?.[specialSigKey],
                specialSecretSig,
                `not a secret: ${JSON.stringify(leaf)}`,
            );
            assert.equal(typeof (leaf as { ciphertext?: unknown }).ciphertext, "string");
        }
        // Only the secret leaves are secret: the rest of the payload stays readable in the state.
        assert.equal(secretLeaf(cluster, "properties", "properties", "vmSize"), "Standard_DS3_v2");
        assert.equal(
            secretLeaf(cluster, "properties", "properties", "userAccountCredentials", "adminUserName"),
            "azureuser",
        );
    });

    it("never prints them", () => {
        assert.ok(output.includes("cpu-admin"), "the captured output is the CLI's");
        assert.ok(!output.includes(CLUSTER_PASSWORD), "the cluster password was printed");
        assert.ok(!output.includes(VM_PASSWORD), "the VM password was printed");
    });
});
