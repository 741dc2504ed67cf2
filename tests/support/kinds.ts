/**
 * The four components as the input tests drive them: each with args that make a minimal valid compute of each
 * compute type, and a helper that declares one and returns what its Compute child registered (or what failed).
 */
import { STACK_KINDS, StackEntry, StackKind } from "../../components/stack/readConfig";
import { deploymentErrors, recordRegistrations, Registration } from "./monitor";
import { IDENTITY_ID, SUBSCRIPTION, WORKSPACE } from "./fixtures";
import { RSA_2048 } from "./sshKeyFixtures";

export const COMPUTE = "azure-native:machinelearningservices:Compute";

const AKS_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-ml`;
const VM_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-vm/providers/Microsoft.Compute/virtualMachines/dsvm`;
const DBX_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-dbx/providers/Microsoft.Databricks/workspaces/dbx`;

/** One compute type of one component, with minimal valid args. */
export interface Case {
    readonly title: string;
    readonly stackKind: StackKind;
    readonly minimal: Record<string, unknown>;
}

const kind = (key: string) => STACK_KINDS.find((k) => k.key === key)!;

export const CASES: readonly Case[] = [
    {
        title: "ComputeCluster",
        stackKind: kind("computeClusters"),
        minimal: { workspace: WORKSPACE, vmSize: "Standard_DS3_v2", maxNodes: 2 },
    },
    {
        title: "ComputeInstance",
        stackKind: kind("computeInstances"),
        minimal: { workspace: WORKSPACE, vmSize: "Standard_DS3_v2" },
    },
    { title: "InferenceCluster (new AKS)", stackKind: kind("inferenceClusters"), minimal: { workspace: WORKSPACE } },
    {
        title: "InferenceCluster (Kubernetes)",
        stackKind: kind("inferenceClusters"),
        minimal: { workspace: WORKSPACE, computeType: "Kubernetes", clusterResourceId: AKS_ID },
    },
    {
        title: "AttachedCompute (VM)",
        stackKind: kind("attachedComputes"),
        minimal: {
            workspace: WORKSPACE,
            type: "VirtualMachine",
            resourceId: VM_ID,
            address: "10.0.0.4",
            credentials: { username: "azureuser", password: "S3cret!" },
        },
    },
    {
        title: "AttachedCompute (Databricks)",
        stackKind: kind("attachedComputes"),
        minimal: { workspace: WORKSPACE, type: "Databricks", resourceId: DBX_ID, accessToken: "dapi-token" },
    },
];

export { AKS_ID, IDENTITY_ID, RSA_2048 };

/** What one declaration led to: the Compute registrations, and the errors that failed the run. */
export interface Outcome {
    readonly computes: readonly Registration[];
    readonly errors: readonly Error[];
}

/** Declares one component under a fresh monitor (as `pulumi up`, or as `pulumi preview`) and waits for it to settle. */
export async function outcomeOf(
    c: Case,
    args: unknown,
    options: { preview?: boolean; name?: string } = {},
): Promise<Outcome> {
    const monitor = await recordRegistrations({ preview: options.preview ?? false });
    const errors = await deploymentErrors(() => {
        c.stackKind.construct(options.name ?? "target", args as StackEntry["args"]);
    });
    return { computes: monitor.ofType(COMPUTE), errors };
}

/** The one Compute a declaration registered; fails when it failed or registered none. */
export async function payloadOf(c: Case, args: unknown, options: { preview?: boolean } = {}): Promise<Registration> {
    const { computes, errors } = await outcomeOf(c, args, options);
    if (errors.length > 0) throw new Error(`expected no error, got: ${errors.map((e) => e.message).join("\n")}`);
    if (computes.length !== 1) throw new Error(`expected one Compute, got ${computes.length}`);
    return computes[0]!;
}
