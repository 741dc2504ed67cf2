/**
 * ComputeCluster: the Studio's "Compute clusters" tab, an autoscaling Azure ML compute
 * cluster (`computeType: "AmlCompute"`). One file, top to bottom: choices, args, defaults, field map
 * (and so the immutable list), rules, mapping, component.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { ComputeComponent, ComputeKind } from "./core/pulumi/component";
import { arg, argSchemasOf, defaultsOf, fieldMapOf, plainArgsOf } from "./core/pulumi/argSpecs";
import { BaseComputeArgs, baseArgSpecs } from "./core/pulumi/baseArgs";
import * as f from "./core/azure/fields";
import { nodeArgSpecs, NodeSettings } from "./nodeSettings";
import { FieldMap, immutablePaths, NOT_REPORTED } from "./core/pulumi/fieldMap";
import { checkIdentity } from "./core/azure/identity";
import { normalizeDuration, DurationInput } from "./core/azure/durations";
import { GALLERY_IMAGE, GALLERY_IMAGE_VERSION, VM_IMAGE } from "./core/azure/resourceIds";
import { choice, count, INT32_MAX, strictObject } from "./core/validation/schema";
import { SameShape, Rule } from "./core/validation/validate";
import { sshSignInRules } from "./core/azure/sshSignIn";
import { clusterSshExposure } from "./core/azure/publicSsh";
import { armLocation, regionSchema } from "./core/azure/workspace";

/** How a cluster's nodes are bought. */
export const VmPriority = {
    /** Nodes are yours until the cluster scales down. */
    Dedicated: "Dedicated",
    /** Cheaper nodes that Azure can pre-empt; jobs must tolerate restarts. */
    LowPriority: "LowPriority",
} as const;
export type VmPriority = (typeof VmPriority)[keyof typeof VmPriority];

/** The nodes' operating system. */
export const OsType = { Linux: "Linux", Windows: "Windows" } as const;
export type OsType = (typeof OsType)[keyof typeof OsType];

/** Whether the nodes' public SSH port is open. */
export const RemoteLoginPortPublicAccess = {
    /** Open on every node. */
    Enabled: "Enabled",
    /** Closed on every node. */
    Disabled: "Disabled",
    /** Azure decides at creation: closed when the cluster is in a virtual network, else open. */
    NotSpecified: "NotSpecified",
} as const;
export type RemoteLoginPortPublicAccess =
    (typeof RemoteLoginPortPublicAccess)[keyof typeof RemoteLoginPortPublicAccess];

/** The administrator account created on every node. */
export interface ClusterAdmin {
    /** The admin user name. */
    readonly username: pulumi.Input<string>;
    /** An OpenSSH `ssh-rsa` public key (the contents of `~/.ssh/id_rsa.pub`): the recommended way in. */
    readonly sshPublicKey?: pulumi.Input<string>;
    /** The admin password; stored as a Pulumi secret. Prefer `sshPublicKey`. */
    readonly password?: pulumi.Input<string>;
}

/** Azure ML takes admin passwords of at most 123 characters, as Azure VMs do. */
const PASSWORD_MAX = 123;
/** Linux user names: a letter or "_" first, then letters, digits, "_", "-" and "."; at most 32 characters. */
const USERNAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;

const adminSchema = strictObject({
    username: z
        .string()
        .min(1)
        .regex(USERNAME, 'must be 1 to 32 letters, digits, "_", "-" or ".", starting with a letter or "_"'),
    sshPublicKey: f.sshRsaPublicKey.optional(),
    password: z.string().min(1).max(PASSWORD_MAX).optional(),
});

/** The settings a cluster shares with an instance; an identity change is made in place. */
const node = nodeArgSpecs({ identityReplaces: false });

/**
 * Every arg of a cluster but its idle time, one statement each: its doc and type (the interface below), its rules,
 * where it lands and whether a change replaces the cluster. In place: scale settings, identity, description and
 * tags; everything else is fixed at creation. @internal
 */
