/**
 * The one list of the components. The stack reader (and through it the plan and adopt), the component provider,
 * the docs, the benchmark and the tests read it. Adding a component means writing its own file and adding a line
 * here; see ARCHITECTURE.md.
 */
import { AttachedCompute, ATTACHED_COMPUTE, ATTACHED_COMPUTE_DEFAULTS } from "./attachedCompute";
import { ComputeCluster, COMPUTE_CLUSTER, COMPUTE_CLUSTER_DEFAULTS } from "./computeCluster";
import { ComputeInstance, COMPUTE_INSTANCE, COMPUTE_INSTANCE_DEFAULTS, SCHEDULE_DEFAULTS } from "./computeInstance";
import type { AnyComponentClass, AnyComputeKind } from "./core/component";
import { InferenceCluster, INFERENCE_CLUSTER, INFERENCE_CLUSTER_DEFAULTS } from "./inferenceCluster";

/** One component, with what every reader of the list needs to know about it. */
export interface RegisteredComponent {
    readonly kind: AnyComputeKind;
    readonly Component: AnyComponentClass;
    /** The stack config key of its map of entries (`azureml-compute:computeClusters`). */
    readonly stackKey: string;
    /** For the docs: the args interface to document, the file that declares it, and the defaults by field path. */
    readonly docs: {
        readonly args: string;
        readonly source: string;
        readonly defaults: Readonly<Record<string, unknown>>;
    };
}

export const COMPONENT_REGISTRY: readonly RegisteredComponent[] = [
    {
        kind: COMPUTE_CLUSTER,
        Component: ComputeCluster,
        stackKey: "computeClusters",
        docs: {
            args: "ComputeClusterArgs",
            source: "components/computeCluster.ts",
            defaults: COMPUTE_CLUSTER_DEFAULTS,
        },
    },
    {
        kind: COMPUTE_INSTANCE,
        Component: ComputeInstance,
        stackKey: "computeInstances",
        docs: {
            args: "ComputeInstanceArgs",
            source: "components/computeInstance.ts",
            defaults: {
                ...COMPUTE_INSTANCE_DEFAULTS,
                "schedules[].timeZone": SCHEDULE_DEFAULTS.timeZone,
                "schedules[].enabled": SCHEDULE_DEFAULTS.enabled,
                "schedules[].recurrence.interval": SCHEDULE_DEFAULTS.interval,
            },
        },
    },
    {
        kind: INFERENCE_CLUSTER,
        Component: InferenceCluster,
        stackKey: "inferenceClusters",
        docs: {
            args: "InferenceClusterArgs",
            source: "components/inferenceCluster.ts",
            defaults: INFERENCE_CLUSTER_DEFAULTS,
        },
    },
    {
        kind: ATTACHED_COMPUTE,
        Component: AttachedCompute,
        stackKey: "attachedComputes",
        docs: {
            args: "AttachedComputeFields",
            source: "components/attachedCompute.ts",
            defaults: ATTACHED_COMPUTE_DEFAULTS,
        },
    },
];
