/**
 * InferenceCluster: the Studio's "Inference clusters" tab. Two compute types:
 * - `AKS` (the Studio form, legacy): a new AKS cluster Azure ML creates, or an existing one attached by id;
 * - `Kubernetes` (the supported path): an AKS or Arc-enabled cluster with the Azure ML extension, attached
 *   by id, with a namespace and instance types.
 * One file, top to bottom: choices, nested args, the args (one table), defaults, field map, rules, mapping, component.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Compute } from "@pulumi/azure-native/machinelearningservices";
import type * as inputs from "@pulumi/azure-native/types/input";
import { z } from "zod";
import { ComputeComponent, ComputeKind } from "./core/pulumi/component";
import { arg, argSchemasOf, defaultWhen, defaultsOf, fieldMapOf, plainArg, plainArgsOf } from "./core/pulumi/argSpecs";
import { BaseComputeArgs, baseArgSpecs } from "./core/pulumi/baseArgs";
import * as f from "./core/azure/fields";
import { FieldMap, immutablePaths, NOT_REPORTED } from "./core/pulumi/fieldMap";
import { checkIdentity, identityField, identitySchema, IdentityType, ManagedIdentity } from "./core/azure/identity";
import { checkAksAddressing, checkCidr, checkIpv4 } from "./core/azure/network";
import { AKS_CLUSTER, ARC_CLUSTER, isOfType, parseResourceId, formatType } from "./core/azure/resourceIds";
import { checkedString, choice, count, strictObject } from "./core/validation/schema";
import { listShort, quote } from "./core/validation/suggest";
import { Report, Rule, SameShape } from "./core/validation/validate";
import {
    FieldsByType,
    fieldsNotTakenBy,
    TakenBy,
    typeSpecificFields,
    TypeSpecific,
} from "./core/validation/fieldsByType";
import { lookupVmSize } from "./core/azure/vmSizes";
import { armLocation, regionSchema } from "./core/azure/workspace";

/** The two inference compute types. */
export const InferenceComputeType = {
    /** Legacy: Azure ML creates or attaches an AKS cluster (v1 SDK and CLI). */
    AKS: "AKS",
    /** An AKS or Arc-enabled cluster with the Azure ML extension (the supported path). */
    Kubernetes: "Kubernetes",
} as const;
export type InferenceComputeType = (typeof InferenceComputeType)[keyof typeof InferenceComputeType];

/** What a new AKS cluster is for. */
export const ClusterPurpose = {
    /** At least 3 nodes and 12 vCPUs; sent as Azure's `FastProd`. */
    Production: "Production",
    /** At least 1 node, for testing. */
    DevTest: "DevTest",
    /** Sent as Azure's `DenseProd` (in the REST enum; Azure documents no minimum for it, so none is checked). */
    DenseProduction: "DenseProduction",
} as const;
export type ClusterPurpose = (typeof ClusterPurpose)[keyof typeof ClusterPurpose];

/** How the scoring endpoint is exposed. */
export const LoadBalancerType = { PublicIp: "PublicIp", InternalLoadBalancer: "InternalLoadBalancer" } as const;
export type LoadBalancerType = (typeof LoadBalancerType)[keyof typeof LoadBalancerType];

/** A new AKS cluster in an existing virtual network: all four together. */
export interface AksNetwork {
    /** The subnet the nodes join (a subnet resource id). */
    readonly subnetId: pulumi.Input<string>;
    /** The range Kubernetes service IPs come from, e.g. `10.0.0.0/16`. */
    readonly serviceCidr: pulumi.Input<string>;
    /** The Kubernetes DNS service's address, inside `serviceCidr` and not its first address, e.g. `10.0.0.10`. */
    readonly dnsServiceIp: pulumi.Input<string>;
    /** The Docker bridge's address and prefix, overlapping neither, e.g. `172.17.0.1/16`. */
    readonly dockerBridgeCidr: pulumi.Input<string>;
}

/** The scoring endpoint's load balancer. */
export interface InferenceLoadBalancer {
    /** `PublicIp` or `InternalLoadBalancer`. */
    readonly type: pulumi.Input<LoadBalancerType>;
    /** With `InternalLoadBalancer`: the name of the subnet it takes its address from. */
    readonly subnet?: pulumi.Input<string>;
}

