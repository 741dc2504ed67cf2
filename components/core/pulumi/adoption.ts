/**
 * Adopting a compute that already exists: the component's Compute child takes Pulumi's `import` option with the
 * compute's ARM id, so `pulumi up` brings it under the stack instead of creating it. Pulumi's `import` is a
 * plain string fixed when the child is constructed, so every part of the id must be a plain value then.
 */
import { issue, ValidationIssue } from "../validation/errors";
import { isUnder } from "../validation/paths";
import { computeArmId } from "../azure/resourceIds";
import { isDeferred, isPlainObject, KEPT_BY_AZURE, splitDeferred } from "../validation/validate";

/** What adoption needs from a component's args: the id to import, or why it can't be formed now. */
export interface Adoption {
    readonly importId?: string;
    readonly issues: readonly ValidationIssue[];
}

const WHY = "Pulumi's import option takes the compute's ARM id when the component is constructed";

/**
 * Problems with the values declared kept by Azure: only an adopted compute has them, and only where Azure
 * never returns the value (`allowed`, the kind's secret and not-returned arg paths).
 */
export function keptValueIssues(args: { readonly adopt?: unknown }, allowed: readonly string[]): ValidationIssue[] {
    return splitDeferred(args)
        .kept.map((path) => {
            if (!allowed.some((a) => isUnder(path, a))) {
                return issue(
                    "adopt/kept-value-returned-by-azure",
                    path,
                    `can't be ${JSON.stringify(KEPT_BY_AZURE)}: Azure returns this value, so declare it (only ${allowed.join(", ")} can be kept by Azure)`,
                );
            }
            return args.adopt === true
                ? undefined
                : issue(
                      "adopt/kept-value-without-adopt",
                      path,
                      `is ${JSON.stringify(KEPT_BY_AZURE)}, which only an adopted compute (adopt: true) can be: give the value`,
                  );
        })
        .filter((i): i is ValidationIssue => i !== undefined);
}

/** The import id for `adopt: true`, from the workspace reference and the compute name; nothing without `adopt`. */
export function adoptionOf(args: {
    readonly adopt?: unknown;
    readonly workspace?: unknown;
    readonly computeName?: unknown;
}): Adoption {
    const { adopt, workspace, computeName } = args;
    if (isDeferred(adopt))
        return {
            issues: [
                issue(
                    "adopt/deferred-adopt",
                    "adopt",
                    `must be a plain true or false, not an Output or a Promise: ${WHY}`,
                ),
            ],
        };
    if (adopt !== true) return { issues: [] };
    if (isDeferred(workspace))
        return {
            issues: [
                issue("adopt/deferred-workspace", "workspace", `must be a plain object to adopt the compute: ${WHY}`),
            ],
        };
    if (!isPlainObject(workspace)) return { issues: [] }; // The workspace's own rules report it.
    const ws = workspace as Record<string, unknown>;
    const issues: ValidationIssue[] = [];
    const parts = {
        "workspace.subscriptionId": ws.subscriptionId,
        "workspace.resourceGroupName": ws.resourceGroupName,
        "workspace.workspaceName": ws.workspaceName,
        computeName,
    };
    for (const [path, value] of Object.entries(parts)) {
        if (isDeferred(value))
            issues.push(issue("adopt/deferred-id-part", path, `must be a plain string to adopt the compute: ${WHY}`));
        else if (value === undefined && path === "workspace.subscriptionId") {
            issues.push(
                issue(
                    "adopt/subscription-id-required",
                    path,
                    "is required with adopt: true: the ARM id of the compute to adopt is formed from it and the names",
                ),
            );
        }
    }
    if (issues.length > 0 || !Object.values(parts).every((v) => typeof v === "string")) return { issues };
    return {
        importId: computeArmId(
            ws.subscriptionId as string,
            ws.resourceGroupName as string,
            ws.workspaceName as string,
            computeName as string,
        ),
        issues: [],
    };
}
