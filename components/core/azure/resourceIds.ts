/**
 * Azure Resource Manager resource ids: parsing, and checking that an id names the kind of resource a
 * field expects (a subnet, an AKS cluster, ...), so a wrong id is caught before Azure rejects it
 * minutes into `pulumi up`.
 *
 * Only ids of resources in a resource group are handled:
 * `/subscriptions/<GUID>/resourceGroups/<rg>/providers/<Namespace>/<type>/<name>[/<type>/<name>...]`,
 * which is every kind of resource an Azure ML compute refers to.
 */
import { quote } from "../validation/suggest";

/** The parts of a resource id, as written in it (case kept). */
export interface ResourceId {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    /** The resource provider namespace as given, e.g. `Microsoft.Network`. */
    readonly provider: string;
    /** The resource type path below the namespace, e.g. `["virtualNetworks", "subnets"]`. */
    readonly types: readonly string[];
    /** One name per type, e.g. `["vnet1", "default"]`. */
    readonly names: readonly string[];
    /** The whole id, as given. */
    readonly id: string;
}

/** A kind of resource a field expects, with an example id to show in messages. */
export interface ExpectedType {
    readonly provider: string;
    readonly types: readonly string[];
    readonly example: string;
}

const EXAMPLE_PREFIX = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers";

function expectedType(provider: string, types: readonly string[], names: readonly string[]): ExpectedType {
    const path = types.map((type, i) => `${type}/${names[i]}`).join("/");
    return Object.freeze({
        provider,
        types: Object.freeze([...types]),
        example: `${EXAMPLE_PREFIX}/${provider}/${path}`,
    });
}

/** A virtual network subnet. */
export const SUBNET: ExpectedType = expectedType(
    "Microsoft.Network",
    ["virtualNetworks", "subnets"],
    ["vnet", "default"],
);
/** An AKS cluster. */
export const AKS_CLUSTER: ExpectedType = expectedType("Microsoft.ContainerService", ["managedClusters"], ["aks"]);
/** An Azure Arc-enabled Kubernetes cluster. */
export const ARC_CLUSTER: ExpectedType = expectedType("Microsoft.Kubernetes", ["connectedClusters"], ["arc"]);
/** An Azure virtual machine. */
export const VIRTUAL_MACHINE: ExpectedType = expectedType("Microsoft.Compute", ["virtualMachines"], ["vm"]);
/** An Azure Databricks workspace. */
export const DATABRICKS_WORKSPACE: ExpectedType = expectedType("Microsoft.Databricks", ["workspaces"], ["databricks"]);
/** An Azure Data Lake Analytics account. */
export const DATA_LAKE_ANALYTICS: ExpectedType = expectedType("Microsoft.DataLakeAnalytics", ["accounts"], ["adla"]);
/** An Azure HDInsight cluster. */
export const HDINSIGHT_CLUSTER: ExpectedType = expectedType("Microsoft.HDInsight", ["clusters"], ["hdinsight"]);
/** An Apache Spark pool of a Synapse workspace. */
export const SYNAPSE_SPARK_POOL: ExpectedType = expectedType(
    "Microsoft.Synapse",
    ["workspaces", "bigDataPools"],
    ["synapse", "pool"],
);
/** A managed VM image. */
export const VM_IMAGE: ExpectedType = expectedType("Microsoft.Compute", ["images"], ["image"]);
/** An image definition in an Azure Compute Gallery (its latest version is used). */
export const GALLERY_IMAGE: ExpectedType = expectedType(
    "Microsoft.Compute",
    ["galleries", "images"],
    ["gallery", "image"],
);
/** One version of an image in an Azure Compute Gallery. */
export const GALLERY_IMAGE_VERSION: ExpectedType = expectedType(
    "Microsoft.Compute",
    ["galleries", "images", "versions"],
    ["gallery", "image", "1.0.0"],
);
/** A user-assigned managed identity. */
export const USER_ASSIGNED_IDENTITY: ExpectedType = expectedType(
    "Microsoft.ManagedIdentity",
    ["userAssignedIdentities"],
    ["identity"],
);

/** A GUID (subscription, tenant and object ids), any case. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The message for a value that should be a GUID. */
export const GUID_MESSAGE = 'must be a GUID such as "00000000-0000-0000-0000-000000000000"';

