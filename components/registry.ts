/**
 * The one list of the components. The stack reader (and through it the plan and adopt), the component provider,
 * the docs, the benchmark and the tests read it. Adding a component means writing its own file and adding a line
 * here; see ARCHITECTURE.md.
 */
import { AttachedCompute, ATTACHED_COMPUTE, ATTACHED_COMPUTE_DEFAULTS } from "./attachedCompute";
import { ComputeCluster, COMPUTE_CLUSTER, COMPUTE_CLUSTER_DEFAULTS } from "./computeCluster";
import {
    ComputeInstance,
    COMPUTE_INSTANCE,
    COMPUTE_INSTANCE_DEFAULTS,
    instanceEndpoints,
    SCHEDULE_DEFAULTS,
} from "./computeInstance";
import type { AnyComponentClass, AnyComputeKind } from "./core/pulumi/component";
import { InferenceCluster, INFERENCE_CLUSTER, INFERENCE_CLUSTER_DEFAULTS, scoringFqdn } from "./inferenceCluster";

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
    /** For the component provider's class, generated into provider/components.ts by scripts/generateProvider.ts. */
    readonly provider: ProviderClassFacts;
}

/** What the provider's class of a component says that neither its kind nor its docs entry does. */
export interface ProviderClassFacts {
    /** The class's doc comment: the resource's description in the provider schema. */
    readonly description: string;
    /**
     * When the args differ from `docs.args` in other languages: the library interface they extend instead, and
     * the args they declare as text (a duration is a string there), each with its doc comment.
     */
    readonly args?: { readonly extends: string; readonly asText: Readonly<Record<string, string>> };
    /** Outputs beyond the common ones, each made from the Compute by a function that `docs.source` exports. */
    readonly outputs?: readonly ProviderOutput[];
}

/** One output the provider's class adds: `this.<name> = <from.name>(this.compute)`. */
export interface ProviderOutput {
    readonly name: string;
    readonly from: (compute: never) => unknown;
    /** The value's type in the generated file, where the library is imported as `lib`. */
    readonly type: string;
    readonly doc: string;
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
        provider: {
            description: "An Azure ML compute cluster (see the TypeScript `ComputeCluster`).",
            args: {
                extends: "ComputeClusterSettings",
                asText: {
                    idleTimeBeforeScaleDown:
                        'Idle time before a node is released: an ISO 8601 duration such as `PT5M`, or whole seconds as text (`"300"`).',
                },
            },
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
        provider: {
            description: "An Azure ML compute instance (see the TypeScript `ComputeInstance`).",
            args: {
                extends: "ComputeInstanceSettings",
                asText: {
                    idleTimeBeforeShutdown:
                        "Stops the instance after this much inactivity: ISO 8601 (`PT30M`) or whole seconds as text; 15 minutes to 3 days.",
                },
            },
            outputs: [
                {
                    name: "endpoints",
                    from: instanceEndpoints,
                    type: "lib.InstanceEndpoints",
                    doc: "The instance's JupyterLab and VS Code URLs, applications and SSH endpoint, as Azure reports them.",
                },
            ],
        },
    },
    {
        kind: INFERENCE_CLUSTER,
        Component: InferenceCluster,
        stackKey: "inferenceClusters",
        docs: {
            args: "InferenceClusterFields",
            source: "components/inferenceCluster.ts",
            defaults: INFERENCE_CLUSTER_DEFAULTS,
        },
        provider: {
            description:
                "An inference cluster: legacy AKS or Kubernetes compute (see the TypeScript `InferenceCluster`).",
            outputs: [
                {
                    name: "scoringFqdn",
                    from: scoringFqdn,
                    type: "string | undefined",
                    doc: "The scoring endpoint's name: your certificate's CNAME, else the cluster FQDN Azure reports.",
                },
            ],
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
        provider: { description: "An existing resource attached as compute (see the TypeScript `AttachedCompute`)." },
    },
];
