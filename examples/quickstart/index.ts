/**
 * Compute in an existing workspace: CPU nodes for data prep that cost nothing while idle, low-priority GPU
 * nodes for training, and a compute instance for one data scientist that stops itself when idle.
 */
import * as pulumi from "@pulumi/pulumi";
import { ComputeCluster, ComputeInstance } from "azureml-compute";

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

export const notebookJupyterLab = notebook.jupyterLabUrl;
export const cpuClusterId = cpu.computeId;
export const gpuClusterName = gpu.computeName;
export const gpuState = gpu.provisioningState;
