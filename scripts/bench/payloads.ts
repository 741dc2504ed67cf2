/**
 * The benchmark's workload: N compute targets in a realistic mix for a large organisation (one compute
 * instance per data scientist, clusters per team, a few inference clusters and attachments).
 */
import type { ComputeArgs } from "@pulumi/azure-native/machinelearningservices";
import { ATTACHED_COMPUTE } from "../../components/attachedCompute";
import { COMPUTE_CLUSTER } from "../../components/computeCluster";
import { COMPUTE_INSTANCE } from "../../components/computeInstance";
import { INFERENCE_CLUSTER } from "../../components/inferenceCluster";
import { AnyComputeKind, toComputeArgs } from "../../components/core/pulumi/component";

const WORKSPACE = { workspaceName: "mlw-bench", resourceGroupName: "rg-bench" };
const SUB = "00000000-0000-0000-0000-000000000000";
const SUBNET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/ml`;

/** One compute target: which component, its name and its args. */
export interface BenchTarget {
    readonly kind: AnyComputeKind;
    readonly name: string;
    readonly args: Record<string, unknown>;
}

/** Target i of the mix: 5 in 10 instances, 3 clusters, 1 inference cluster, 1 attachment. */
export function target(i: number): BenchTarget {
    const slot = i % 10;
    if (slot < 5) {
        return {
            kind: COMPUTE_INSTANCE,
            name: `ci${i}`,
            args: {
                workspace: WORKSPACE,
                vmSize: "Standard_DS3_v2",
                assignedUser: { objectId: "11111111-2222-3333-4444-555555555555", tenantId: SUB },
                idleTimeBeforeShutdown: 3600,
                schedules: [{ action: "Stop", cron: "0 19 * * 1-5", timeZone: "W. Europe Standard Time" }],
                tags: { team: `team${i % 7}` },
            },
        };
    }
    if (slot < 8) {
        return {
            kind: COMPUTE_CLUSTER,
            name: `cl${i}`,
            args: {
                workspace: WORKSPACE,
                vmType: "CPU",
                vmSize: "Standard_D4s_v3",
                vmPriority: "LowPriority",
                maxNodes: 4,
                subnet: SUBNET,
                enableNodePublicIp: false,
                tags: { team: `team${i % 7}` },
            },
        };
    }
    if (slot === 8) {
        return {
            kind: INFERENCE_CLUSTER,
            name: `ks${i}`,
            args: {
                workspace: WORKSPACE,
                computeType: "Kubernetes",
                clusterResourceId: `/subscriptions/${SUB}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks${i}`,
                namespace: "azureml",
                instanceTypes: { small: { resources: { requests: { cpu: "500m", memory: "1Gi" } } } },
            },
        };
    }
    return {
        kind: ATTACHED_COMPUTE,
        name: `db${i}`,
        args: {
            workspace: WORKSPACE,
            type: "Databricks",
            resourceId: `/subscriptions/${SUB}/resourceGroups/rg-dbx/providers/Microsoft.Databricks/workspaces/dbx${i}`,
            accessToken: "dapi-bench-token",
        },
    };
}

/** The Compute payload a component would register for a target, made by the component's own mapping. */
export function payload(t: BenchTarget): ComputeArgs {
    return toComputeArgs(t.kind, { ...t.args, computeName: t.name });
}
