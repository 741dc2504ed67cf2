/**
 * A whole Azure ML workspace and its compute in one program: the resource group, storage account, key
 * vault and Application Insights the workspace needs, the workspace, then compute clusters in it. The
 * clusters get the workspace's name and group as Outputs, so their inputs are validated when those
 * resolve, and the clusters are created after the workspace. The GPU cluster joins a subnet and uses an
 * identity the program creates; the compute instance is for whoever deploys (getClientConfig).
 */
import * as pulumi from "@pulumi/pulumi";
import { Component } from "@pulumi/azure-native/applicationinsights";
import { getClientConfigOutput } from "@pulumi/azure-native/authorization";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { Subnet, VirtualNetwork } from "@pulumi/azure-native/network";
import { Vault } from "@pulumi/azure-native/keyvault";
import { Workspace } from "@pulumi/azure-native/machinelearningservices";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import { StorageAccount } from "@pulumi/azure-native/storage";
import { ComputeCluster, ComputeInstance } from "azureml-compute";

const config = new pulumi.Config();
const location = config.get("location") ?? "westeurope";
const prefix = config.get("prefix") ?? "mlfull";

const group = new ResourceGroup("rg", { resourceGroupName: `rg-${prefix}`, location });

const storage = new StorageAccount("storage", {
    accountName: `st${prefix}`,
    resourceGroupName: group.name,
    location,
    kind: "StorageV2",
    sku: { name: "Standard_LRS" },
    allowBlobPublicAccess: false,
    minimumTlsVersion: "TLS1_2",
});

const vault = new Vault("vault", {
    vaultName: `kv-${prefix}`,
    resourceGroupName: group.name,
    location,
    properties: {
        tenantId: config.require("tenantId"),
        sku: { family: "A", name: "standard" },
        enableRbacAuthorization: true,
    },
});

const insights = new Component("insights", {
    resourceName: `appi-${prefix}`,
    resourceGroupName: group.name,
    location,
    kind: "web",
    applicationType: "web",
});

const workspace = new Workspace("workspace", {
    workspaceName: `mlw-${prefix}`,
    resourceGroupName: group.name,
    location,
    identity: { type: "SystemAssigned" },
    sku: { name: "Basic", tier: "Basic" },
    storageAccount: storage.id,
    keyVault: vault.id,
    applicationInsights: insights.id,
});

// The workspace's name and group are Outputs: checked when they resolve, and the clusters wait for the workspace.
const inWorkspace = { workspaceName: workspace.name, resourceGroupName: group.name, location };

const cpu = new ComputeCluster("cpu-cluster", {
    workspace: inWorkspace,
    vmType: "CPU",
    vmSize: "Standard_DS3_v2",
    vmPriority: "LowPriority",
    maxNodes: 4,
});

const vnet = new VirtualNetwork("vnet", {
    virtualNetworkName: `vnet-${prefix}`,
    resourceGroupName: group.name,
    location,
    addressSpace: { addressPrefixes: ["10.10.0.0/16"] },
});
const subnet = new Subnet("training", {
    subnetName: "training",
    resourceGroupName: group.name,
    virtualNetworkName: vnet.name,
    addressPrefix: "10.10.1.0/24",
});
const trainer = new UserAssignedIdentity("id-train", {
    resourceName: `id-train-${prefix}`,
    resourceGroupName: group.name,
    location,
});

const gpu = new ComputeCluster("gpu-cluster", {
    workspace: inWorkspace,
    vmType: "GPU",
    vmSize: "Standard_NC4as_T4_v3",
    maxNodes: 2,
    idleTimeBeforeScaleDown: "PT10M",
    subnet: subnet.id,
    enableNodePublicIp: false,
    identity: { type: "UserAssigned", userAssignedIdentities: [trainer.id] },
});

// A notebook VM for whoever deploys the stack.
const me = getClientConfigOutput();
const notebook = new ComputeInstance("ci-owner", {
    workspace: inWorkspace,
    vmSize: "Standard_DS3_v2",
    assignedUser: { objectId: me.objectId, tenantId: me.tenantId },
    idleTimeBeforeShutdown: "PT1H",
});

export const workspaceName = workspace.name;
export const clusterIds = [cpu.computeId, gpu.computeId];
export const notebookName = notebook.computeName;
