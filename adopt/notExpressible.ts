/**
 * The settings of the REST API (api-version 2025-12-01) that no component declares, per compute type, each
 * with why. The list of settings comes from the REST definitions (adopt/data/restFacts.json) and what the
 * components declare from their field maps; a test fails when a setting is neither declared nor explained
 * here, or explained here but declared. `adopt` quotes the reason, and `npm run docs` lists them in the README.
 */
import { FieldTarget, pathsOf } from "../components/core/pulumi/fieldMap";
import { isUnder } from "../components/core/validation/paths";
import { StackKind } from "../components/stack/readConfig";
import { REST_FACTS } from "./restFacts";

const ATTACHED_KEEPS_ITS_OWN =
    "an attached resource keeps its own region and sign-in settings; Azure ML documents these for Synapse Spark pools only";
const SYNAPSE_POOL = "a setting of the Spark pool itself, which Azure ML reads from the pool (manage it in Synapse)";

/** Why a setting is not declared, by compute type (`*`: every type). */
export const NOT_EXPRESSIBLE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    "*": { sku: "Azure ML computes have no SKU: the envelope's sku is for other resource types" },
    AmlCompute: {
        "properties.resourceId": "the id of an underlying resource, which only attached compute has",
        "properties.properties.propertyBag": "a free-form bag with no documented keys",
    },
    ComputeInstance: {
        "properties.resourceId": "the id of an underlying resource, which only attached compute has",
        "properties.computeLocation":
            "Azure places an instance in its workspace's region and ignores computeLocation for instances",
        "properties.properties.computeInstanceAuthorizationType": 'its only value is "personal", Azure\'s default',
    },
    AKS: {
        "properties.disableLocalAuth":
            "not documented for AKS compute (Terraform and Azure ML's docs set it on clusters, instances and Synapse pools)",
        "properties.properties.clusterFqdn":
            "Azure ML reads an attached cluster's FQDN from the cluster; ssl.cname covers a custom domain",
    },
    Kubernetes: {
        "properties.computeLocation": "Kubernetes compute runs where its cluster is",
        "properties.disableLocalAuth": "not documented for Kubernetes compute",
        "properties.properties.relayConnectionString":
            "set by the Azure ML extension when it connects the cluster, not by users",
        "properties.properties.serviceBusConnectionString":
            "set by the Azure ML extension when it connects the cluster, not by users",
        "properties.properties.extensionPrincipalId":
            "set by the Azure ML extension when it connects the cluster, not by users",
        "properties.properties.extensionInstanceReleaseTrain":
            "a setting of the Azure ML extension (az k8s-extension), not of the compute",
        "properties.properties.vcName": "undocumented (no description in the REST definitions)",
    },
    VirtualMachine: {
        "properties.computeLocation": ATTACHED_KEEPS_ITS_OWN,
        "properties.disableLocalAuth": ATTACHED_KEEPS_ITS_OWN,
        identity: ATTACHED_KEEPS_ITS_OWN,
        "properties.properties.virtualMachineSize": "Azure ML reads the size from the VM",
        "properties.properties.notebookServerPort": "a setting of the retired notebook VMs",
        "properties.properties.isNotebookInstanceCompute": "a setting of the retired notebook VMs",
    },
    HDInsight: {
        "properties.computeLocation": ATTACHED_KEEPS_ITS_OWN,
        "properties.disableLocalAuth": ATTACHED_KEEPS_ITS_OWN,
        identity: ATTACHED_KEEPS_ITS_OWN,
    },
    Databricks: {
        "properties.computeLocation": ATTACHED_KEEPS_ITS_OWN,
        "properties.disableLocalAuth": ATTACHED_KEEPS_ITS_OWN,
        identity: ATTACHED_KEEPS_ITS_OWN,
    },
    DataLakeAnalytics: {
        "properties.computeLocation": ATTACHED_KEEPS_ITS_OWN,
        "properties.disableLocalAuth": ATTACHED_KEEPS_ITS_OWN,
        identity: ATTACHED_KEEPS_ITS_OWN,
    },
    SynapseSpark: Object.fromEntries(
        [
            "autoScaleProperties",
            "autoPauseProperties",
            "sparkVersion",
            "nodeCount",
            "nodeSize",
            "nodeSizeFamily",
            "subscriptionId",
            "resourceGroup",
            "workspaceName",
            "poolName",
        ].map((p) => [`properties.properties.${p}`, SYNAPSE_POOL]),
    ),
};

/** The reason a setting of a compute type is not declared, if it is one of those. */
export function whyNotExpressible(computeType: string, setting: string): string | undefined {
    return NOT_EXPRESSIBLE[computeType]?.[setting] ?? NOT_EXPRESSIBLE["*"]?.[setting];
}

/** The settings of a compute type that the stack kind's field map declares nowhere (another type's fields left out). */
export function undeclaredSettings(stackKind: StackKind, computeType: string): string[] {
    const skip = new Set(stackKind.kind.inapplicable?.(computeType) ?? []);
    const paths = [
        ...Object.entries<FieldTarget>(stackKind.kind.fieldMap).flatMap(([name, target]) =>
            skip.has(name) ? [] : pathsOf(target),
        ),
        ...Object.keys(stackKind.kind.fixed ?? {}),
    ];
    return (REST_FACTS[computeType]?.settings ?? []).filter(
        (setting) => !paths.some((p) => isUnder(p, setting) || isUnder(setting, p)),
    );
}
