import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ComputeValidationError, lookupCompute } from "../components";
import { CallFn, deploymentErrors, recordRegistrations, valueOf } from "./support/monitor";
import { WORKSPACE } from "./support/fixtures";

const calls: pulumi.runtime.MockCallArgs[] = [];
const getCompute: CallFn = (args) => {
    calls.push(args);
    if (args.token !== "azure-native:machinelearningservices:getCompute") return {};
    return {
        id: `/subscriptions/s/resourceGroups/${args.inputs.resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/${args.inputs.workspaceName}/computes/${args.inputs.computeName}`,
        name: args.inputs.computeName,
        properties: { computeType: "AmlCompute", provisioningState: "Succeeded" },
    };
};

describe("lookupCompute", () => {
    beforeEach(async () => {
        calls.length = 0;
        await recordRegistrations({ call: getCompute });
    });

    it("reads an existing compute through getCompute, creating no resource", async () => {
        const monitor = await recordRegistrations({ call: getCompute });
        const found = lookupCompute({ workspace: WORKSPACE, computeName: "legacy-gpu" });
        assert.equal(await valueOf(found.computeType), "AmlCompute");
        assert.equal(await valueOf(found.provisioningState), "Succeeded");
        assert.equal(await valueOf(found.computeName), "legacy-gpu");
        assert.equal(
            await valueOf(found.computeId),
            "/subscriptions/s/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev/computes/legacy-gpu",
        );
        assert.deepEqual(
            calls.map((c) => [c.token, c.inputs]),
            [
                [
                    "azure-native:machinelearningservices:getCompute",
                    { workspaceName: "mlw-dev", resourceGroupName: "rg-ml", computeName: "legacy-gpu" },
                ],
            ],
        );
        assert.equal(monitor.registrations.length, 0);
    });

    it("accepts a name the REST API takes but Studio would not (a trailing '-')", async () => {
        const found = lookupCompute({ workspace: WORKSPACE, computeName: "old-name-" });
        assert.equal(await valueOf(found.computeName), "old-name-");
    });

    const invalid: [string, unknown, string[]][] = [
        [
            "a name ending in -digits",
            { workspace: WORKSPACE, computeName: "cluster-1" },
            [
                'computeName: "cluster-1" is not a compute name Azure accepts: 3 to 24 letters, digits and "-", starting with a letter, not ending in "-" followed by digits only',
            ],
        ],
        [
            "a 25-character name",
            { workspace: WORKSPACE, computeName: "a".repeat(25) },
            [
                `computeName: "${"a".repeat(25)}" is not a compute name Azure accepts: 3 to 24 letters, digits and "-", starting with a letter, not ending in "-" followed by digits only`,
            ],
        ],
        ["no workspace", { computeName: "gpu" }, ["workspace: is required"]],
        [
            "a workspace without a group",
            { workspace: { workspaceName: "mlw-dev" }, computeName: "gpu" },
            ["workspace.resourceGroupName: is required"],
        ],
    ];
    for (const [title, args, lines] of invalid) {
        it(`rejects ${title}`, () => {
            assert.throws(
                () => lookupCompute(args as never),
                (e: unknown) =>
                    ComputeValidationError.isInstance(e) &&
                    JSON.stringify(e.issues.map((i) => `${i.path}: ${i.message}`)) === JSON.stringify(lines),
            );
            assert.equal(calls.length, 0, "no invoke for invalid args");
        });
    }

    it("checks an Output name before the invoke sees it", async () => {
        const errors = await deploymentErrors(async () => {
            const found = lookupCompute({ workspace: WORKSPACE, computeName: pulumi.output("gpu-2") });
            await valueOf(found.computeType).catch((e) => Promise.reject(e));
        });
        assert.deepEqual(
            errors.map((e) => e.message),
            [
                'lookupCompute(…) has 1 invalid input:\n  - computeName: "gpu-2" is not a compute name Azure accepts: 3 to 24 letters, digits and "-", starting with a letter, not ending in "-" followed by digits only',
            ],
        );
        assert.equal(calls.length, 0);
    });
});
