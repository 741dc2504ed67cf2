/**
 * The surface added for what users still missed: identity on AKS inference clusters and attached Synapse Spark
 * pools (with local auth and the pool's region), both identity kinds at once, an AKS cluster purpose of
 * DenseProd, and the identity outputs a role assignment needs.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import {
    AttachedCompute,
    ComputeCluster,
    ComputeInstance,
    ComputeValidationError,
    InferenceCluster,
} from "../components";
import { recordRegistrations, settle, valueOf } from "./support/monitor";
import { defaultState } from "../monitor/recordingMonitor";
import { AKS_ID, IDENTITY_ID } from "./support/kinds";
import { readStackConfig } from "../components/stack/readConfig";
import { SUBSCRIPTION, WORKSPACE } from "./support/fixtures";

const COMPUTE = "azure-native:machinelearningservices:Compute";
const POOL = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-syn/providers/Microsoft.Synapse/workspaces/syn/bigDataPools/pool1`;
const BOTH = { type: "SystemAssigned,UserAssigned" as const, userAssignedIdentities: [IDENTITY_ID] };

function messageOf(build: () => unknown): string {
    try {
        build();
    } catch (e) {
        assert.ok(ComputeValidationError.isInstance(e), String(e));
        return e.message;
    }
    assert.fail("expected a ComputeValidationError");
}

async function childOf(build: () => void) {
    const monitor = await recordRegistrations();
    build();
    await settle();
    const [child] = monitor.ofType(COMPUTE);
    return child!;
}

describe("the API surface users missed", () => {
    it("takes both identity kinds on a cluster, and sends them as the REST enum spells them", async () => {
        const child = await childOf(
            () =>
                new ComputeCluster("cpu", {
                    workspace: WORKSPACE,
                    vmSize: "Standard_DS3_v2",
                    maxNodes: 1,
                    identity: BOTH,
                }),
        );
        assert.deepEqual(child.inputs.identity, {
            type: "SystemAssigned,UserAssigned",
            userAssignedIdentities: [IDENTITY_ID],
        });
    });

    it("takes an identity on an AKS inference cluster (in place), and refuses both kinds on Kubernetes compute", async () => {
        const child = await childOf(
            () =>
                new InferenceCluster("aks", {
                    workspace: WORKSPACE,
                    clusterResourceId: AKS_ID,
                    identity: { type: "SystemAssigned" },
                }),
        );
        assert.deepEqual(child.inputs.identity, { type: "SystemAssigned" });
        assert.ok(!child.replaceOnChanges.includes("identity"));
        assert.equal(
            messageOf(
                () =>
                    new InferenceCluster("k8s", {
                        workspace: WORKSPACE,
                        computeType: "Kubernetes",
                        clusterResourceId: AKS_ID,
                        identity: {
                            ...BOTH,
                            userAssignedIdentities: [IDENTITY_ID, IDENTITY_ID.replace("id-train", "id-two")],
                        },
                    }),
            ),
            'InferenceCluster "k8s" has 1 invalid input:\n  - identity.type: Kubernetes compute takes one identity, system- or user-assigned, not both',
        );
        assert.equal(
            messageOf(
                () =>
                    new InferenceCluster("k8s", {
                        workspace: WORKSPACE,
                        computeType: "Kubernetes",
                        clusterResourceId: AKS_ID,
                        identity: {
                            type: "UserAssigned",
                            userAssignedIdentities: [IDENTITY_ID, IDENTITY_ID.replace("id-train", "id-two")],
                        },
                    }),
            ),
            'InferenceCluster "k8s" has 1 invalid input:\n  - identity.userAssignedIdentities: Kubernetes compute takes one user-assigned identity',
        );
    });

    it("sends clusterPurpose DenseProduction as DenseProd, with no capacity rule", async () => {
        const child = await childOf(
            () =>
                new InferenceCluster("aks-dense", {
                    workspace: WORKSPACE,
                    clusterPurpose: "DenseProduction",
                    nodeCount: 1,
                    vmSize: "Standard_D2s_v3",
                }),
        );
        assert.equal(
            (child.inputs.properties as { properties: { clusterPurpose: string } }).properties.clusterPurpose,
            "DenseProd",
        );
    });

    it("attaches a Synapse Spark pool with an identity, local auth off and its region, each replacing the attachment", async () => {
        const child = await childOf(
            () =>
                new AttachedCompute("spark", {
                    workspace: WORKSPACE,
                    type: "SynapseSpark",
                    resourceId: POOL,
                    identity: { type: "UserAssigned", userAssignedIdentities: [IDENTITY_ID] },
                    disableLocalAuth: true,
                    location: "West Europe",
                }),
        );
        assert.deepEqual(child.inputs.identity, { type: "UserAssigned", userAssignedIdentities: [IDENTITY_ID] });
        const properties = child.inputs.properties as Record<string, unknown>;
        assert.equal(properties.disableLocalAuth, true);
        assert.equal(properties.computeLocation, "westeurope");
        for (const path of ["identity", "properties.disableLocalAuth", "properties.computeLocation"])
            assert.ok(child.replaceOnChanges.includes(path), path);
    });

    it("refuses the Synapse-only settings on another attached type, saying which type takes them", () => {
        const vm = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/dsvm`;
        assert.equal(
            messageOf(
                () =>
                    new AttachedCompute("dsvm", {
                        workspace: WORKSPACE,
                        type: "VirtualMachine",
                        resourceId: vm,
                        address: "10.0.0.4",
                        credentials: { username: "u", password: "p4ss-word!" },
                        identity: { type: "SystemAssigned" },
                    } as never),
            ),
            'AttachedCompute "dsvm" has 1 invalid input:\n  - identity: does not apply to type "VirtualMachine", which takes address, credentials, sshPort',
        );
    });

    const RSTUDIO = {
        name: "rstudio",
        image: { type: "docker" as const, reference: "ghcr.io/azure/rocker-rstudio-ml-verse:latest" },
        environmentVariables: { RSTUDIO_WHICH_R: { type: "local" as const, value: "/usr/bin/R" } },
        docker: { privileged: true },
        endpoints: [{ name: "connect", protocol: "http" as const, target: 8787, published: 8787 }],
        volumes: [
            {
                type: "bind" as const,
                readOnly: false,
                source: "/home/azureuser/cloudfiles",
                target: "/home/azureuser/cloudfiles",
            },
        ],
    };

    it("sends an instance's custom applications as Azure's customServices, replacing the instance when they change", async () => {
        const child = await childOf(
            () =>
                new ComputeInstance("ci-dev", {
                    workspace: WORKSPACE,
                    vmSize: "Standard_DS3_v2",
                    customServices: [RSTUDIO],
                }),
        );
        assert.deepEqual(
            (child.inputs.properties as { properties: { customServices: unknown } }).properties.customServices,
            [RSTUDIO],
        );
        assert.ok(child.replaceOnChanges.includes("properties.properties.customServices"));
    });

    it("refuses two applications of one name, a port published twice, and a bad variable name, each at its path", () => {
        const badVariable = { ...RSTUDIO, environmentVariables: { "1BAD": { value: "x" } } };
        assert.equal(
            messageOf(
                () =>
                    new ComputeInstance("ci-dev", {
                        workspace: WORKSPACE,
                        vmSize: "Standard_DS3_v2",
                        customServices: [badVariable],
                    }),
            ),
            'ComputeInstance "ci-dev" has 1 invalid input:\n  - customServices[0].environmentVariables["1BAD"]: must be an environment variable name: letters, digits and "_", not starting with a digit',
        );
        assert.equal(
            messageOf(
                () =>
                    new ComputeInstance("ci-dev", {
                        workspace: WORKSPACE,
                        vmSize: "Standard_DS3_v2",
                        customServices: [RSTUDIO, { ...RSTUDIO, name: "RStudio" }],
                    }),
            ),
            'ComputeInstance "ci-dev" has 2 invalid inputs:\n' +
                "  - customServices[1].name: is the name of customServices[0] too; each application needs its own name\n" +
                "  - customServices[1].endpoints[0].published: publishes port 8787, which customServices[0].endpoints[0] publishes already; an instance publishes each port once",
        );
    });

    it("outputs the identity's principal and tenant ids and the user-assigned map, as Azure reports them", async () => {
        const principal = "99999999-8888-7777-6666-555555555555";
        await recordRegistrations({
            state: (args) => ({
                ...defaultState(args),
                ...(args.type === COMPUTE
                    ? {
                          identity: {
                              ...args.inputs.identity,
                              principalId: principal,
                              tenantId: SUBSCRIPTION,
                              userAssignedIdentities: { [IDENTITY_ID]: { principalId: "p-1", clientId: "c-1" } },
                          },
                      }
                    : {}),
            }),
        });
        const cluster = new ComputeCluster("cpu", {
            workspace: WORKSPACE,
            vmSize: "Standard_DS3_v2",
            maxNodes: 1,
            identity: BOTH,
        });
        assert.equal(await valueOf(cluster.principalId), principal);
        assert.equal(await valueOf(cluster.tenantId), SUBSCRIPTION);
        assert.deepEqual(await valueOf(cluster.userAssignedIdentities), {
            [IDENTITY_ID]: { principalId: "p-1", clientId: "c-1" },
        });

        await recordRegistrations();
        const plain = new ComputeCluster("cpu2", { workspace: WORKSPACE, vmSize: "Standard_DS3_v2", maxNodes: 1 });
        assert.equal(await valueOf(plain.principalId), undefined);
        assert.deepEqual(await valueOf(plain.userAssignedIdentities), {});
        assert.ok(pulumi.Output.isInstance(plain.tenantId));
    });

    it("reads the new settings from stack config with the same rules", () => {
        const entries = readStackConfig({
            "azureml-compute:workspace": JSON.stringify(WORKSPACE),
            "azureml-compute:attachedComputes": JSON.stringify({
                spark: {
                    type: "SynapseSpark",
                    resourceId: POOL,
                    identity: { type: "SystemAssigned" },
                    disableLocalAuth: true,
                },
            }),
            "azureml-compute:inferenceClusters": JSON.stringify({
                "aks-dense": { clusterPurpose: "DenseProduction", identity: BOTH },
            }),
        });
        assert.deepEqual(
            entries.map((e) => e.name),
            ["aks-dense", "spark"],
        );
        assert.throws(
            () =>
                readStackConfig({
                    "azureml-compute:workspace": JSON.stringify(WORKSPACE),
                    "azureml-compute:computeInstances": JSON.stringify({
                        "ci-dev": { vmSize: "Standard_DS3_v2", customServices: [{ name: "x", image: {} }] },
                    }),
                }),
            (e: unknown) =>
                ComputeValidationError.isInstance(e) &&
                e.issues.some(
                    (i) => i.path === "azureml-compute:computeInstances.ci-dev.customServices[0].image.reference",
                ),
        );
    });

    it("refuses a tag named toString, which the Pulumi SDK silently fails to register", () => {
        assert.equal(
            messageOf(
                () =>
                    new ComputeCluster("cpu", {
                        workspace: WORKSPACE,
                        vmSize: "Standard_DS3_v2",
                        maxNodes: 1,
                        tags: { toString: "x" },
                    }),
            ),
            'ComputeCluster "cpu" has 1 invalid input:\n  - tags.toString: "toString" can\'t be a tag name here: the Pulumi SDK fails to register a resource with it',
        );
    });
});
