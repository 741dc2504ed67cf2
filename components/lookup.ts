/**
 * The Studio's next step after creating compute (the v1 SDK's `ComputeTarget(workspace=ws, name=...)`): a typed
 * lookup of an existing compute by workspace and name, through azure-native's `getCompute` invoke. No
 * resource is created; the result is what a program needs to submit jobs or deployments to it.
 */
import * as pulumi from "@pulumi/pulumi";
import { getComputeOutput } from "@pulumi/azure-native/machinelearningservices";
import { ComputeValidationError, issue, ValidationIssue } from "./core/validation/errors";
import { REST_COMPUTE_NAME_PATTERN } from "./core/azure/names";
import { fromZodIssues } from "./core/validation/schema";
import { quote } from "./core/validation/suggest";
import { isDeferred } from "./core/validation/validate";
import { WorkspaceRef, workspaceSchema } from "./core/azure/workspace";

/** Which compute to look up. */
export interface ComputeLookupArgs {
    /** The workspace the compute belongs to. */
    readonly workspace: pulumi.Input<WorkspaceRef>;
    /** The compute's name in the workspace. */
    readonly computeName: pulumi.Input<string>;
}

/** An existing compute, as Azure reports it. */
export interface ExistingCompute {
    /** The ARM id of the compute. */
    readonly computeId: pulumi.Output<string>;
    /** The compute's name in the workspace. */
    readonly computeName: pulumi.Output<string>;
    /** `AmlCompute`, `ComputeInstance`, `Kubernetes`, `VirtualMachine`, ... */
    readonly computeType: pulumi.Output<string>;
    /** Azure's provisioning state (`Succeeded`, `Failed`, ...), `Unknown` when it reports none. */
    readonly provisioningState: pulumi.Output<string>;
}

/**
 * Problems with lookup args. An existing compute may predate Studio's stricter rules, so its name is
 * checked against the REST API's own `computeName` pattern only.
 */
function checkLookup(workspace: unknown, computeName: unknown): ValidationIssue[] {
    const issues: ValidationIssue[] = [];
    if (workspace !== undefined && !isDeferred(workspace)) {
        const parsed = workspaceSchema.safeParse(workspace);
        if (!parsed.success) issues.push(...fromZodIssues(parsed.error.issues, workspace, "workspace"));
    } else if (workspace === undefined) {
        issues.push(issue("field/required", "workspace", "is required"));
    }
    if (computeName === undefined) {
        issues.push(issue("field/required", "computeName", "is required"));
    } else if (!isDeferred(computeName)) {
        if (typeof computeName !== "string" || !REST_COMPUTE_NAME_PATTERN.test(computeName)) {
            issues.push(
                issue(
                    "lookup/compute-name-format",
                    "computeName",
                    `${typeof computeName === "string" ? quote(computeName) : "the value"} is not a compute name Azure accepts: 3 to 24 letters, digits and "-", starting with a letter, not ending in "-" followed by digits only`,
                ),
            );
        }
    }
    return issues;
}

/** Looks up an existing compute of a workspace by name. Throws a ComputeValidationError for bad plain args. */
export function lookupCompute(args: ComputeLookupArgs, opts?: pulumi.InvokeOutputOptions): ExistingCompute {
    const subject = `lookupCompute(${typeof args?.computeName === "string" ? JSON.stringify(args.computeName) : "…"})`;
    const now = checkLookup(args?.workspace, args?.computeName);
    if (now.length > 0) throw new ComputeValidationError(subject, now);
    // Outputs are checked once they resolve, before the invoke sees them.
    const checked = pulumi.all([args.workspace, args.computeName]).apply(([workspace, computeName]) => {
        const later = checkLookup(workspace, computeName);
        if (later.length > 0) throw new ComputeValidationError(subject, later);
        return { workspaceName: workspace.workspaceName, resourceGroupName: workspace.resourceGroupName, computeName };
    });
    // The invoke runs inside the apply, so a failed check fails the lookup with its own message.
    const result = checked.apply((validated) => getComputeOutput(validated, opts));
    return {
        computeId: result.id,
        computeName: result.name,
        // A compute Azure returns without properties (or a mock that returns none) reads as "Unknown".
        computeType: result.properties.apply((p) => p?.computeType ?? "Unknown"),
        provisioningState: result.properties.apply((p) => p?.provisioningState ?? "Unknown"),
    };
}
