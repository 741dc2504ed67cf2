/**
 * Two compute clusters for one workspace: CPU for data prep that costs nothing while idle, and
 * low-priority GPU nodes for training, in a subnet, with an SSH key for debugging.
 */
import * as pulumi from "@pulumi/pulumi";
import { ComputeCluster } from "azureml-compute";

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

export const cpuClusterId = cpu.computeId;
export const gpuClusterName = gpu.computeName;
export const gpuState = gpu.provisioningState;
