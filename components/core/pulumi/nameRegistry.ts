/**
 * Compute names are unique in a workspace: two components of one program that claim the same name in
 * the same workspace would fight over one Azure compute. Azure would only say so minutes into
 * `pulumi up`; the registry says so in the constructor of the second component.
 */
import { deploymentState } from "./deployment";
import { ComputeValidationError, issue } from "../validation/errors";
import { armLocation } from "../azure/workspace";

function registry(): Map<string, string> {
    return deploymentState("computeNames", () => new Map<string, string>());
}

/**
 * Records that `subject` uses `computeName` in `workspace` (and, for kinds whose names are regional
 * DNS names, in `region`); throws if another component already does. Only plain strings can be
 * compared: a name, workspace or region that is an Output is not checked.
 */
export function claimComputeName(subject: string, workspace: unknown, computeName: unknown, region?: unknown): void {
    if (typeof computeName !== "string") return;
    const names = registry();
    const claims: { key: string; where: string; rule: string }[] = [];
    const ws = workspace as { workspaceName?: unknown; resourceGroupName?: unknown } | undefined;
    if (typeof ws?.workspaceName === "string" && typeof ws.resourceGroupName === "string") {
        // Azure resource names and groups compare case-insensitively.
        claims.push({
            key: ["workspace", ws.resourceGroupName, ws.workspaceName, computeName]
                .map((s) => s.toLowerCase())
                .join("/"),
            where: `workspace ${ws.resourceGroupName}/${ws.workspaceName}`,
            rule: "compute names must be unique in a workspace",
        });
    }
    if (typeof region === "string") {
        claims.push({
            key: ["region", armLocation(region), computeName.toLowerCase()].join("/"),
            where: `region ${region}`,
            rule: "compute instance and cluster names must be unique in an Azure region",
        });
    }
    for (const claim of claims) {
        const owner = names.get(claim.key);
        if (owner !== undefined) {
            throw new ComputeValidationError(subject, [
                issue(
                    "name/already-used",
                    "computeName",
                    `${JSON.stringify(computeName)} is already used by ${owner} in ${claim.where}; ${claim.rule}`,
                ),
            ]);
        }
    }
    for (const claim of claims) names.set(claim.key, subject);
}
