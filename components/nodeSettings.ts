/**
 * What a cluster's nodes and an instance have in common: the VM, its network, its identity and its sign-in
 * setting. Each is declared once here (its doc comment, its schema and where it lands) and spread into both
 * components' tables, which say only what differs: whether an identity change replaces the compute.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import * as f from "./core/azure/fields";
import { identityField, identitySchema, ManagedIdentity } from "./core/azure/identity";
import { VmType } from "./core/azure/vmSizes";
import { arg } from "./core/pulumi/argSpecs";

/** What differs between the components that take the node settings. */
export interface NodeSettingsOptions {
    /** Whether a change of identity replaces the compute (an instance takes no second PUT). */
    readonly identityReplaces: boolean;
}

/** The specs of the settings a compute cluster and a compute instance share. @internal */
export function nodeArgSpecs({ identityReplaces }: NodeSettingsOptions) {
    return {
        /** `CPU` or `GPU`: checked against `vmSize` (Azure reads the type from the size, so it is not sent). */
        vmType: arg<VmType>().optional(f.vmType, { lands: {}, replaces: false }),
        /** The VM size, e.g. `Standard_DS3_v2`; not a retired size. */
        vmSize: arg<string>().required(f.vmSize, { lands: { "properties.properties.vmSize": {} }, replaces: true }),
        /** The subnet the compute joins: `/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>`. */
        subnet: arg<string>().optional(f.subnetId, {
            lands: { "properties.properties.subnet": { send: (id) => ({ id }), back: (s: { id: string }) => s.id } },
            replaces: true,
        }),
        /** The compute's managed identity: system-assigned, or one or more user-assigned identities. */
        identity: arg<ManagedIdentity>().optional(identitySchema, identityField(identityReplaces)),
        /** Whether the VMs get public IP addresses; `false` needs a subnet (or a workspace managed network). */
        enableNodePublicIp: arg<boolean>().optional(z.boolean(), {
            lands: { "properties.properties.enableNodePublicIp": {} },
            replaces: true,
            default: true,
        }),
        /** Turns off local (key-based) authentication, leaving Microsoft Entra ID only. */
        disableLocalAuth: arg<boolean>().optional(z.boolean(), {
            lands: { "properties.disableLocalAuth": {} },
            replaces: true,
        }),
    };
}

// generated from nodeArgSpecs by `npm run docs`; do not edit
/** The settings a compute cluster and a compute instance share. */
export interface NodeSettings {
    /** `CPU` or `GPU`: checked against `vmSize` (Azure reads the type from the size, so it is not sent). */
    readonly vmType?: pulumi.Input<VmType>;
    /** The VM size, e.g. `Standard_DS3_v2`; not a retired size. */
    readonly vmSize: pulumi.Input<string>;
    /** The subnet the compute joins: `/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>`. */
    readonly subnet?: pulumi.Input<string>;
    /** The compute's managed identity: system-assigned, or one or more user-assigned identities. */
    readonly identity?: pulumi.Input<ManagedIdentity>;
    /** Whether the VMs get public IP addresses; `false` needs a subnet (or a workspace managed network). */
    readonly enableNodePublicIp?: pulumi.Input<boolean>;
    /** Turns off local (key-based) authentication, leaving Microsoft Entra ID only. */
    readonly disableLocalAuth?: pulumi.Input<boolean>;
}
