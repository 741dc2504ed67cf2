/**
 * Managed identity of a compute: system-assigned, one or more user-assigned identities, or both. Whether a
 * change replaces the compute is the component's (its field map says).
 */
import * as pulumi from "@pulumi/pulumi";
import type * as inputs from "@pulumi/azure-native/types/input";
import { z } from "zod";
import { canonicalOrder } from "./canonical";
import { USER_ASSIGNED_IDENTITY } from "./resourceIds";
import { choice, strictObject } from "../validation/schema";
import { resourceId } from "./fields";
import { Report } from "../validation/validate";

/** The kinds of managed identity a compute can have. */
export const IdentityType = {
    /** An identity Azure creates for the compute and deletes with it. */
    SystemAssigned: "SystemAssigned",
    /** One or more identities you manage, given by resource id. */
    UserAssigned: "UserAssigned",
    /**
     * Both: the system-assigned identity and one or more user-assigned ones. The REST API's enum has it, and
     * Terraform's acceptance tests apply it to clusters, instances, AKS inference clusters and Synapse Spark pools
     * against Azure; Azure ML's identity article says a cluster takes one or the other "not both concurrently",
     * which those passing tests contradict. Kubernetes compute refuses it (the same article).
     */
    SystemAssignedUserAssigned: "SystemAssigned,UserAssigned",
    /** None: what Azure reports for a compute without one (the same as leaving identity out, but an adopted compute declares it). */
    None: "None",
} as const;
export type IdentityType = (typeof IdentityType)[keyof typeof IdentityType];

/** A compute's managed identity. */
export interface ManagedIdentity {
    /** `SystemAssigned`, `UserAssigned` or both (`SystemAssigned,UserAssigned`). */
    readonly type: pulumi.Input<IdentityType>;
    /** With `UserAssigned` (or both): the resource ids of the identities (`.../Microsoft.ManagedIdentity/userAssignedIdentities/<name>`). */
    readonly userAssignedIdentities?: pulumi.Input<pulumi.Input<string>[]>;
}

/** The rules of one identity's fields. */
export const identitySchema = strictObject({
    type: choice(IdentityType),
    userAssignedIdentities: z.array(resourceId(USER_ASSIGNED_IDENTITY, "a user-assigned identity")).optional(),
});

/** System-assigned takes no identity ids; user-assigned (alone or with the system-assigned one) needs at least one. */
export function checkIdentity(identity: z.output<typeof identitySchema> | undefined, report: Report): void {
    if (identity === undefined) return;
    const ids = identity.userAssignedIdentities ?? [];
    if (identity.type === IdentityType.SystemAssigned && ids.length > 0) {
        report(
            ["identity.userAssignedIdentities", "identity.type"],
            'must be empty for a "SystemAssigned" identity: for both kinds, use the type "SystemAssigned,UserAssigned"',
        );
    }
    if (identity.type === IdentityType.None && ids.length > 0)
        report(["identity.userAssignedIdentities", "identity.type"], 'must be empty for identity type "None"');
    const seen = new Map<string, number>();
    ids.forEach((id, i) => {
        const first = seen.get(id.toLowerCase());
        // ARM ids compare without case: the same identity twice is one identity, and a list Azure would not keep.
        if (first !== undefined)
            report(
                [`identity.userAssignedIdentities[${i}]`, `identity.userAssignedIdentities[${first}]`],
                `is the same identity as userAssignedIdentities[${first}] (ARM ids compare without case); list each identity once`,
            );
        else seen.set(id.toLowerCase(), i);
    });
    if (
        (identity.type === IdentityType.UserAssigned || identity.type === IdentityType.SystemAssignedUserAssigned) &&
        ids.length === 0
    ) {
        report(
            ["identity.userAssignedIdentities", "identity.type"],
            `a ${JSON.stringify(identity.type)} identity needs one or more identity resource ids`,
        );
    }
}

/**
 * The identity arg from what Azure reports (azure-native's shape: the ids as a list), `"None"` included.
 * Azure reports ids in its own case and order; they are kept as they are, so the import declares what exists.
 */
export function fromIdentityArgs(reported: {
    readonly type?: string;
    readonly userAssignedIdentities?: readonly string[];
}): unknown {
    if (reported.type === undefined) return undefined;
    const ids = reported.userAssignedIdentities;
    return {
        type: reported.type,
        userAssignedIdentities: ids === undefined || ids.length === 0 ? undefined : [...ids],
    };
}

/**
 * The child's `identity`. The identity ids go in one canonical order (ARM ids compare without case):
 * azure-native diffs the list by position, so listing the same identities in another order is no change.
 */
export function toIdentityArgs(
    identity: pulumi.Unwrap<ManagedIdentity>,
    args: { readonly adopt?: boolean } = {},
): inputs.machinelearningservices.ManagedServiceIdentityArgs {
    const ids = identity.userAssignedIdentities;
    // An adopted compute keeps the order Azure holds: the import diffs the list by position too.
    return {
        type: identity.type,
        userAssignedIdentities:
            ids === undefined || args.adopt === true ? ids : canonicalOrder(ids, (id) => id.toLowerCase()),
    };
}

/** Where an identity arg lands (the same in every component but whether a change replaces the compute). */
export function identityField(replaces: boolean) {
    return {
        lands: { identity: { send: toIdentityArgs, back: fromIdentityArgs } },
        replaces,
        reads: ["adopt"],
    } as const;
}
