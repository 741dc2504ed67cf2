/**
 * The workspace reference every component takes, and its rules (Azure's naming rules for
 * Machine Learning workspaces and resource groups).
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { GUID, GUID_MESSAGE } from "./resourceIds";
import { strictObject, text } from "../validation/schema";

/** Where a compute lives. */
export interface WorkspaceRef {
    /** Name of the Azure Machine Learning workspace (3-33 letters, digits, "-" and "_", starting with a letter or digit). */
    readonly workspaceName: pulumi.Input<string>;
    /** Resource group of the workspace (1-90 letters, digits, "_", "-", ".", "(" and ")", not ending with "."). */
    readonly resourceGroupName: pulumi.Input<string>;
    /** The workspace's region, when known (e.g. `westeurope`): used to spot instance and cluster names that clash in a region. */
    readonly location?: pulumi.Input<string>;
    /**
     * The workspace's subscription (a GUID). Only needed to adopt an existing compute (`adopt: true`): with the names,
     * it forms the compute's ARM id. The compute itself is managed in the azure-native provider's subscription.
     */
    readonly subscriptionId?: pulumi.Input<string>;
}

const WORKSPACE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{2,32}$/;
const RESOURCE_GROUP_NAME = /^[-\w.()]{0,89}[-\w()]$/;
const REGION = /^[A-Za-z0-9][A-Za-z0-9 ]{1,63}$/;

/** A region as ARM names it: `West Europe` is `westeurope` (the two are one region). */
export function armLocation(region: string): string {
    return region.replace(/\s+/g, "").toLowerCase();
}

/** An Azure region name (`westeurope`, or its display form `West Europe`). */
export const regionSchema = text(64).regex(REGION, 'must be an Azure region name such as "westeurope"');

/** The rules of a workspace reference. */
export const workspaceSchema = strictObject({
    workspaceName: z
        .string()
        .regex(WORKSPACE_NAME, 'must be 3 to 33 letters, digits, "-" or "_", starting with a letter or digit'),
    resourceGroupName: z
        .string()
        .regex(RESOURCE_GROUP_NAME, 'must be 1 to 90 letters, digits, "_", "-", ".", "(" or ")", not ending with "."'),
    location: regionSchema.optional(),
    subscriptionId: z.string().regex(GUID, GUID_MESSAGE).optional(),
});
