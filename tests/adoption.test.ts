/**
 * Adopting a compute that exists (`adopt: true`): the Compute child takes Pulumi's `import` option with the
 * compute's ARM id, for every component and compute type; what the id needs is checked with the other args.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ComputeCluster, ComputeValidationError } from "../components";
import { declareStack } from "../components/stack/declareStack";
import { CASES, payloadOf } from "./support/kinds";
import { SUBSCRIPTION, WORKSPACE } from "./support/fixtures";
import { recordRegistrations, settle, warningsDuring } from "./support/monitor";
import { setClock } from "../components/core/azure/clock";

const ADOPTING = { ...WORKSPACE, subscriptionId: SUBSCRIPTION };
const idOf = (name: string) =>
    `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev/computes/${name}`;

function validationError(build: () => unknown): ComputeValidationError {
    try {
        build();
    } catch (e) {
        assert.ok(ComputeValidationError.isInstance(e), `expected a ComputeValidationError, got ${String(e)}`);
        return e;
    }
    assert.fail("expected a ComputeValidationError");
}

describe("adopting an existing compute", () => {
    for (const preview of [false, true]) {
        for (const c of CASES) {
            it(`${c.title} (${preview ? "preview" : "update"}): the child imports the compute's ARM id, and the payload is unchanged`, async () => {
                const plain = await payloadOf(c, { ...c.minimal, computeName: "existing" }, { preview });
                const adopted = await payloadOf(
                    c,
                    { ...c.minimal, workspace: ADOPTING, computeName: "existing", adopt: true },
                    { preview },
                );
                assert.equal(adopted.importId, idOf("existing"));
                assert.equal(plain.importId, "");
                assert.deepEqual(adopted.raw, plain.raw, "adoption changes no input: they must match what exists");
            });
        }
    }

    it("names the compute after the resource when computeName is absent", async () => {
        const adopted = await payloadOf(CASES[0]!, { ...CASES[0]!.minimal, workspace: ADOPTING, adopt: true });
        assert.equal(adopted.importId, idOf("target"));
    });

    it("does not import with adopt: false", async () => {
        const plain = await payloadOf(CASES[0]!, { ...CASES[0]!.minimal, workspace: ADOPTING, adopt: false });
        assert.equal(plain.importId, "");
    });

    it("needs the subscription, reported with the other problems", () => {
        const error = validationError(
            () =>
                new ComputeCluster("cpu", {
                    workspace: WORKSPACE,
                    vmSize: "Standard_DS3_v2",
                    maxNodes: -1,
                    adopt: true,
                }),
        );
        assert.equal(
            error.message,
            'ComputeCluster "cpu" has 2 invalid inputs:\n' +
                "  - maxNodes: must be at least 0; got -1\n" +
                "  - workspace.subscriptionId: is required with adopt: true: the ARM id of the compute to adopt is formed from it and the names",
        );
    });

    it("refuses parts of the id that are Outputs: Pulumi's import option is fixed at construction", () => {
        const error = validationError(
            () =>
                new ComputeCluster("cpu", {
                    workspace: { ...ADOPTING, workspaceName: pulumi.output("mlw-dev") },
                    computeName: Promise.resolve("cpu"),
                    vmSize: "Standard_DS3_v2",
                    maxNodes: 1,
                    adopt: true,
                }),
        );
        assert.deepEqual(
            error.issues.map((i) => `${i.path}: ${i.message}`),
            [
                "workspace.workspaceName: must be a plain string to adopt the compute: Pulumi's import option takes the compute's ARM id when the component is constructed",
                "computeName: must be a plain string to adopt the compute: Pulumi's import option takes the compute's ARM id when the component is constructed",
            ],
        );
    });

    it("refuses adopt given as an Output, and a subscription that is no GUID", async () => {
        const error = validationError(
            () =>
                new ComputeCluster("cpu", {
                    workspace: { ...WORKSPACE, subscriptionId: "my-sub" },
                    vmSize: "Standard_DS3_v2",
                    maxNodes: 1,
                    adopt: pulumi.output(true) as unknown as boolean,
                }),
        );
        assert.deepEqual(
            error.issues.map((i) => i.path),
            ["workspace.subscriptionId", "adopt"],
        );
        assert.match(
            error.message,
            /workspace\.subscriptionId: must be a GUID such as "00000000-0000-0000-0000-000000000000"/,
        );
        assert.match(error.message, /adopt: must be a plain true or false, not an Output or a Promise/);
    });

    it("adopts from a stack file: adopt and the subscription are stack config too", async () => {
        const monitor = await recordRegistrations({ stack: "dev" });
        pulumi.runtime.setAllConfig(
            {
                "azureml-compute:workspace": JSON.stringify(ADOPTING),
                "azureml-compute:computeClusters": JSON.stringify({
                    "cpu-old": { vmSize: "Standard_DS3_v2", maxNodes: 2, adopt: true },
                    "cpu-new": { vmSize: "Standard_DS3_v2", maxNodes: 2 },
                }),
            },
            [],
        );
        declareStack();
        await settle();
        const children = monitor.ofType("azure-native:machinelearningservices:Compute");
        assert.deepEqual(
            children.map((c) => [c.name, c.importId]),
            [
                ["cpu-old", idOf("cpu-old")],
                ["cpu-new", ""],
            ],
        );
    });

    describe("a retired VM size", () => {
        let restore: () => void;
        beforeEach(() => (restore = setClock(() => new Date("2026-12-02T12:00:00Z"))));
        afterEach(() => restore());
        const retired = { workspace: ADOPTING, vmSize: "STANDARD_NC6", maxNodes: 1 };

        it("is refused on a compute to create", () => {
            const error = validationError(() => new ComputeCluster("gpu", retired));
            assert.equal(
                error.message,
                'ComputeCluster "gpu" has 1 invalid input:\n  - vmSize: Standard_NC6 was retired on 2023-08-31; use a current size such as Standard_NC8as_T4_v3 (8 vCPUs, 1 GPU)',
            );
        });

        it("is a warning on a compute being adopted, which keeps its size", async () => {
            const monitor = await recordRegistrations();
            const warnings = await warningsDuring(() => void new ComputeCluster("gpu", { ...retired, adopt: true }));
            assert.deepEqual(warnings, [
                'ComputeCluster "gpu": vmSize: Standard_NC6 was retired on 2023-08-31; use a current size such as Standard_NC8as_T4_v3 (8 vCPUs, 1 GPU). ' +
                    "The adopted compute keeps it, since the import must declare what exists; replacing the compute with a current size is a change after the import",
            ]);
            const [child] = monitor.ofType("azure-native:machinelearningservices:Compute");
            assert.equal(
                (child!.inputs.properties as { properties: { vmSize: string } }).properties.vmSize,
                "STANDARD_NC6",
            );
        });
    });
});