/**
 * SSL for the scoring endpoint, in one of two forms: a Microsoft certificate (`leafDomainLabel`, optionally
 * `overwriteExistingDomain`), or your own `cert`, `key` and `cname`. Absent: SSL disabled.
 */
export interface InferenceSsl {
    /** Microsoft certificate: the leaf domain label of the endpoint's name (`<label>######.<region>.cloudapp.azure.com`). */
    readonly leafDomainLabel?: pulumi.Input<string>;
    /** Microsoft certificate: replace an existing domain with the same label. */
    readonly overwriteExistingDomain?: pulumi.Input<boolean>;
    /** Your certificate: PEM text (a Pulumi secret). */
    readonly cert?: pulumi.Input<string>;
    /** Your certificate's private key: PEM text (a Pulumi secret). */
    readonly key?: pulumi.Input<string>;
    /** Your certificate: the CNAME it is issued for, e.g. `ml.contoso.com`. */
    readonly cname?: pulumi.Input<string>;
}

/** Resources of a Kubernetes instance type. */
export interface InstanceTypeResources {
    /** Requested resources, e.g. `{ cpu: "500m", memory: "1Gi" }`. */
    readonly requests?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Resource limits, e.g. `{ cpu: "1", memory: "2Gi", "nvidia.com/gpu": "1" }`. */
    readonly limits?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** A Kubernetes instance type: where and with what resources a deployment runs. */
export interface KubernetesInstanceType {
    /** Node labels the pods must match. */
    readonly nodeSelector?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Resource requests and limits. */
    readonly resources?: pulumi.Input<InstanceTypeResources>;
}

/** A DNS label: lower-case letters, digits and "-", 1-63 characters, not starting or ending with "-". */
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const DNS_NAME = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
/** A Kubernetes resource quantity: `500m`, `1`, `2Gi`, `1e3`. */
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?(\d+(\.\d*)?|\.\d+)))?$/;
/** A Kubernetes resource name: `cpu`, `memory`, `nvidia.com/gpu`. */
const RESOURCE_NAME = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

const pem = (kind: string, pattern: RegExp) =>
    checkedString(
        (text) =>
            pattern.test(text)
                ? []
                : [
                      `is not a PEM ${kind}: expected text with a "-----BEGIN ${kind === "certificate" ? "CERTIFICATE" : "PRIVATE KEY"}-----" line`,
                  ],
        65536,
    );

const quantities = z.record(
    z.string().regex(RESOURCE_NAME, 'must be a Kubernetes resource name such as "cpu", "memory" or "nvidia.com/gpu"'),
    z.string().regex(QUANTITY, 'must be a Kubernetes quantity such as "500m", "2", "4Gi"'),
);

const instanceTypeSchema = strictObject({
    nodeSelector: z
        .record(
            z
                .string()
                .max(316)
                .regex(RESOURCE_NAME, 'must be a Kubernetes label key such as "agentpool" or "kubernetes.io/os"'),
            z
                .string()
                .regex(LABEL_VALUE, 'must be a Kubernetes label value (at most 63 letters, digits, "-", "_" and ".")'),
        )
        .optional(),
    resources: strictObject({ requests: quantities.optional(), limits: quantities.optional() }).optional(),
});

const networkSchema = strictObject({
    subnetId: f.subnetId,
    serviceCidr: checkedString((t) => checkCidr(t, true), 64),
    dnsServiceIp: checkedString(checkIpv4, 64),
    dockerBridgeCidr: checkedString((t) => checkCidr(t, false), 64),
});

const loadBalancerSchema = strictObject({
    type: choice(LoadBalancerType),
    subnet: z
        .string()
        .min(1)
        .max(80)
        .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be a subnet name such as "default"')
        .optional(),
});

const sslSchema = strictObject({
    leafDomainLabel: z
        .string()
        .regex(
            DNS_LABEL,
            'must be a DNS label: lower-case letters, digits and "-", at most 63, not starting or ending with "-"',
        )
        .optional(),
    overwriteExistingDomain: z.boolean().optional(),
    cert: pem("certificate", /-----BEGIN CERTIFICATE-----/).optional(),
    key: pem("private key", /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/).optional(),
    cname: z.string().regex(DNS_NAME, 'must be a DNS name such as "ml.contoso.com"').optional(),
});

