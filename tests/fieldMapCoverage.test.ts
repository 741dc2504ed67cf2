/**
 * Every field map entry lands where it says. For each compute type, one compute with every arg the type takes
 * is declared, and each landing path of each field map entry must hold a value in what the child registered.
 * A new field that is missing from these args fails here until it is given a value, so a landing that the
 * mapping drops can't go unnoticed.
 */
import { strict as assert } from "node:assert";
import { COMPONENT_REGISTRY } from "../components/registry";
import { FieldTarget, pathsOf } from "../components/core/pulumi/fieldMap";
import { at } from "./support/components";
import { deploymentErrors, recordRegistrations } from "./support/monitor";
import { IDENTITY_ID, IMAGE_ID, SUBNET_ID, SUBSCRIPTION, WORKSPACE } from "./support/fixtures";
import { RSA_2048 } from "./support/sshKeyFixtures";

const COMPUTE = "azure-native:machinelearningservices:Compute";
const id = (path: string) => `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-x/providers/${path}`;
const AKS_ID = id("Microsoft.ContainerService/managedClusters/aks-ml");
const CERT = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49\n-----END PRIVATE KEY-----\n";
const USER = { objectId: "11111111-2222-3333-4444-555555555555", tenantId: "66666666-7777-8888-9999-000000000000" };

/** What every compute takes. */
const COMMON = {
    workspace: { ...WORKSPACE, location: "westeurope" },
    computeName: "full",
    description: "every field",
    tags: { team: "ml" },
};
const IDENTITY = { type: "UserAssigned", userAssignedIdentities: [IDENTITY_ID] };

/** Computes that between them give every arg of each compute type (two when two args exclude each other). */
const FULLY_POPULATED: readonly { component: string; computeType: string; args: Record<string, unknown> }[] = [
    {
        component: "ComputeCluster",
        computeType: "AmlCompute",
        args: {
            ...COMMON,
            vmType: "CPU",
            vmSize: "Standard_DS3_v2",
            vmPriority: "Dedicated",
            minNodes: 0,
            maxNodes: 4,
            idleTimeBeforeScaleDown: 600,
            subnet: SUBNET_ID,
            identity: IDENTITY,
            admin: { username: "azureuser", sshPublicKey: RSA_2048 },
            remoteLoginPortPublicAccess: "Disabled",
            enableNodePublicIp: false,
            isolatedNetwork: false,
            osType: "Linux",
            image: IMAGE_ID,
            disableLocalAuth: true,
            location: "westeurope",
        },
    },
    {
        component: "ComputeInstance",
        computeType: "ComputeInstance",
        args: {
            ...COMMON,
            vmType: "CPU",
            vmSize: "Standard_DS3_v2",
            ssh: { publicKey: RSA_2048 },
            subnet: SUBNET_ID,
            idleTimeBeforeShutdown: 900,
            schedules: [{ action: "Stop", cron: "0 19 * * *" }],
            setupScripts: { creation: { command: "echo hi" } },
            enableNodePublicIp: false,
            managedNetwork: false,
            enableSso: false,
            identity: IDENTITY,
            applicationSharingPolicy: "Personal",
            disableLocalAuth: true,
            customServices: [{ name: "rstudio", image: { reference: "ghcr.io/azure/rocker-rstudio-ml-verse:latest" } }],
        },
    },
    {
        // An instance created for another user takes no SSH key: the other args of the type, with one.
        component: "ComputeInstance",
        computeType: "ComputeInstance",
        args: { ...COMMON, vmSize: "Standard_DS3_v2", assignedUser: USER },
    },
    {
        component: "InferenceCluster",
        computeType: "AKS",
        args: {
            ...COMMON,
            computeType: "AKS",
            vmSize: "Standard_D4s_v3",
            nodeCount: 4,
            vcpusPerNode: 4,
            clusterPurpose: "Production",
            location: "westeurope",
            network: {
                subnetId: SUBNET_ID,
                serviceCidr: "10.0.0.0/16",
                dnsServiceIp: "10.0.0.10",
                dockerBridgeCidr: "172.17.0.1/16",
            },
            loadBalancer: { type: "InternalLoadBalancer", subnet: "scoring" },
            ssl: { cert: CERT, key: KEY, cname: "ml.contoso.com" },
            identity: IDENTITY,
        },
    },
    {
        // Attaching an AKS cluster that exists: its id, and the settings of new clusters left out.
        component: "InferenceCluster",
        computeType: "AKS",
        args: { ...COMMON, computeType: "AKS", clusterResourceId: AKS_ID, clusterPurpose: "DevTest" },
    },
    {
        component: "InferenceCluster",
        computeType: "Kubernetes",
        args: {
            ...COMMON,
            computeType: "Kubernetes",
            clusterResourceId: AKS_ID,
            namespace: "scoring",
            instanceTypes: { small: { resources: { requests: { cpu: "1", memory: "2Gi" } } } },
            defaultInstanceType: "small",
            identity: { type: "SystemAssigned" },
        },
    },
    {
        component: "AttachedCompute",
        computeType: "VirtualMachine",
        args: {
            ...COMMON,
            type: "VirtualMachine",
            resourceId: id("Microsoft.Compute/virtualMachines/dsvm"),
            address: "10.0.0.4",
            sshPort: 2222,
            credentials: { username: "azureuser", password: "Correct-Horse-Battery-9" },
        },
    },
    {
        component: "AttachedCompute",
        computeType: "HDInsight",
        args: {
            ...COMMON,
            type: "HDInsight",
            resourceId: id("Microsoft.HDInsight/clusters/hdi"),
            address: "hdi-ssh.azurehdinsight.net",
            sshPort: 22,
            credentials: { username: "sshuser", password: "Correct-Horse-Battery-9" },
        },
    },
    {
        component: "AttachedCompute",
        computeType: "Databricks",
        args: {
            ...COMMON,
            type: "Databricks",
            resourceId: id("Microsoft.Databricks/workspaces/dbx"),
            accessToken: "dapi0123456789abcdef0123456789abcdef",
            workspaceUrl: "https://adb-123.4.azuredatabricks.net",
        },
    },
    {
        component: "AttachedCompute",
        computeType: "DataLakeAnalytics",
        args: {
            ...COMMON,
            type: "DataLakeAnalytics",
            resourceId: id("Microsoft.DataLakeAnalytics/accounts/adla"),
            dataLakeStoreAccountName: "adlsgen1store",
        },
    },
    {
        component: "AttachedCompute",
        computeType: "SynapseSpark",
        args: {
            ...COMMON,
            type: "SynapseSpark",
            resourceId: id("Microsoft.Synapse/workspaces/syn/bigDataPools/pool1"),
            identity: { type: "SystemAssigned" },
            disableLocalAuth: true,
            location: "westeurope",
        },
    },
];

