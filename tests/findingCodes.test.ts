/** Finding codes: every rule declares a well-formed one, and each source of issues gives the documented code. */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ComputeCluster, ComputeInstance, ComputeValidationError, InferenceCluster } from "../components";
import { ISSUE_CODE_FORMAT } from "../components/core/validation/errors";
import { splitDeferred } from "../components/core/validation/validate";
import { COMPONENT_REGISTRY } from "../components/registry";
import { readStackConfig } from "../components/stack/readConfig";
import { WORKSPACE } from "./support/fixtures";
import { describeInBothModes, validationErrorOf } from "./support/components";
import { deploymentErrors } from "./support/monitor";

/** The areas of the rules only one component has; any other area names a check several components share. */
const COMPONENT_AREAS: Record<string, string> = {
    ComputeCluster: "compute-cluster",
    ComputeInstance: "compute-instance",
    InferenceCluster: "inference-cluster",
    AttachedCompute: "attached-compute",
};

const CLUSTER: Record<string, unknown> = { workspace: WORKSPACE, vmSize: "Standard_DS3_v2", maxNodes: 4 };
const clusterError = validationErrorOf(ComputeCluster, "cpu-train");
const codesOf = (error: ComputeValidationError) => error.issues.map((i) => i.code);

describe("finding codes", () => {
    const declared = COMPONENT_REGISTRY.flatMap(({ kind }) =>
        [...kind.rules.rules, ...kind.rules.warnings].map((rule) => ({ component: kind.name, rule })),
    );

    it("every rule of every component declares a code in the documented scheme", () => {
        assert.ok(declared.length > 30, `only ${declared.length} rules found`);
        for (const { component, rule } of declared) {
            assert.match(rule.code, ISSUE_CODE_FORMAT, `a rule of ${component} reading ${rule.reads.join(", ")}`);
        }
    });

    it("a component's own rules carry its area, and no two of its rules share a code", () => {
        for (const { kind } of COMPONENT_REGISTRY) {
            const codes = [...kind.rules.rules, ...kind.rules.warnings].map((r) => r.code);
            assert.deepEqual(
                codes.filter((c, i) => codes.indexOf(c) !== i),
                [],
                `${kind.name} has duplicate codes`,
            );
            const ownArea = COMPONENT_AREAS[kind.name];
            assert.ok(ownArea, `${kind.name} has no area in this test`);
            for (const code of codes) {
                const area = code.split("/")[0]!;
                const foreign = Object.values(COMPONENT_AREAS).filter((a) => a !== ownArea);
                assert.ok(!foreign.includes(area), `${kind.name} declares ${code}, another component's code`);
            }
        }
    });

    it("a code shared by several components is one check: the same rule text everywhere", () => {
        const textOf = new Map<string, string>();
        for (const { component, rule } of declared) {
            // The check's text: one shared fragment (`sshSignInRules`) may read a different field in each component.
            const text = rule.check.toString();
            const seen = textOf.get(rule.code);
            if (seen === undefined) textOf.set(rule.code, text);
            else assert.equal(text, seen, `${component}'s ${rule.code} is another check than the one shipped under it`);
        }
        // The shared checks this test is about; a component-specific code appears once.
        assert.ok(declared.filter((d) => d.rule.code === "vm-size/retired").length === 3);
        assert.deepEqual(
            declared.filter((d) => d.rule.code === "ssh-sign-in/no-key-or-password").map((d) => d.component),
            ["ComputeCluster", "AttachedCompute"],
        );
    });

    it("pins the codes of a few shipped rules", () => {
        const codes = new Set(declared.map((d) => d.rule.code));
        for (const code of [
            "compute-cluster/max-nodes-below-min",
            "vm-size/retired",
            "identity/invalid",
            "compute-instance/schedule-trigger-not-one",
            "inference-cluster/kubernetes-one-identity",
            "ssh-sign-in/no-key-or-password",
        ]) {
            assert.ok(codes.has(code), `${code} is shipped: it must not change`);
        }
    });

    describe("each source of issues gives its code", () => {
        it("a zod type error, a missing field and a range error", () => {
            assert.deepEqual(codesOf(clusterError({ ...CLUSTER, maxNodes: "4" })), ["field/invalid-type"]);
            assert.deepEqual(codesOf(clusterError({ ...CLUSTER, maxNodes: undefined })), ["field/required"]);
            assert.deepEqual(codesOf(clusterError({ ...CLUSTER, maxNodes: -1 })), ["field/too-small"]);
            assert.deepEqual(codesOf(clusterError({ ...CLUSTER, vmPriority: "Cheap" })), ["field/not-one-of"]);
        });

        it("a zod refinement with a code of its own", () => {
            const error = clusterError({ ...CLUSTER, tags: { "a/b": "x" } });
            assert.deepEqual(codesOf(error), ["tags/refused-character"]);
            assert.equal(error.issues[0]!.path, 'tags["a/b"]');
            assert.deepEqual(codesOf(clusterError({ ...CLUSTER, idleTimeBeforeScaleDown: "soon" })), [
                "duration/invalid",
            ]);
            assert.deepEqual(codesOf(clusterError(CLUSTER, "nb")), ["name/invalid"]);
        });

        it("a cross-field rule, on the issue and unchanged in the message", () => {
            const error = clusterError({ ...CLUSTER, minNodes: 4, maxNodes: 2 });
            assert.deepEqual(codesOf(error), ["compute-cluster/max-nodes-below-min"]);
            assert.equal(
                error.message,
                'ComputeCluster "cpu-train" has 1 invalid input:\n  - maxNodes: must be at least minNodes (4)',
            );
        });

        it("a rule shared by components gives the same code in each", () => {
            const identity = { type: "UserAssigned" };
            const instance = validationErrorOf(
                ComputeInstance,
                "notebook",
            )({
                workspace: WORKSPACE,
                vmSize: "Standard_DS3_v2",
                identity,
            });
            assert.deepEqual(codesOf(instance), ["identity/invalid"]);
            assert.deepEqual(codesOf(clusterError({ ...CLUSTER, identity })), ["identity/invalid"]);
        });

        it("an unknown field, at the top and nested", () => {
            assert.deepEqual(codesOf(clusterError({ ...CLUSTER, maxNode: 4 })), ["field/unknown"]);
            assert.deepEqual(codesOf(clusterError({ ...CLUSTER, admin: { username: "u", pasword: "x" } })), [
                "field/unknown",
            ]);
        });

        it("args that are no data: a cycle, and args that are no object", () => {
            const cyclic: Record<string, unknown> = {};
            cyclic.self = cyclic;
            assert.deepEqual(
                splitDeferred({ tags: cyclic }).problems.map((p) => p.code),
                ["args/cycle"],
            );
            assert.deepEqual(codesOf(clusterError("not args")), ["args/not-an-object"]);
        });

        it("an adopted compute without a subscription id", () => {
            const { subscriptionId: _, ...workspace } = { subscriptionId: "", ...WORKSPACE };
            void _;
            assert.deepEqual(codesOf(clusterError({ ...CLUSTER, workspace, adopt: true })), [
                "adopt/subscription-id-required",
            ]);
        });

        it("the stack reader: an unknown key, and a component's issue keeping its code under the entry's key", () => {
            const error = (() => {
                try {
                    readStackConfig({
                        "azureml-compute:workspace": JSON.stringify(WORKSPACE),
                        "azureml-compute:computeClustrs": "{}",
                        "azureml-compute:computeClusters": JSON.stringify({
                            cpu: { vmSize: "Standard_DS3_v2", maxNodes: "4" },
                        }),
                    });
                } catch (e) {
                    assert.ok(ComputeValidationError.isInstance(e), String(e));
                    return e;
                }
                assert.fail("expected the reader to throw");
            })();
            assert.deepEqual(
                error.issues.map((i) => [i.path, i.code]),
                [
                    ["azureml-compute:computeClustrs", "stack/unknown-key"],
                    ["azureml-compute:computeClusters.cpu.maxNodes", "field/invalid-type"],
                ],
            );
        });
    });
});

describeInBothModes("finding codes of Outputs", () => {
    it("an Output that resolves to a value failing a rule gives the rule's code", async () => {
        const errors = await deploymentErrors(() => {
            new ComputeCluster("cpu-train", { ...CLUSTER, minNodes: 2, maxNodes: pulumi.output(1) } as never);
        });
        assert.equal(errors.length, 1);
        const error = errors[0]!;
        assert.ok(ComputeValidationError.isInstance(error));
        assert.deepEqual(codesOf(error), ["compute-cluster/max-nodes-below-min"]);
    });

    it("an Output that resolves to a value of the wrong type gives the field's code", async () => {
        const errors = await deploymentErrors(() => {
            new InferenceCluster("aks", {
                workspace: WORKSPACE,
                computeType: "Kubernetes",
                clusterResourceId: pulumi.output(42),
            } as never);
        });
        assert.equal(errors.length, 1);
        const error = errors[0]!;
        assert.ok(ComputeValidationError.isInstance(error));
        assert.deepEqual(codesOf(error), ["field/invalid-type"]);
    });
});
