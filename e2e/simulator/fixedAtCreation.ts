/**
 * What the SIMULATED Azure refuses to change on an existing compute: a PUT that changes any other property
 * fails with 400 PropertyChangeNotAllowed and the property's path. This is the simulator's own statement of
 * Azure's behaviour, written from Azure's documents and never read from the library's field maps, so a wrong
 * field map shows up as a failed scenario instead of agreeing with itself.
 *
 * Sources, per line below:
 *  - The REST spec (azure-ml-compute-2025-12-01): `x-ms-mutability: ["read", "create"]` on
 *    `Compute.computeLocation` and `Compute.disableLocalAuth`; `computeType` is the discriminator, and
 *    `resourceId` names the resource a compute is (attached clusters, Databricks, ...).
 *  - ARM: a resource's `location` is fixed at creation.
 *  - AmlCompute: the REST spec's PATCH model (`ClusterUpdateParameters`) carries only
 *    `properties.scaleSettings`; Azure ML's documentation: a cluster's VM size, priority, subnet and OS
 *    can't be changed after creation.
 *  - ComputeInstance: Azure ML's documentation: an instance's settings are chosen at creation (size changes
 *    go through a stopped-instance resize in Studio, idle shutdown and custom services through their own
 *    actions, `updateIdleShutdownSetting` and `updateCustomServices`); a managed identity is assigned at creation.
 *  - AKS: the v1 SDK's `AksUpdateConfiguration` updates the agent count, SSL and the load balancer;
 *    the REST spec's own AKS update example changes `agentCount`.
 *  - Kubernetes and the attached types: attaching again is the only way to change an attachment.
 * Every type: `tags` and `properties.description` change in place (ARM tags; the REST examples' updates).
 */

/** Paths (dotted, in the REST body) that an update may change, per compute type; all else is fixed. */
export const CHANGEABLE_IN_PLACE: Readonly<Record<string, readonly string[]>> = {
    AmlCompute: ["properties.properties.scaleSettings", "identity"],
    ComputeInstance: [],
    AKS: [
        "properties.properties.agentCount",
        "properties.properties.sslConfiguration",
        "properties.properties.loadBalancerType",
        "properties.properties.loadBalancerSubnet",
        "identity",
    ],
    Kubernetes: ["identity"],
    VirtualMachine: [],
    HDInsight: [],
    Databricks: [],
    DataLakeAnalytics: [],
    SynapseSpark: [],
};

/** Changeable on every compute type. */
const ALWAYS_CHANGEABLE = ["tags", "properties.description"];

function under(path: string, prefix: string): boolean {
    return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The leaf paths at which two bodies differ (an object or array present on one side only, at its own path). */
export function changedPaths(before: unknown, after: unknown, at = ""): string[] {
    const join = (key: string) => (at ? `${at}.${key}` : key);
    if (isObject(before) && isObject(after)) {
        const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
        return [...keys].flatMap((k) => changedPaths(before[k], after[k], join(k)));
    }
    if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
        return before.flatMap((item, i) => changedPaths(item, after[i], `${at}[${i}]`));
    }
    const same = JSON.stringify(before ?? null) === JSON.stringify(after ?? null);
    return same ? [] : [at];
}

/** The changed paths a PUT on an existing compute of this type may not make, first to last. */
export function refusedChanges(
    computeType: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
): string[] {
    const allowed = [...ALWAYS_CHANGEABLE, ...(CHANGEABLE_IN_PLACE[computeType] ?? [])];
    return changedPaths(before, after).filter((path) => !allowed.some((prefix) => under(path, prefix)));
}