/** Azure's names for the purposes. */
const PURPOSE_TO_AZURE: Record<ClusterPurpose, string> = {
    Production: "FastProd",
    DevTest: "DevTest",
    DenseProduction: "DenseProd",
};

/** A new AKS cluster gets the v1 SDK's size and node count; an attached one keeps its own. */
const whenCreating = <const T>(value: T) =>
    defaultWhen(value, (args: { readonly clusterResourceId?: string }) => args.clusterResourceId === undefined);

/**
 * Every inference cluster arg, one statement each: its doc and type (the interface below), its rules, where it
 * lands, how, and what a change does. In place: the node count (the REST spec's own update example), SSL and the
 * load balancer (what the v1 SDK's AksUpdateConfiguration updates), identity, description and tags; everything
 * else replaces. @internal
 */
export const INFERENCE_CLUSTER_SPECS = {
    ...baseArgSpecs(f.inferenceOrAttachedName),
    /** `AKS` (the Studio form, legacy) or `Kubernetes`; a plain value, not an Output. */
    computeType: plainArg<InferenceComputeType>().optional(choice(InferenceComputeType), {
        lands: { "properties.computeType": {} },
        replaces: true,
        default: InferenceComputeType.AKS,
    }),
    /** An existing cluster: an AKS cluster id, or for `Kubernetes` also an Arc cluster id. Absent: a new AKS cluster (AKS only). */
    clusterResourceId: arg<string>().optional(f.resourceId([AKS_CLUSTER, ARC_CLUSTER], "a Kubernetes cluster"), {
        lands: { "properties.resourceId": {} },
        replaces: true,
    }),
    /** New AKS cluster: the node VM size. */
    vmSize: arg<string>().optional(f.vmSize, {
        lands: { "properties.properties.agentVmSize": {} },
        replaces: true,
        default: whenCreating("Standard_D3_v2"),
        reads: ["clusterResourceId"],
    }),
    /** New AKS cluster: the number of nodes. */
    nodeCount: arg<number>().optional(count(0), {
        lands: { "properties.properties.agentCount": {} },
        replaces: false,
        default: whenCreating(3),
        reads: ["clusterResourceId"],
    }),
    /** vCPUs per node, for a size the library does not know (the production rule needs it). */
    vcpusPerNode: arg<number>().optional(count(1), { lands: {}, replaces: false }),
    /** New AKS cluster: `Production` (at least 3 nodes and 12 vCPUs), `DevTest` or `DenseProduction`. */
    clusterPurpose: arg<ClusterPurpose>().optional(choice(ClusterPurpose), {
        lands: {
            "properties.properties.clusterPurpose": {
                send: (p) => PURPOSE_TO_AZURE[p],
                // A purpose the library has no name for comes back as Azure spells it, and is refused with its choices.
                back: (p) => Object.entries(PURPOSE_TO_AZURE).find(([, azure]) => azure === p)?.[0] ?? p,
            },
        },
        replaces: true,
        default: ClusterPurpose.Production,
    }),
    /** New AKS cluster: its region. */
    location: arg<string>().optional(regionSchema, {
        lands: { "properties.computeLocation": { send: armLocation, back: (l) => l } },
        replaces: true,
    }),
    /** New AKS cluster: an existing virtual network to join. */
    network: arg<AksNetwork>().optional(networkSchema, {
        lands: {
            "properties.properties.aksNetworkingConfiguration": {
                send: (n) => ({
                    subnetId: n.subnetId,
                    serviceCidr: n.serviceCidr,
                    dnsServiceIP: n.dnsServiceIp,
                    dockerBridgeCidr: n.dockerBridgeCidr,
                }),
                back: (n) => ({
                    subnetId: n.subnetId,
                    serviceCidr: n.serviceCidr,
                    dnsServiceIp: n.dnsServiceIP,
                    dockerBridgeCidr: n.dockerBridgeCidr,
                }),
            },
        },
        replaces: true,
    }),
    /** AKS: the scoring endpoint's load balancer. */
    loadBalancer: arg<InferenceLoadBalancer>().optional(loadBalancerSchema, {
        lands: {
            // Absent, the endpoint is public: `PublicIp` is sent (as `absent`, the child path's own value, not
            // the arg's default, so it stays out of INFERENCE_CLUSTER_DEFAULTS and the docs' default column).
            "properties.properties.loadBalancerType": {
                send: (lb) => lb.type,
                absent: LoadBalancerType.PublicIp,
                back: (type) => ({ type }),
            },
            "properties.properties.loadBalancerSubnet": { send: (lb) => lb.subnet, back: (subnet) => ({ subnet }) },
        },
        replaces: false,
    }),
    /** AKS: SSL for the scoring endpoint. */
    ssl: arg<InferenceSsl>().optional(sslSchema, {
        lands: {
            "properties.properties.sslConfiguration": { send: toSsl, absent: { status: "Disabled" }, back: fromSsl },
        },
        replaces: false,
        secrets: ["cert", "key"],
    }),
    /** Kubernetes: the namespace deployments go to. */
    namespace: arg<string>().optional(
        z
            .string()
            .regex(
                DNS_LABEL,
                'must be a Kubernetes namespace: lower-case letters, digits and "-", at most 63, not starting or ending with "-"',
            ),
        { lands: { "properties.properties.namespace": {} }, replaces: true, default: "default" },
    ),
    /** Kubernetes: instance types by name. */
    instanceTypes: arg<Record<string, pulumi.Input<KubernetesInstanceType>>>().optional(
        z.record(
            z
                .string()
                .regex(DNS_LABEL, 'must be an instance type name: lower-case letters, digits and "-", at most 63'),
            instanceTypeSchema,
        ),
        { lands: { "properties.properties.instanceTypes": {} }, replaces: true },
    ),
    /** Kubernetes: the instance type used when a deployment names none; one of `instanceTypes`. */
    defaultInstanceType: arg<string>().optional(z.string().min(1).max(63), {
        lands: { "properties.properties.defaultInstanceType": {} },
        replaces: true,
    }),
    /**
     * The compute's managed identity. AKS as well as Kubernetes: the REST spec puts identity on every compute, and
     * Terraform's acceptance test applies one to an AKS compute. Kubernetes takes one identity, not both kinds.
     */
    identity: arg<ManagedIdentity>().optional(identitySchema, identityField(false)),
};