export const COMPUTE_CLUSTER_SETTING_SPECS = {
    ...baseArgSpecs(f.instanceOrClusterName),
    vmType: node.vmType,
    vmSize: node.vmSize,
    /** `Dedicated` or `LowPriority` (cheaper, nodes can be pre-empted). */
    vmPriority: arg<VmPriority>().optional(choice(VmPriority), {
        lands: { "properties.properties.vmPriority": {} },
        replaces: true,
        default: VmPriority.Dedicated,
    }),
    /** Nodes kept running when idle; 0 means no cost while idle (the Studio's advice). */
    minNodes: arg<number>().optional(count(0), {
        lands: { "properties.properties.scaleSettings.minNodeCount": {} },
        replaces: false,
        default: 0,
    }),
    /** The most nodes the cluster scales up to; at least `minNodes`. 0 is allowed (with a warning): such a cluster runs nothing. */
    maxNodes: arg<number>().required(count(0), {
        lands: { "properties.properties.scaleSettings.maxNodeCount": {} },
        replaces: false,
    }),
    subnet: node.subnet,
    identity: node.identity,
    /** The admin account on the nodes: a user name and an SSH public key or a password (or both). */
    admin: arg<ClusterAdmin>().optional(adminSchema, {
        lands: {
            "properties.properties.userAccountCredentials": {
                send: (a) => ({
                    adminUserName: a.username,
                    adminUserSshPublicKey: a.sshPublicKey,
                    adminUserPassword: a.password,
                }),
                back: (c) => ({ username: c.adminUserName, sshPublicKey: NOT_REPORTED, password: NOT_REPORTED }),
            },
        },
        replaces: true,
        // The REST spec marks both x-ms-secret.
        secrets: ["password", "sshPublicKey"],
    }),
    /** Whether the nodes' public SSH port is open: `Enabled`, `Disabled` or `NotSpecified`. */
    remoteLoginPortPublicAccess: arg<RemoteLoginPortPublicAccess>().optional(choice(RemoteLoginPortPublicAccess), {
        lands: { "properties.properties.remoteLoginPortPublicAccess": {} },
        replaces: true,
        default: RemoteLoginPortPublicAccess.NotSpecified,
    }),
    enableNodePublicIp: node.enableNodePublicIp,
    /** Whether the cluster is in an isolated network. */
    isolatedNetwork: arg<boolean>().optional(z.boolean(), {
        lands: { "properties.properties.isolatedNetwork": {} },
        replaces: true,
    }),
    /** `Linux` or `Windows`. */
    osType: arg<OsType>().optional(choice(OsType), {
        lands: { "properties.properties.osType": {} },
        replaces: true,
        default: OsType.Linux,
    }),
    /** A custom VM image: a managed image, or an Azure Compute Gallery image or image version resource id. */
    image: arg<string>().optional(f.resourceId([GALLERY_IMAGE_VERSION, GALLERY_IMAGE, VM_IMAGE], "a VM image"), {
        lands: { "properties.properties.virtualMachineImage": { send: (id) => ({ id }), back: (i) => i.id } },
        replaces: true,
    }),
    disableLocalAuth: node.disableLocalAuth,
    /** The region of the nodes, when not the workspace's (e.g. where a GPU size has quota). */
    location: arg<string>().optional(regionSchema, {
        lands: { "properties.computeLocation": { send: armLocation, back: (l) => l } },
        replaces: true,
    }),
};

// generated from COMPUTE_CLUSTER_SETTING_SPECS by `npm run docs`; do not edit
/**
 * A cluster's settings other than its idle time: shared by the TypeScript args and the component
 * provider's (which types durations as strings for other languages).
 */
