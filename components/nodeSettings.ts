/**
 * What a cluster's nodes and an instance have in common: the VM, its network, its identity and its sign-in
 * setting. Each is declared once here (its doc comment, its schema and where it lands) and taken by both
 * components, which keep only what differs (whether an identity change replaces, and their defaults).
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import * as f from "./core/azure/fields";
import { ManagedIdentity, identitySchema } from "./core/azure/identity";
import { VmType } from "./core/azure/vmSizes";
import { FieldTarget } from "./core/pulumi/fieldMap";

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

/** Their schemas. @internal */
export const NODE_SCHEMAS = {
    vmType: f.vmType.optional(),
    vmSize: f.vmSize,
    subnet: f.subnetId.optional(),
    identity: identitySchema.optional(),
    enableNodePublicIp: z.boolean().optional(),
    disableLocalAuth: z.boolean().optional(),
};

/** Where they land; `identity` and `enableNodePublicIp`'s default are the component's own. @internal */
export const NODE_FIELDS = {
    vmType: { lands: {}, replaces: false },
    vmSize: { lands: { "properties.properties.vmSize": {} }, replaces: true },
    subnet: {
        lands: {
            "properties.properties.subnet": { send: (id: string) => ({ id }), back: (s: { id: string }) => s.id },
        },
        replaces: true,
    },
    enableNodePublicIp: { lands: { "properties.properties.enableNodePublicIp": {} }, replaces: true },
    disableLocalAuth: { lands: { "properties.disableLocalAuth": {} }, replaces: true },
} as const satisfies Readonly<Record<string, FieldTarget>>;
