/**
 * Compute in an existing workspace: CPU nodes for data prep that cost nothing while idle, low-priority GPU
 * nodes for training, a compute instance for one data scientist that stops itself when idle, and an
 * existing AKS cluster attached for model serving, an attached Databricks workspace, and a lookup of a
 * compute declared elsewhere. As programs are wired in practice: the GPU nodes get a subnet and an identity
 * this program creates, and the instance is for whoever runs `pulumi up` (their object id from getClientConfig).
 */
import * as pulumi from "@pulumi/pulumi";
import { getClientConfigOutput } from "@pulumi/azure-native/authorization";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { Subnet } from "@pulumi/azure-native/network";
import { AttachedCompute, ComputeCluster, ComputeInstance, InferenceCluster, lookupCompute } from "azureml-compute";

const config = new pulumi.Config();
const workspace = {
    workspaceName: config.require("workspaceName"),
    resourceGroupName: config.require("resourceGroupName"),
};

// A subnet for the training nodes in the team's existing virtual network, and an identity for them to read data with.
const subnet = new Subnet("training", {
    resourceGroupName: config.require("networkResourceGroupName"),
    virtualNetworkName: config.require("virtualNetworkName"),
    addressPrefix: "10.20.8.0/24",
});
const trainer = new UserAssignedIdentity("id-train", { resourceGroupName: workspace.resourceGroupName });
// Who runs the deployment: the notebook VM is theirs.
const me = getClientConfigOutput();

const cpu = new ComputeCluster("cpu-prep", {
    workspace,
    vmType: "CPU",
    vmSize: "Standard_D4s_v3",
    minNodes: 0,
    maxNodes: 4,
    idleTimeBeforeScaleDown: 600,
    tags: { team: "data" },
});

const gpu = new ComputeCluster("gpu-train", {
    workspace,
    vmType: "GPU",
    vmSize: "Standard_NC4as_T4_v3",
    vmPriority: "LowPriority",
    maxNodes: 8,
    subnet: subnet.id,
    enableNodePublicIp: false,
    admin:
        config.get("adminSshPublicKey") === undefined
            ? undefined
            : { username: "azureuser", sshPublicKey: config.require("adminSshPublicKey") },
    identity: { type: "UserAssigned", userAssignedIdentities: [trainer.id] },
});

// Protected: replacing or deleting an instance deletes its local disk, where people keep work.
const notebook = new ComputeInstance(
    "ci-alice",
    {
        workspace,
        vmSize: "Standard_DS3_v2",
        assignedUser: { objectId: me.objectId, tenantId: me.tenantId },
        idleTimeBeforeShutdown: "PT1H",
        schedules: [{ action: "Stop", cron: "0 19 * * 1-5", timeZone: "W. Europe Standard Time" }],
    },
    { protect: true },
);

// Model serving on an existing AKS cluster that has the Azure ML extension installed.
const serving = new InferenceCluster("k8s-serve", {
    workspace,
    computeType: "Kubernetes",
    clusterResourceId: config.require("aksClusterId"),
    namespace: "azureml",
    instanceTypes: {
        small: { resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "1", memory: "2Gi" } } },
        gpu: {
            nodeSelector: { agentpool: "gpu" },
            resources: { limits: { cpu: "4", memory: "16Gi", "nvidia.com/gpu": "1" } },
        },
    },
    defaultInstanceType: "small",
});

// An existing Databricks workspace, attached with a token kept as a secret in the stack's config.
const databricks = new AttachedCompute(
    "dbx-etl",
    {
        workspace,
        type: "Databricks",
        resourceId: config.require("databricksWorkspaceId"),
        accessToken: config.requireSecret("databricksToken"),
    },
    // Never let Pulumi's DELETE reach the Databricks workspace: forget the attachment instead.
    { retainOnDelete: true },
);

// A compute this program did not declare, by name.
const legacy = lookupCompute({ workspace, computeName: "legacy-cpu" });

export const databricksComputeId = databricks.computeId;
export const legacyComputeType = legacy.computeType;
export const servingComputeName = serving.computeName;
export const notebookJupyterLab = notebook.endpoints.jupyterLabUrl;
export const cpuClusterId = cpu.computeId;
export const gpuClusterName = gpu.computeName;
export const gpuState = gpu.provisioningState;
