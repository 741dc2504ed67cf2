/**
 * The stack program checks each entry once, with the component's own check, and one error names every problem of
 * every entry at its config key.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import * as validate from "../../components/core/validation/validate";
import { declareStack } from "../../components/stack/declareStack";
import { readStackConfig } from "../../components/stack/readConfig";
import { recordRegistrations, settle } from "../support/monitor";

const WORKSPACE = JSON.stringify({ workspaceName: "mlw-dev", resourceGroupName: "rg-ml" });

/** Counts the calls of the rules check while `run` runs (the compiled modules call it through its export). */
async function countingValidations(run: () => unknown): Promise<number> {
    const module = validate as { validateValues: typeof validate.validateValues };
    const original = module.validateValues;
    let calls = 0;
    module.validateValues = (...args) => {
        calls++;
        return original(...args);
    };
    try {
        await run();
        await settle();
    } finally {
        module.validateValues = original;
    }
    return calls;
}

describe("stack entries are checked once", () => {
    const entries = {
        "azureml-compute:computeClusters": JSON.stringify({
            "gpu-train": { vmSize: "Standard_NC8as_T4_v3", minNodes: 4, maxNodes: 2 },
            "cpu-fine": { vmSize: "Standard_DS3_v2", maxNodes: 2 },
        }),
        "azureml-compute:computeInstances": JSON.stringify({ x1: { vmSize: "Standard_DS3_v2" } }),
    };

    it("names the problems of two entries of two kinds in one error, at their config keys, declaring nothing", async () => {
        const monitor = await recordRegistrations({ stack: "dev" });
        pulumi.runtime.setAllConfig({ "azureml-compute:workspace": WORKSPACE, ...entries }, []);
        assert.throws(
            () => declareStack(),
            (e: Error) => {
                assert.equal(
                    e.message,
                    [
                        'Stack "dev" config has 2 invalid inputs:',
                        "  - azureml-compute:computeClusters.gpu-train.maxNodes: must be at least minNodes (4)",
                        '  - azureml-compute:computeInstances.x1: "x1" is 2 characters long; compute names must be 3 to 24 characters',
                    ].join("\n"),
                );
                return true;
            },
        );
        await settle();
        assert.deepEqual(monitor.registrations, []);
    });

    it("reports a missing workspace once, at its own key, with the entries' own problems", () => {
        assert.throws(
            () => readStackConfig(entries),
            (e: Error) => {
                assert.equal(
                    e.message,
                    [
                        "Stack config has 3 invalid inputs:",
                        "  - azureml-compute:workspace: is required: set it to { workspaceName, resourceGroupName } of the workspace the compute belongs to",
                        "  - azureml-compute:computeClusters.gpu-train.maxNodes: must be at least minNodes (4)",
                        '  - azureml-compute:computeInstances.x1: "x1" is 2 characters long; compute names must be 3 to 24 characters',
                    ].join("\n"),
                );
                return true;
            },
        );
    });

    const fine = {
        "azureml-compute:workspace": WORKSPACE,
        "azureml-compute:computeClusters": JSON.stringify({
            "cpu-one": { vmSize: "Standard_DS3_v2", maxNodes: 2 },
            "gpu-one": {
                vmSize: "Standard_NC8as_T4_v3",
                maxNodes: 1,
                admin: { username: "azureuser", password: "S3cret-config-pw" },
            },
        }),
        "azureml-compute:computeInstances": JSON.stringify({ "ci-one": { vmSize: "Standard_DS3_v2" } }),
    };

    it("runs the rules once per entry when the stack program declares them (three entries, three checks)", async () => {
        const monitor = await recordRegistrations({ stack: "dev" });
        pulumi.runtime.setAllConfig(fine, []);
        assert.equal(await countingValidations(() => declareStack()), 3);
        // The components were declared all the same, the password still a secret on its leaf.
        const children = monitor.ofType("azure-native:machinelearningservices:Compute");
        assert.deepEqual(children.map((c) => c.name).sort(), ["ci-one", "cpu-one", "gpu-one"]);
        const gpu = children.find((c) => c.name === "gpu-one");
        assert.deepEqual(gpu?.secretPaths, ["properties.properties.userAccountCredentials.adminUserPassword"]);
    });

    it("runs the rules once per entry when only reading the config (adopt, tests: no Pulumi runtime needed)", async () => {
        assert.equal(await countingValidations(() => readStackConfig(fine)), 3);
    });
});