export interface ComputeClusterSettings extends BaseComputeArgs, NodeSettings {
    /** `Dedicated` or `LowPriority` (cheaper, nodes can be pre-empted). */
    readonly vmPriority?: pulumi.Input<VmPriority>;
    /** Nodes kept running when idle; 0 means no cost while idle (the Studio's advice). */
    readonly minNodes?: pulumi.Input<number>;
    /** The most nodes the cluster scales up to; at least `minNodes`. 0 is allowed (with a warning): such a cluster runs nothing. */
    readonly maxNodes: pulumi.Input<number>;
    /** The admin account on the nodes: a user name and an SSH public key or a password (or both). */
    readonly admin?: pulumi.Input<ClusterAdmin>;
    /** Whether the nodes' public SSH port is open: `Enabled`, `Disabled` or `NotSpecified`. */
    readonly remoteLoginPortPublicAccess?: pulumi.Input<RemoteLoginPortPublicAccess>;
    /** Whether the cluster is in an isolated network. */
    readonly isolatedNetwork?: pulumi.Input<boolean>;
    /** `Linux` or `Windows`. */
    readonly osType?: pulumi.Input<OsType>;
    /** A custom VM image: a managed image, or an Azure Compute Gallery image or image version resource id. */
    readonly image?: pulumi.Input<string>;
    /** The region of the nodes, when not the workspace's (e.g. where a GPU size has quota). */
    readonly location?: pulumi.Input<string>;
}

/** Every arg of a cluster, one statement each. @internal */
export const COMPUTE_CLUSTER_SPECS = {
    ...COMPUTE_CLUSTER_SETTING_SPECS,
    /** Idle time before a node is released: a number of seconds, or an ISO 8601 duration such as `PT5M`. */
    idleTimeBeforeScaleDown: arg<DurationInput>().optional(f.duration({ min: 0, max: INT32_MAX }), {
        lands: {
            "properties.properties.scaleSettings.nodeIdleTimeBeforeScaleDown": {
                send: normalizeDuration,
                back: (d) => d,
            },
        },
        replaces: false,
        /** 120 seconds, Azure's own default. */
        default: 120,
    }),
};

// generated from COMPUTE_CLUSTER_SPECS by `npm run docs`; do not edit
/** The arguments of a {@link ComputeCluster}. */
export interface ComputeClusterArgs extends ComputeClusterSettings {
    /** Idle time before a node is released: a number of seconds, or an ISO 8601 duration such as `PT5M`. */
    readonly idleTimeBeforeScaleDown?: pulumi.Input<DurationInput>;
}

/** What the cluster gets when an arg is left out. The mapping, the README and the tests read these. */
export const COMPUTE_CLUSTER_DEFAULTS = defaultsOf(COMPUTE_CLUSTER_SPECS);

/** Where each arg lands in the child, how, and whether a change replaces the cluster. */
export const COMPUTE_CLUSTER_FIELDS: FieldMap<ComputeClusterArgs> = fieldMapOf(COMPUTE_CLUSTER_SPECS);

/** The child paths whose change replaces a cluster: its `replaceOnChanges`. */
export const COMPUTE_CLUSTER_IMMUTABLE: readonly string[] = immutablePaths(COMPUTE_CLUSTER_FIELDS);

/** The rules of each arg on its own. */
const argSchemas = strictObject(argSchemasOf(COMPUTE_CLUSTER_SPECS));

// The schema must take exactly what the args interface allows (once Outputs are resolved): this line
// stops compiling when the two drift apart.
const schemaMatchesArgs: SameShape<z.input<typeof argSchemas>, pulumi.Unwrap<ComputeClusterArgs>> = true;
void schemaMatchesArgs;

type Values = z.output<typeof argSchemas>;

/** The admin signs in with an SSH public key, a password, or both. */
const ADMIN_SIGN_IN = sshSignInRules<Values>("admin", { name: "sshPublicKey", article: "an" });