// generated from INFERENCE_CLUSTER_SPECS by `npm run docs`; do not edit
/** Every inference cluster arg, as one interface: what the schema checks (stack config can hold any mix). */
export interface InferenceClusterFields extends BaseComputeArgs {
    /** `AKS` (the Studio form, legacy) or `Kubernetes`; a plain value, not an Output. */
    readonly computeType?: InferenceComputeType;
    /** An existing cluster: an AKS cluster id, or for `Kubernetes` also an Arc cluster id. Absent: a new AKS cluster (AKS only). */
    readonly clusterResourceId?: pulumi.Input<string>;
    /** New AKS cluster: the node VM size. */
    readonly vmSize?: pulumi.Input<string>;
    /** New AKS cluster: the number of nodes. */
    readonly nodeCount?: pulumi.Input<number>;
    /** vCPUs per node, for a size the library does not know (the production rule needs it). */
    readonly vcpusPerNode?: pulumi.Input<number>;
    /** New AKS cluster: `Production` (at least 3 nodes and 12 vCPUs), `DevTest` or `DenseProduction`. */
    readonly clusterPurpose?: pulumi.Input<ClusterPurpose>;
    /** New AKS cluster: its region. */
    readonly location?: pulumi.Input<string>;
    /** New AKS cluster: an existing virtual network to join. */
    readonly network?: pulumi.Input<AksNetwork>;
    /** AKS: the scoring endpoint's load balancer. */
    readonly loadBalancer?: pulumi.Input<InferenceLoadBalancer>;
    /** AKS: SSL for the scoring endpoint. */
    readonly ssl?: pulumi.Input<InferenceSsl>;
    /** Kubernetes: the namespace deployments go to. */
    readonly namespace?: pulumi.Input<string>;
    /** Kubernetes: instance types by name. */
    readonly instanceTypes?: pulumi.Input<Record<string, pulumi.Input<KubernetesInstanceType>>>;
    /** Kubernetes: the instance type used when a deployment names none; one of `instanceTypes`. */
    readonly defaultInstanceType?: pulumi.Input<string>;
    /**
     * The compute's managed identity. AKS as well as Kubernetes: the REST spec puts identity on every compute, and
     * Terraform's acceptance test applies one to an AKS compute. Kubernetes takes one identity, not both kinds.
     */
    readonly identity?: pulumi.Input<ManagedIdentity>;
}

