/**
 * Adopting computes that exist, under the real engine: what the simulated Azure reports goes through
 * `azureml-compute adopt` into the stack file; `pulumi up` then imports the computes (GETs only, no PUT, no
 * DELETE) and a second preview has nothing to do. A declared setting that differs where a change replaces the
 * compute stops the `up`, as Pulumi never replaces a resource it imports, and nothing is sent.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "./support/cli";
import { SimStack, workspaceId } from "./support/simStack";

const COMPUTE = "azure-native:machinelearningservices:Compute";

/** Computes made in Studio before the stack existed, as Azure holds them (the admin password included). */
const EXISTING: Record<string, Record<string, unknown>> = {
    "cpu-studio": {
        location: "westeurope",
        tags: { made: "studio" },
        properties: {
            computeType: "AmlCompute",
            description: "made in Studio",
            properties: {
                vmSize: "STANDARD_DS3_V2",
                vmPriority: "Dedicated",
                osType: "Linux",
                enableNodePublicIp: true,
                isolatedNetwork: false,
                remoteLoginPortPublicAccess: "Disabled",
                scaleSettings: { minNodeCount: 0, maxNodeCount: 4, nodeIdleTimeBeforeScaleDown: "PT15M" },
                userAccountCredentials: { adminUserName: "azureuser", adminUserPassword: "Studio-made-1!" },
            },
        },
    },
    "ci-studio": {
        location: "westeurope",
        properties: {
            computeType: "ComputeInstance",
            properties: {
                vmSize: "Standard_DS3_v2",
                applicationSharingPolicy: "Shared",
                sshSettings: { sshPublicAccess: "Disabled" },
                enableNodePublicIp: true,
                enableSSO: true,
                idleTimeBeforeShutdown: "PT1H",
            },
        },
    },
};

/** The repository's own program in a fresh folder, with the computes above already in its workspace. */
function adoptingStack(name: string): SimStack {
    const stack = new SimStack(name, {
        from: ROOT,
        files: ["Pulumi.yaml", "index.ts"],
        replace: [['"./components"', '"azureml-compute"']],
    });
    stack.existingWorkspace("rg-ml-dev", "mlw-dev");
    for (const [compute, body] of Object.entries(EXISTING))
        stack.azure.seed(workspaceId("rg-ml-dev", "mlw-dev", compute), body);
    return stack;
}

/** What Azure reports about the computes (GET each, as `az rest` would), converted by `azureml-compute adopt --stack dev`. */
async function adopt(stack: SimStack): Promise<{ code: number | null; stderr: string }> {
    const bodies = [];
    for (const compute of Object.keys(EXISTING)) {
        const res = await fetch(
            `${stack.azure.endpoint}${workspaceId("rg-ml-dev", "mlw-dev", compute)}?api-version=2025-12-01`,
        );
        bodies.push(await res.json());
    }
    fs.writeFileSync(path.join(stack.dir, "computes.json"), JSON.stringify({ value: bodies }));
    const run = spawnSync(
        process.execPath,
        [path.join(ROOT, "bin/azureml-compute.js"), "adopt", "computes.json", "--stack", "dev"],
        { cwd: stack.dir, encoding: "utf8", env: { ...process.env, INIT_CWD: stack.dir } },
    );
    return { code: run.status, stderr: run.stderr };
}

describe("adopting existing compute under the real engine", function () {
    this.timeout(300_000);

    it("imports what adopt declared: GETs only, the password Azure keeps untouched, then nothing to do", async () => {
        await adoptingStack("adopt").session(async (stack) => {
            const converted = await adopt(stack);
            assert.equal(converted.code, 0, converted.stderr);
            assert.match(
                converted.stderr,
                /^ {2}azureml-compute:computeClusters\.cpu-studio\.admin\.password \(secret\)$/m,
            );

            const mark = stack.azure.requests.length;
            const up = await stack.up();
            assert.match(up.stdout, /2 imported/);
            assert.deepEqual(stack.computeRequests(mark), [], "an import sends no PUT and no DELETE");
            const cluster = stack.azure.resource(workspaceId("rg-ml-dev", "mlw-dev", "cpu-studio"))!;
            assert.deepEqual(
                cluster.body,
                EXISTING["cpu-studio"],
                "the compute is as Studio made it, its password included",
            );

            const again = await stack.previewJson();
            assert.equal(again.code, 0, again.stderr);
            assert.deepEqual(
                again.steps.filter((s) => s.urn.includes(COMPUTE) && s.op !== "same"),
                [],
            );
            assert.deepEqual(Object.keys(again.changeSummary ?? {}), ["same"], "nothing to create, update or replace");
        });
    });

    it("stops when a declared setting would replace a compute it imports, and sends nothing", async () => {
        await adoptingStack("adopt-mismatch").session(async (stack) => {
            assert.equal((await adopt(stack)).code, 0);
            stack.editStackFile((text) => text.replace("vmSize: STANDARD_DS3_V2", "vmSize: Standard_DS4_v2"));
            const mark = stack.azure.requests.length;
            const up = await stack.run(["up", "--yes", "--non-interactive", "--skip-preview"]);
            assert.notEqual(up.code, 0);
            assert.match(
                `${up.stdout}\n${up.stderr}`,
                /previously-imported resources that still specify an ID may not be replaced/,
            );
            assert.deepEqual(stack.computeRequests(mark), []);
        });
    });
});