const rules: Rule<Values>[] = [
    {
        code: "vm-size/retired",
        reads: ["vmSize", "adopt"],
        check: ({ vmSize, adopt }, report) => f.checkRetiredVmSize(vmSize, adopt, report),
    },
    {
        code: "compute-cluster/max-nodes-below-min",
        reads: ["minNodes", "maxNodes"],
        check: ({ minNodes = COMPUTE_CLUSTER_DEFAULTS.minNodes, maxNodes }, report) => {
            if (maxNodes < minNodes) report(["maxNodes", "minNodes"], `must be at least minNodes (${minNodes})`);
        },
    },
    {
        code: "vm-size/vm-type-mismatch",
        reads: ["vmSize", "vmType"],
        check: ({ vmSize, vmType }, report) => f.checkVmTypeAgreement(vmSize, vmType, report),
    },
    ADMIN_SIGN_IN.rule,
    { code: "identity/invalid", reads: ["identity"], check: ({ identity }, report) => checkIdentity(identity, report) },
];

const warnings: Rule<Values>[] = [
    {
        code: "vm-size/advisory",
        reads: ["vmSize", "adopt"],
        check: ({ vmSize, adopt }, report) => f.warnAboutVmSize(vmSize, adopt, report),
    },
    {
        code: "compute-cluster/max-nodes-zero",
        reads: ["maxNodes"],
        check: ({ maxNodes }, report) => {
            if (maxNodes === 0)
                report("maxNodes", "is 0, so the cluster can run nothing; set it to 1 or more to run jobs");
        },
    },
    ADMIN_SIGN_IN.warning,
    {
        code: "compute-cluster/public-ssh",
        // In the words of the policy pack's mandatory compute-no-public-ssh, which rejects such a cluster.
        reads: ["remoteLoginPortPublicAccess", "admin", "subnet", "enableNodePublicIp"],
        check: ({ remoteLoginPortPublicAccess, admin, subnet, enableNodePublicIp }, report) => {
            const problem = clusterSshExposure({
                access: remoteLoginPortPublicAccess ?? COMPUTE_CLUSTER_DEFAULTS.remoteLoginPortPublicAccess,
                hasAdmin: admin !== undefined,
                inSubnet: subnet !== undefined,
                publicIp: enableNodePublicIp ?? COMPUTE_CLUSTER_DEFAULTS.enableNodePublicIp,
            });
            if (problem !== undefined)
                report("", `${problem} (the policy pack's compute-no-public-ssh rejects this cluster)`);
        },
    },
    {
        code: "compute-cluster/no-public-ip-without-subnet",
        reads: ["enableNodePublicIp", "subnet"],
        check: ({ enableNodePublicIp, subnet }, report) => {
            if (enableNodePublicIp === false && subnet === undefined) {
                report(
                    "enableNodePublicIp",
                    "is false without a subnet: this works only in a workspace with a managed virtual network; otherwise give a subnet",
                );
            }
        },
    },
];

/** Everything that makes a ComputeCluster a ComputeCluster. @internal (its zod schemas stay out of the public types) */
export const COMPUTE_CLUSTER: ComputeKind<ComputeClusterArgs, typeof argSchemas.shape> = {
    name: "ComputeCluster",
    rules: { schema: argSchemas, rules, warnings },
    fieldMap: COMPUTE_CLUSTER_FIELDS,
    immutable: COMPUTE_CLUSTER_IMMUTABLE,
    plainArgs: plainArgsOf(COMPUTE_CLUSTER_SPECS),
    region: (args) => args.location ?? (args.workspace as { location?: unknown } | undefined)?.location,
    fixed: { "properties.computeType": "AmlCompute" },
};

/**
 * An Azure ML compute cluster: nodes that scale between `minNodes` and `maxNodes` to run training jobs.
 *
 * ```ts
 * const cluster = new ComputeCluster("gpu-train", {
 *     workspace: { workspaceName: "mlw-dev", resourceGroupName: "rg-ml" },
 *     vmType: "GPU", vmSize: "Standard_NC4as_T4_v3", vmPriority: "LowPriority",
 *     maxNodes: 4,
 * });
 * ```
 */
export class ComputeCluster extends ComputeComponent<ComputeClusterArgs> {
    constructor(name: string, args: ComputeClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPUTE_CLUSTER, name, args, opts);
        this.registerOutputs(this.commonOutputs());
    }
}