/**
 * Which args each compute type takes, of those the two differ on: the rules, the args the mapping leaves out, the
 * args' union type and the README's table all read it.
 */
export const INFERENCE_FIELDS_BY_TYPE = {
    AKS: {
        required: [],
        optional: [
            "clusterResourceId",
            "vmSize",
            "nodeCount",
            "vcpusPerNode",
            "clusterPurpose",
            "location",
            "network",
            "loadBalancer",
            "ssl",
        ],
    },
    Kubernetes: { required: ["clusterResourceId"], optional: ["namespace", "instanceTypes", "defaultInstanceType"] },
} as const satisfies FieldsByType<InferenceComputeType, keyof InferenceClusterFields & string>;

type ByType = typeof INFERENCE_FIELDS_BY_TYPE;
type InferenceCommon = Omit<InferenceClusterFields, TypeSpecific<ByType> | "computeType">;

/** An AKS inference cluster (the Studio form, legacy): a new cluster, or an existing one by `clusterResourceId`. */
export interface AksInferenceClusterArgs extends InferenceCommon, Pick<InferenceClusterFields, TakenBy<ByType, "AKS">> {
    /** `AKS`, the default; a plain value, not an Output. */
    readonly computeType?: "AKS";
}

/** Kubernetes compute: an AKS or Arc-enabled cluster with the Azure ML extension, by `clusterResourceId`. */
export interface KubernetesInferenceClusterArgs
    extends
        InferenceCommon,
        Pick<InferenceClusterFields, ByType["Kubernetes"]["optional"][number]>,
        Required<Pick<InferenceClusterFields, ByType["Kubernetes"]["required"][number]>> {
    /** `Kubernetes`; a plain value, not an Output. */
    readonly computeType: "Kubernetes";
}

/** The arguments of an {@link InferenceCluster}: one shape per `computeType`. */
export type InferenceClusterArgs = AksInferenceClusterArgs | KubernetesInferenceClusterArgs;

/** Defaults, as the v1 SDK's for a new AKS cluster; `namespace` for Kubernetes compute. */
export const INFERENCE_CLUSTER_DEFAULTS = defaultsOf(INFERENCE_CLUSTER_SPECS);

/** The production rule: at least this many nodes and vCPUs in all. */
export const PRODUCTION_MINIMUM = Object.freeze({ nodes: 3, vcpus: 12 });

/** The v1 SDK (and its CLI) are what manage the legacy AKS type. */
export const LEGACY_AKS_NOTICE =
    'InferenceCluster: computeType "AKS" is the legacy inference cluster type: the v1 SDK that manages it reached end of support on 2026-06-30 (the v1 CLI on 2025-09-30); Kubernetes compute (computeType "Kubernetes") is the supported path';

/** Where each arg lands, how, and what a change does. */
export const INFERENCE_CLUSTER_FIELDS: FieldMap<InferenceClusterFields> = fieldMapOf(INFERENCE_CLUSTER_SPECS);

/** The child paths whose change replaces an inference cluster: its `replaceOnChanges`. */
export const INFERENCE_CLUSTER_IMMUTABLE: readonly string[] = immutablePaths(INFERENCE_CLUSTER_FIELDS);

/** The args a compute type does not take, in field map order. */
const notTakenBy = (type: string) =>
    fieldsNotTakenBy(INFERENCE_FIELDS_BY_TYPE, type, Object.keys(INFERENCE_CLUSTER_FIELDS));
const TYPE_SPECIFIC = typeSpecificFields(INFERENCE_FIELDS_BY_TYPE, Object.keys(INFERENCE_CLUSTER_FIELDS));
const NEW_CLUSTER_ONLY = ["vmSize", "nodeCount", "vcpusPerNode", "location", "network"] as const;

/** The rules of each arg on its own. */
const argSchemas = strictObject(argSchemasOf(INFERENCE_CLUSTER_SPECS));

// Stops compiling when the schema and the args interface drift apart.
const schemaMatchesArgs: SameShape<z.input<typeof argSchemas>, pulumi.Unwrap<InferenceClusterFields>> = true;
void schemaMatchesArgs;

