/**
 * The args every component has: the workspace, the compute's name, its description and tags, and adoption. Each
 * component spreads {@link baseArgSpecs} into its own table, with its kind's name rule.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import * as f from "../azure/fields";
import { armLocation, WorkspaceRef, workspaceSchema } from "../azure/workspace";
import { arg, plainArg } from "./argSpecs";

/**
 * The common args' specs, with the kind's name rule (3-24 or 3-16 characters). The workspace and the name are the
 * compute's identity (the ARM `location` is the workspace's region, when the reference says it); description and
 * tags change in place. @internal
 */
export function baseArgSpecs<N extends z.ZodType<string, string>>(computeName: N) {
    return {
        /** The workspace the compute belongs to. */
        workspace: arg<WorkspaceRef>().required(workspaceSchema, {
            lands: {
                workspaceName: { send: (w) => w.workspaceName, back: (workspaceName) => ({ workspaceName }) },
                resourceGroupName: {
                    send: (w) => w.resourceGroupName,
                    back: (resourceGroupName) => ({ resourceGroupName }),
                },
                location: {
                    send: (w) => (w.location === undefined ? undefined : armLocation(w.location)),
                    back: (location) => ({ location }),
                },
            },
            replaces: true,
        }),
        /** The compute's name in the workspace; defaults to the Pulumi resource name. */
        computeName: arg<string>().optional(computeName, { lands: { computeName: {} }, replaces: true }),
        /** Free text shown in the Studio (at most 1024 characters). */
        description: arg<string>().optional(f.description, {
            lands: { "properties.description": {} },
            replaces: false,
        }),
        /** Azure resource tags (at most 50). */
        tags: arg<Record<string, pulumi.Input<string>>>().optional(f.tags, { lands: { tags: {} }, replaces: false }),
        /**
         * Adopt the compute that already exists under this name instead of creating it: the first `pulumi up`
         * imports it (Pulumi's `import` option, with the ARM id formed from `workspace.subscriptionId`, the names
         * and `computeName`, all plain values). Declare what exists: Pulumi imports only when the inputs match it,
         * and `pulumi preview` shows any difference. Once imported, it is managed as if created here.
         * @default false
         */
        adopt: plainArg<boolean>().optional(z.boolean(), { lands: {}, replaces: false }),
    };
}

// generated from baseArgSpecs by `npm run docs`; do not edit
/** The args every component has. */
export interface BaseComputeArgs {
    /** The workspace the compute belongs to. */
    readonly workspace: pulumi.Input<WorkspaceRef>;
    /** The compute's name in the workspace; defaults to the Pulumi resource name. */
    readonly computeName?: pulumi.Input<string>;
    /** Free text shown in the Studio (at most 1024 characters). */
    readonly description?: pulumi.Input<string>;
    /** Azure resource tags (at most 50). */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /**
     * Adopt the compute that already exists under this name instead of creating it: the first `pulumi up`
     * imports it (Pulumi's `import` option, with the ARM id formed from `workspace.subscriptionId`, the names
     * and `computeName`, all plain values). Declare what exists: Pulumi imports only when the inputs match it,
     * and `pulumi preview` shows any difference. Once imported, it is managed as if created here.
     * @default false
     */
    readonly adopt?: boolean;
}
