/**
 * What the SIMULATED Azure adds to a resource it holds when it answers a GET: the ARM envelope (id, name,
 * type), provisioning state and timestamps, and the read-only properties the library or a program reads
 * (an instance's state, applications and endpoints; a cluster's node counts; identities' principal ids).
 * The values are made up but shaped as Azure's (see the GET examples in shared/reference). x-ms-secret
 * leaves are never returned, as Azure never returns them.
 */
import { createHash } from "node:crypto";

export interface Held {
    readonly id: string;
    /** The settable body as last PUT (location included). */
    readonly body: Record<string, unknown>;
    readonly provisioningState: string;
    readonly createdOn: string;
    readonly modifiedOn: string;
}

/** A stable made-up GUID for a seed string, so outputs don't change between calls. */
export function guidFor(seed: string): string {
    const h = createHash("sha256").update(seed).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** `Microsoft.X/a/b` from `/subscriptions/s/resourceGroups/g/providers/Microsoft.X/a/n1/b/n2`. */
export function typeOfId(id: string): string {
    const parts = id.split("/").filter(Boolean);
    const at = parts.findIndex((p) => p.toLowerCase() === "providers");
    if (at < 0) return parts.length <= 2 ? "Microsoft.Resources/subscriptions" : "Microsoft.Resources/resourceGroups";
    const rest = parts.slice(at + 1);
    return [rest[0], ...rest.slice(1).filter((_, i) => i % 2 === 0)].join("/");
}

export const COMPUTE_TYPE = "microsoft.machinelearningservices/workspaces/computes";

function clone<T>(v: T): T {
    return JSON.parse(JSON.stringify(v)) as T;
}

function deletePath(target: Record<string, unknown>, path: string): void {
    const parts = path.replace(/\[(\d+)\]/g, ".$1").split(".");
    let node: unknown = target;
    for (const part of parts.slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node === "object" && node !== null) delete (node as Record<string, unknown>)[parts[parts.length - 1]!];
}

function identityOf(identity: unknown, seed: string, tenant: string): unknown {
    if (typeof identity !== "object" || identity === null) return identity;
    const out = clone(identity) as Record<string, unknown>;
    if (String(out.type).includes("SystemAssigned")) {
        out.principalId = guidFor(`${seed}/principal`);
        out.tenantId = tenant;
    }
    const users = out.userAssignedIdentities;
    if (typeof users === "object" && users !== null) {
        out.userAssignedIdentities = Object.fromEntries(
            Object.keys(users).map((id) => [
                id,
                { principalId: guidFor(`${id}/principal`), clientId: guidFor(`${id}/client`) },
            ]),
        );
    }
    return out;
}

/** The GET answer for a held resource. */
export function answer(held: Held, tenant: string, secretLeaves: readonly string[]): Record<string, unknown> {
    const body = clone(held.body);
    const id = held.id;
    const name = id.split("/").filter(Boolean).pop()!;
    const type = typeOfId(id);
    const out: Record<string, unknown> = { id, name, type, ...body };
    if (body.identity !== undefined) out.identity = identityOf(body.identity, id, tenant);
    const properties = (
        typeof body.properties === "object" && body.properties !== null ? body.properties : {}
    ) as Record<string, unknown>;
    if (type.toLowerCase() === COMPUTE_TYPE) {
        out.properties = { ...properties, ...computeState(held, properties, name, String(body.location ?? "")) };
        for (const leaf of secretLeaves) deletePath(out, leaf);
    } else {
        const extra: Record<string, unknown> = { provisioningState: held.provisioningState };
        if (type === "Microsoft.ManagedIdentity/userAssignedIdentities") {
            Object.assign(extra, {
                principalId: guidFor(`${id}/principal`),
                clientId: guidFor(`${id}/client`),
                tenantId: tenant,
            });
        }
        if (type === "Microsoft.MachineLearningServices/workspaces") extra.workspaceId = guidFor(`${id}/workspace`);
        out.properties = { ...properties, ...extra };
    }
    return out;
}

/** The read-only part of a compute's `properties` (and of its `properties.properties`). */
function computeState(
    held: Held,
    properties: Record<string, unknown>,
    name: string,
    location: string,
): Record<string, unknown> {
    const computeType = String(properties.computeType);
    const inner = clone((properties.properties ?? {}) as Record<string, unknown>);
    const attached =
        !["AmlCompute", "ComputeInstance"].includes(computeType) &&
        !(computeType === "AKS" && properties.resourceId === undefined);
    if (computeType === "AmlCompute")
        Object.assign(inner, { allocationState: "Steady", currentNodeCount: 0, targetNodeCount: 0 });
    if (computeType === "ComputeInstance") {
        const ssh = (inner.sshSettings ?? {}) as Record<string, unknown>;
        const host = `${name}.${location || "westeurope"}.instances.azureml.ms`;
        Object.assign(inner, {
            state: "Running",
            connectivityEndpoints: { privateIpAddress: "10.0.0.4" },
            applications: [
                { displayName: "Jupyter Lab", endpointUri: `https://${host}/lab` },
                { displayName: "VS Code", endpointUri: `https://${host}/vscode` },
            ],
            sshSettings:
                ssh.sshPublicAccess === "Enabled" ? { ...ssh, adminUserName: "azureuser", sshPort: 50000 } : ssh,
        });
    }
    return {
        provisioningState: held.provisioningState,
        createdOn: held.createdOn,
        modifiedOn: held.modifiedOn,
        isAttachedCompute: attached,
        ...(Object.keys(inner).length > 0 ? { properties: inner } : {}),
    };
}