type Values = z.output<typeof argSchemas>;

/** Why a compute type requires an arg, said after "is required for computeType ...". */
const WHY_REQUIRED: Readonly<Record<string, string>> = {
    clusterResourceId: "the id of an AKS or Arc-enabled cluster with the Azure ML extension",
};

/** Fields given for the wrong compute type, or for an existing cluster. */
function checkFieldsForType(values: Values, report: Report): void {
    const type = values.computeType ?? INFERENCE_CLUSTER_DEFAULTS.computeType;
    for (const name of notTakenBy(type)) {
        if (values[name] !== undefined) {
            const takers = Object.entries(INFERENCE_FIELDS_BY_TYPE)
                .filter(([, t]) => ([...t.required, ...t.optional] as readonly string[]).includes(name))
                .map(([taker]) => `"${taker}"`);
            report(
                [name, "computeType"],
                `applies to computeType ${takers.join(" or ")} only; this cluster is "${type}"`,
            );
        }
    }
    if (type === InferenceComputeType.AKS && values.clusterResourceId !== undefined) {
        for (const name of NEW_CLUSTER_ONLY) {
            if (values[name] !== undefined)
                report(
                    [name, "clusterResourceId"],
                    "applies only when creating a new AKS cluster; an attached cluster (clusterResourceId) keeps its own",
                );
        }
    }
    for (const name of INFERENCE_FIELDS_BY_TYPE[type].required) {
        if (values[name] === undefined)
            report([name, "computeType"], `is required for computeType "${type}": ${WHY_REQUIRED[name]}`);
    }
}

/** The legacy AKS type attaches AKS clusters only; Kubernetes compute takes AKS or Arc clusters. */
function checkClusterKind(values: Values, report: Report): void {
    const type = values.computeType ?? INFERENCE_CLUSTER_DEFAULTS.computeType;
    const id = values.clusterResourceId === undefined ? undefined : parseResourceId(values.clusterResourceId);
    if (type === InferenceComputeType.AKS && id !== undefined && !isOfType(id, AKS_CLUSTER)) {
        report(
            ["clusterResourceId", "computeType"],
            `is a ${formatType(id)} id; computeType "AKS" attaches AKS clusters only (${formatType(AKS_CLUSTER)}); use computeType "Kubernetes" for an Arc cluster`,
        );
    }
}

/** Production needs 3 nodes and 12 vCPUs; dev-test 1 node. The vCPUs come from the size, or vcpusPerNode. */
function checkCapacity(values: Values, report: Report): void {
    if (
        (values.computeType ?? INFERENCE_CLUSTER_DEFAULTS.computeType) !== InferenceComputeType.AKS ||
        values.clusterResourceId !== undefined
    )
        return;
    const d = INFERENCE_CLUSTER_DEFAULTS;
    const size = values.vmSize ?? d.vmSize;
    const nodes = values.nodeCount ?? d.nodeCount;
    const purpose = values.clusterPurpose ?? d.clusterPurpose;
    if (purpose === ClusterPurpose.DenseProduction) return;
    if (purpose === ClusterPurpose.DevTest) {
        if (nodes < 1)
            report(["nodeCount", "clusterPurpose"], `a dev-test cluster needs at least 1 node; got ${nodes}`);
        return;
    }
    const known = lookupVmSize(size)?.vcpus;
    if (known !== undefined && values.vcpusPerNode !== undefined && values.vcpusPerNode !== known) {
        report(
            ["vcpusPerNode", "vmSize"],
            `is ${values.vcpusPerNode}, but ${size} has ${known} vCPUs; leave vcpusPerNode out for a size the library knows`,
        );
        return;
    }
    const vcpus = known ?? values.vcpusPerNode;
    if (vcpus === undefined) {
        report(
            ["vcpusPerNode", "vmSize"],
            `is required: the library does not know how many vCPUs ${size} has, and a production cluster needs ${PRODUCTION_MINIMUM.vcpus} in all`,
        );
        return;
    }
    if (nodes < PRODUCTION_MINIMUM.nodes) {
        report(
            ["nodeCount", "clusterPurpose"],
            `a production cluster needs at least ${PRODUCTION_MINIMUM.nodes} nodes; got ${nodes}`,
        );
    }
    const total = nodes * vcpus;
    if (total < PRODUCTION_MINIMUM.vcpus) {
        report(
            ["nodeCount", "vmSize", "clusterPurpose"],
            `${nodes} node${nodes === 1 ? "" : "s"} x ${vcpus} vCPU${vcpus === 1 ? "" : "s"} (${size}) = ${total} < ${PRODUCTION_MINIMUM.vcpus} for a production cluster`,
        );
    }
}