describe("every field map path is in a fully populated payload", () => {
    for (const { component, computeType, args } of FULLY_POPULATED) {
        it(`${component} (${computeType}): ${Object.keys(args).length} args, each where its field map lands it`, async () => {
            const registered = COMPONENT_REGISTRY.find((c) => c.kind.name === component)!;
            const monitor = await recordRegistrations({ preview: false });
            const errors = await deploymentErrors(() => {
                new registered.Component("full", args);
            });
            assert.deepEqual(
                errors.map((e) => e.message),
                [],
            );
            const inputs = monitor.ofType(COMPUTE)[0]?.inputs;
            assert.equal(at(inputs, "properties.computeType"), computeType);
            for (const arg of Object.keys(args)) {
                const target: FieldTarget | undefined = registered.kind.fieldMap[arg];
                assert.ok(target, `${arg} is not a field of ${component}`);
                for (const path of pathsOf(target)) {
                    assert.notEqual(at(inputs, path), undefined, `${arg} lands at ${path}, which the payload lacks`);
                }
            }
        });
    }

    const types = [...new Set(FULLY_POPULATED.map((c) => `${c.component} ${c.computeType}`))];
    for (const type of types) {
        const [component, computeType] = type.split(" ") as [string, string];
        it(`${component} (${computeType}): the computes above give every arg that lands in the child`, () => {
            const { kind } = COMPONENT_REGISTRY.find((c) => c.kind.name === component)!;
            const inapplicable = new Set(kind.inapplicable?.(computeType) ?? []);
            const given = new Set(
                FULLY_POPULATED.filter((c) => c.component === component && c.computeType === computeType).flatMap((c) =>
                    Object.keys(c.args),
                ),
            );
            const missing = Object.entries<FieldTarget>(kind.fieldMap)
                .filter(([arg, target]) => !inapplicable.has(arg) && pathsOf(target).length > 0 && !given.has(arg))
                .map(([arg]) => arg);
            assert.deepEqual(missing, [], "give these args a value in FULLY_POPULATED");
        });
    }
});
