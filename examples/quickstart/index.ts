/**
 * Compute in an existing workspace: CPU nodes for data prep that cost nothing while idle, low-priority GPU
 * nodes for training, a compute instance for one data scientist that stops itself when idle, and an
 * existing AKS cluster attached for model serving, an attached Databricks workspace, and a lookup of a
 * compute declared elsewhere.
 */
import * as pulumi from "@pulumi/pulumi";
import { AttachedCompute, ComputeCluster, ComputeInstance, InferenceCluster, lookupCompute } from "azureml-compute";

const config = new pulumi.Config();
const workspace = {
    workspaceName: config.require("workspaceName"),
    resourceGroupName: config.require("resourceGroupName"),
};

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
    subnet: config.get("subnetId"),
    enableNodePublicIp: config.get("subnetId") === undefined,
    admin: config.get("adminSshPublicKey") === undefined ? undefined : { username: "azureuser", sshPublicKey: config.require("adminSshPublicKey") },
    identity: { type: "SystemAssigned" },
});

// Protected: replacing or deleting an instance deletes its local disk, where people keep work.
const notebook = new ComputeInstance(
    "ci-alice",
    {
        workspace,
        vmSize: "Standard_DS3_v2",
        assignedUser: { objectId: config.require("aliceObjectId"), tenantId: config.require("tenantId") },
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
        gpu: { nodeSelector: { agentpool: "gpu" }, resources: { limits: { cpu: "4", memory: "16Gi", "nvidia.com/gpu": "1" } } },
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