/** The ARM id of an Azure ML workspace. */
export function workspaceArmId(subscriptionId: string, resourceGroupName: string, workspaceName: string): string {
    return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/${workspaceName}`;
}

/** The ARM id of a compute in an Azure ML workspace. */
export function computeArmId(
    subscriptionId: string,
    resourceGroupName: string,
    workspaceName: string,
    computeName: string,
): string {
    return `${workspaceArmId(subscriptionId, resourceGroupName, workspaceName)}/computes/${computeName}`;
}
// Azure's resource group rule: letters or digits in the Char.IsLetterOrDigit sense (so Unicode letters
// count), "_", "(", ")", "-", "."; 1 to 90 characters; not ending with ".".
const RESOURCE_GROUP = /^[\p{L}\p{N}_().-]{1,90}$/u;
const NAMESPACE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;
const TYPE = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Splits a resource id into its parts, or returns `undefined` when it does not have the form
 * `/subscriptions/<sub>/resourceGroups/<rg>/providers/<Namespace>/<type>/<name>[/<type>/<name>...]`.
 *
 * The keywords are matched case-insensitively, because ARM ids are case-insensitive and Azure itself
 * returns `resourcegroups` in places. Only the shape is checked here (every segment present, a name for
 * every type); whether the subscription is a GUID and the resource group name is valid is for
 * {@link checkResourceId} to report, with a message that says which part is wrong. A trailing "/",
 * an empty segment or surrounding whitespace makes the id unparseable: Azure would not accept it either.
 * Extension resources (a second `/providers/` inside the id) are not supported.
 */
export function parseResourceId(id: string): ResourceId | undefined {
    if (!id.startsWith("/")) {
        return undefined;
    }
    const segments = id.slice(1).split("/");
    if (segments.length < 8 || segments.length % 2 !== 0 || segments.some((s) => s === "" || /\s/.test(s))) {
        return undefined;
    }
    const [subscriptions, subscriptionId, resourceGroups, resourceGroup, providers, provider, ...rest] = segments;
    if (
        !sameText(subscriptions!, "subscriptions") ||
        !sameText(resourceGroups!, "resourceGroups") ||
        !sameText(providers!, "providers") ||
        !NAMESPACE.test(provider!)
    ) {
        return undefined;
    }
    const types = rest.filter((_, i) => i % 2 === 0);
    const names = rest.filter((_, i) => i % 2 === 1);
    if (types.some((type) => !TYPE.test(type) || sameText(type, "providers"))) {
        return undefined;
    }
    return {
        subscriptionId: subscriptionId!,
        resourceGroup: resourceGroup!,
        provider: provider!,
        types,
        names,
        id,
    };
}

/**
 * Checks that `id` is a well-formed resource id of one of the `expected` kinds. `what` names the kind in
 * words for the message ("a subnet"). Returns every problem found: an unparseable id gets one message
 * showing the expected form; otherwise a non-GUID subscription, an invalid resource group name and a
 * wrong resource type are each reported.
 */
export function checkResourceId(id: string, expected: ExpectedType | readonly ExpectedType[], what: string): string[] {
    const kinds: readonly ExpectedType[] = isExpectedTypeList(expected) ? expected : [expected];
    const example = kinds[0]?.example ?? `${EXAMPLE_PREFIX}/<Namespace>/<type>/<name>`;
    const shown = quote(id);
    const parsed = parseResourceId(id);
    if (parsed === undefined) {
        return [`${shown} is not an Azure resource id: expected the form ${example}`];
    }
    const problems: string[] = [];
    if (!GUID.test(parsed.subscriptionId)) {
        problems.push(`${shown}: the subscription ${quote(parsed.subscriptionId)} is not a GUID`);
    }
    if (!RESOURCE_GROUP.test(parsed.resourceGroup) || parsed.resourceGroup.endsWith(".")) {
        problems.push(
            `${shown}: the resource group ${quote(parsed.resourceGroup)} is not a valid name: ` +
                'use 1 to 90 letters, digits, "_", "-", ".", "(" or ")", not ending with "."',
        );
    }
    if (kinds.length > 0 && !kinds.some((kind) => isOfType(parsed, kind))) {
        const wanted = kinds.map(formatType).join(" or ");
        problems.push(`${shown} is a ${formatType(parsed)} id; expected ${what} (${wanted}), e.g. ${example}`);
    }
    return problems;
}

/** Whether a parsed id is of the given kind; namespace and types compare case-insensitively, like ARM. */
export function isOfType(id: ResourceId, kind: ExpectedType): boolean {
    return (
        sameText(id.provider, kind.provider) &&
        id.types.length === kind.types.length &&
        id.types.every((type, i) => sameText(type, kind.types[i]!))
    );
}

/** `Microsoft.Network/virtualNetworks/subnets`: the provider and type path as ARM writes them. */
export function formatType(kind: { readonly provider: string; readonly types: readonly string[] }): string {
    return [kind.provider, ...kind.types].join("/");
}

function sameText(a: string, b: string): boolean {
    return a.toLowerCase() === b.toLowerCase();
}

function isExpectedTypeList(value: ExpectedType | readonly ExpectedType[]): value is readonly ExpectedType[] {
    return Array.isArray(value);
}
