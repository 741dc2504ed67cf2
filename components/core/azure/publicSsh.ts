/**
 * When a compute cluster's SSH port is open to the internet: one statement for the component's warning and the
 * policy pack's mandatory `compute-no-public-ssh`, so the two never disagree about what is safe.
 *
 * Azure opens the port when `remoteLoginPortPublicAccess` is `Enabled`, and for `NotSpecified` (the default) on a
 * cluster outside a virtual network that has an admin account; nodes in a subnet are reachable from the internet
 * only with public IPs.
 */

/** What decides whether a cluster's SSH port is open to the internet. */
export interface ClusterSshFacts {
    /** `remoteLoginPortPublicAccess`: `Enabled`, `Disabled` or `NotSpecified` (any case). */
    readonly access: string;
    readonly hasAdmin: boolean;
    readonly inSubnet: boolean;
    /** `enableNodePublicIp` (true unless turned off). */
    readonly publicIp: boolean;
}

/** The problem, in words both the component and the policy pack use, or undefined when the port is closed. */
export function clusterSshExposure(facts: ClusterSshFacts): string | undefined {
    const access = facts.access.toLowerCase();
    const open = access === "enabled" || (access === "notspecified" && facts.hasAdmin && !facts.inSubnet);
    const reachable = !facts.inSubnet || facts.publicIp;
    if (!open || !reachable) return undefined;
    return `opens its SSH port to the internet (remoteLoginPortPublicAccess ${facts.access}); set it to "Disabled"`;
}
