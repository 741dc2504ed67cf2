/**
 * The policy pack under the real engine: `pulumi preview --policy-pack policy` passes on the dev stack (its
 * advisories are reported) and fails on a stack that breaks a mandatory policy, with the policy's message.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { ROOT } from "./support/cli";
import { SimStack } from "./support/simStack";
import { devStack } from "./projects";

const POLICY_PACK = path.join(ROOT, "policy");

describe("the policy pack under the real engine", function () {
    this.timeout(300_000);

    it("passes pulumi preview of the dev stack, reporting advisories", async () => {
        await devStack("policy-dev").session(async (stack) => {
            const result = await stack.run(["preview", "--non-interactive", "--policy-pack", POLICY_PACK]);
            assert.equal(result.code, 0, result.stdout + result.stderr);
            assert.match(result.stdout, /azureml-compute-guardrails@v0\.1\.0/);
            assert.match(
                result.stdout,
                /\[advisory\]\s+compute-local-auth-disabled\s+\(azure-native:machinelearningservices:Compute: cpu-dev\)/,
            );
            assert.doesNotMatch(result.stdout, /\[mandatory\]/);
        });
    });

    it("fails pulumi preview of a stack with a password-only cluster admin, with the policy's message", async () => {
        const stack = new SimStack("policy-password", {
            from: path.join(__dirname, "fixtures/secrets"),
            files: ["Pulumi.yaml", "Pulumi.dev.yaml", "index.ts"],
        });
        stack.existingWorkspace("rg-ml-dev", "mlw-dev");
        await stack.session(async () => {
            await stack.setConfig("clusterPasswordPlain", "Cluster-Pa55-policy-1");
            await stack.setConfig("vmPassword", "Vm-Pa55-policy-1", true);
            const result = await stack.run(["preview", "--non-interactive", "--policy-pack", POLICY_PACK]);
            assert.notEqual(result.code, 0);
            assert.match(
                result.stdout,
                /\[mandatory\]\s+compute-no-password-auth\s+\(azure-native:machinelearningservices:Compute: cpu-admin\)/,
            );
            assert.ok(
                result.stdout.includes(
                    'compute cluster "cpu-admin" has an admin password; use adminUserSshPublicKey instead',
                ),
                result.stdout,
            );
            assert.ok(
                result.stdout.includes(
                    'attached VirtualMachine "dsvm" signs in with a password; use an SSH private key instead',
                ),
                result.stdout,
            );
            assert.ok(!(result.stdout + result.stderr).includes("Cluster-Pa55-policy-1"), "the password was printed");
            assert.deepEqual(stack.computeRequests(), [], "a failed policy check sends nothing to Azure");
        });
    });
});