/** Two SSL forms, never both; the Microsoft certificate needs a public endpoint. */
function checkSsl(values: Values, report: Report): void {
    const ssl = values.ssl;
    if (ssl === undefined) return;
    const microsoft = ssl.leafDomainLabel !== undefined || ssl.overwriteExistingDomain !== undefined;
    const own = ssl.cert !== undefined || ssl.key !== undefined || ssl.cname !== undefined;
    if (microsoft && own) {
        report(
            ["ssl", "ssl.leafDomainLabel", "ssl.cert"],
            "takes either a Microsoft certificate (leafDomainLabel) or your own (cert, key, cname), not both",
        );
        return;
    }
    if (!microsoft && !own) {
        report(
            "ssl",
            "needs a leafDomainLabel (Microsoft certificate) or cert, key and cname (your own); leave ssl out to disable SSL",
        );
        return;
    }
    if (microsoft && ssl.leafDomainLabel === undefined)
        report(["ssl.leafDomainLabel", "ssl"], "is required with a Microsoft certificate");
    if (own) {
        for (const part of ["cert", "key", "cname"] as const) {
            if (ssl[part] === undefined)
                report([`ssl.${part}`, "ssl"], "is required with your own certificate (cert, key and cname together)");
        }
    }
    if (microsoft && values.loadBalancer?.type === LoadBalancerType.InternalLoadBalancer) {
        report(
            ["ssl.leafDomainLabel", "loadBalancer.type"],
            "needs a public endpoint: a Microsoft certificate can't be used with an internal load balancer; bring your own certificate",
        );
    }
}

const rules: Rule<Values>[] = [
    {
        code: "vm-size/retired",
        reads: ["vmSize", "adopt"],
        check: ({ vmSize, adopt }, report) => f.checkRetiredVmSize(vmSize, adopt, report),
    },
    {
        code: "inference-cluster/field-for-other-type",
        reads: ["computeType", ...TYPE_SPECIFIC],
        check: checkFieldsForType,
    },
    {
        code: "inference-cluster/cluster-kind-mismatch",
        reads: ["computeType", "clusterResourceId"],
        check: checkClusterKind,
    },
    {
        code: "inference-cluster/capacity",
        reads: ["computeType", "clusterResourceId", "vmSize", "nodeCount", "vcpusPerNode", "clusterPurpose"],
        check: checkCapacity,
    },
    {
        code: "inference-cluster/network-addressing",
        reads: ["network"],
        check: ({ network }, report) => {
            if (network === undefined) return;
            for (const p of checkAksAddressing(network))
                report([`network.${p.field}`, "network.serviceCidr"], p.message);
        },
    },
    {
        code: "inference-cluster/load-balancer-subnet-not-internal",
        reads: ["loadBalancer"],
        check: ({ loadBalancer }, report) => {
            if (loadBalancer?.subnet !== undefined && loadBalancer.type !== LoadBalancerType.InternalLoadBalancer) {
                report(["loadBalancer.subnet", "loadBalancer.type"], 'applies to an "InternalLoadBalancer" only');
            }
        },
    },
    { code: "inference-cluster/ssl", reads: ["ssl", "loadBalancer"], check: checkSsl },
    {
        code: "inference-cluster/default-instance-type-unknown",
        reads: ["instanceTypes", "defaultInstanceType"],
        check: ({ instanceTypes, defaultInstanceType }, report) => {
            if (
                defaultInstanceType !== undefined &&
                instanceTypes !== undefined &&
                !(defaultInstanceType in instanceTypes)
            ) {
                report(
                    ["defaultInstanceType", "instanceTypes"],
                    `${quote(defaultInstanceType)} is not one of instanceTypes (${listShort(Object.keys(instanceTypes))})`,
                );
            }
        },
    },
    { code: "identity/invalid", reads: ["identity"], check: ({ identity }, report) => checkIdentity(identity, report) },
    {
        code: "inference-cluster/kubernetes-one-identity",
        // Azure ML's identity article: Kubernetes compute takes "one system-assigned identity or one user-assigned identity, not both".
        reads: ["identity", "computeType"],
        check: ({ identity, computeType }, report) => {
            if (computeType !== InferenceComputeType.Kubernetes || identity === undefined) return;
            if (identity.type === IdentityType.SystemAssignedUserAssigned)
                report(
                    ["identity.type", "computeType"],
                    "Kubernetes compute takes one identity, system- or user-assigned, not both",
                );
            else if ((identity.userAssignedIdentities?.length ?? 0) > 1)
                report(
                    ["identity.userAssignedIdentities", "computeType"],
                    "Kubernetes compute takes one user-assigned identity",
                );
        },
    },
];

const warnings: Rule<Values>[] = [
    {
        code: "vm-size/advisory",
        reads: ["vmSize", "adopt"],
        check: ({ vmSize, adopt }, report) => f.warnAboutVmSize(vmSize, adopt, report),
    },
];

/** SSL as azure-native takes it: the form decides the status; cert and key arrive as secrets on their leaves. */
function toSsl(s: pulumi.Unwrap<InferenceSsl>): inputs.machinelearningservices.SslConfigurationArgs {
    if (s.leafDomainLabel !== undefined) {
        return {
            status: "Auto",
            leafDomainLabel: s.leafDomainLabel,
            overwriteExistingDomain: s.overwriteExistingDomain,
        };
    }
    return { status: "Enabled", cert: s.cert, key: s.key, cname: s.cname };
}

/** The ssl arg from what Azure reports (the inverse of `toSsl`): the certificate and key are never returned. */
function fromSsl(s: inputs.machinelearningservices.SslConfigurationArgs): unknown {
    if (s.status === "Auto")
        return { leafDomainLabel: s.leafDomainLabel, overwriteExistingDomain: s.overwriteExistingDomain };
    if (s.status === "Enabled") return { cert: NOT_REPORTED, key: NOT_REPORTED, cname: s.cname };
    return undefined;
}

/** Everything that makes an InferenceCluster an InferenceCluster. @internal (its zod schemas stay out of the public types) */
export const INFERENCE_CLUSTER: ComputeKind<InferenceClusterFields, typeof argSchemas.shape> = {
    name: "InferenceCluster",
    rules: { schema: argSchemas, rules, warnings },
    fieldMap: INFERENCE_CLUSTER_FIELDS,
    immutable: INFERENCE_CLUSTER_IMMUTABLE,
    plainArgs: plainArgsOf(INFERENCE_CLUSTER_SPECS),
    typeField: "computeType",
    inapplicable: notTakenBy,
    notices: (args) =>
        (args.computeType ?? INFERENCE_CLUSTER_DEFAULTS.computeType) === InferenceComputeType.AKS
            ? [LEGACY_AKS_NOTICE]
            : [],
};

/** The scoring endpoint's name: your certificate's CNAME, else the cluster FQDN Azure reports. @internal (the component and the provider read it) */
export function scoringFqdn(compute: Compute): pulumi.Output<string | undefined> {
    return compute.properties.apply((p) => {
        const props = (
            p as { properties?: { clusterFqdn?: string; sslConfiguration?: { cname?: string } } } | undefined
        )?.properties;
        return props?.sslConfiguration?.cname ?? props?.clusterFqdn ?? undefined;
    });
}

/**
 * An inference cluster: Kubernetes compute that serves models (online endpoints), either a legacy AKS
 * compute that Azure ML creates or attaches, or an AKS/Arc cluster with the Azure ML extension.
 */
export class InferenceCluster extends ComputeComponent<InferenceClusterFields> {
    /** The scoring endpoint's name: your certificate's CNAME, else the cluster FQDN Azure reports. */
    public readonly scoringFqdn: pulumi.Output<string | undefined>;

    constructor(name: string, args: InferenceClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super(INFERENCE_CLUSTER, name, args, opts);
        this.scoringFqdn = scoringFqdn(this.compute);
        this.registerOutputs({
            ...this.commonOutputs(),
            scoringFqdn: this.scoringFqdn,
        });
    }
}
