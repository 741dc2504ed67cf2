/**
 * AttachedCompute: the Studio's "Attached compute" tab: an existing VM, Databricks workspace,
 * Data Lake Analytics account, HDInsight cluster or Synapse Spark pool, attached to a workspace by
 * resource id. The args are a union on `type`, so a Databricks attach with `credentials`, or a VM attach
 * without them, fails to compile; the same rules run at run time for stack config.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { ComputeComponent, ComputeKind } from "./core/pulumi/component";
import { BaseComputeArgs, baseArgSpecs } from "./core/pulumi/baseArgs";
import { arg, argSchemasOf, defaultsOf, fieldMapOf, plainArg, plainArgsOf } from "./core/pulumi/argSpecs";
import * as f from "./core/azure/fields";
import { FieldMap, immutablePaths, NOT_REPORTED, WHOLE } from "./core/pulumi/fieldMap";
import {
    DATA_LAKE_ANALYTICS,
    DATABRICKS_WORKSPACE,
    ExpectedType,
    formatType,
    HDINSIGHT_CLUSTER,
    isOfType,
    parseResourceId,
    SYNAPSE_SPARK_POOL,
    VIRTUAL_MACHINE,
} from "./core/azure/resourceIds";
import { checkedString, choice, strictObject } from "./core/validation/schema";
import { checkIdentity, identityField, identitySchema, ManagedIdentity } from "./core/azure/identity";
import { armLocation, regionSchema } from "./core/azure/workspace";
import { quote } from "./core/validation/suggest";
import { Report, Rule, SameShape } from "./core/validation/validate";
import { sshSignInRules } from "./core/azure/sshSignIn";
import { parseIpv4 } from "./core/azure/network";
import {
    FieldsByType,
    fieldsNotTakenBy,
    TypeFields,
    typeSpecificFields,
    TypeSpecific,
} from "./core/validation/fieldsByType";

/** The kinds of compute that can be attached. */
export const AttachedComputeType = {
    VirtualMachine: "VirtualMachine",
    Databricks: "Databricks",
    DataLakeAnalytics: "DataLakeAnalytics",
    HDInsight: "HDInsight",
    SynapseSpark: "SynapseSpark",
} as const;
export type AttachedComputeType = (typeof AttachedComputeType)[keyof typeof AttachedComputeType];

/** The resource each kind attaches, and how it is named in messages. */
export const ATTACHED_RESOURCE_TYPES: Readonly<
    Record<AttachedComputeType, { readonly kind: ExpectedType; readonly what: string }>
> = {
    VirtualMachine: { kind: VIRTUAL_MACHINE, what: "a virtual machine" },
    Databricks: { kind: DATABRICKS_WORKSPACE, what: "a Databricks workspace" },
    DataLakeAnalytics: { kind: DATA_LAKE_ANALYTICS, what: "a Data Lake Analytics account" },
    HDInsight: { kind: HDINSIGHT_CLUSTER, what: "an HDInsight cluster" },
    SynapseSpark: { kind: SYNAPSE_SPARK_POOL, what: "a Synapse Spark pool" },
};

/** How Azure ML signs in to an attached VM or HDInsight cluster over SSH. */
export interface SshCredentials {
    /** The user name. */
    readonly username: pulumi.Input<string>;
    /** The SSH private key (PEM or OpenSSH text; a Pulumi secret): the recommended way in. */
    readonly privateKey?: pulumi.Input<string>;
    /** The password (a Pulumi secret); a password works, but draws a warning. */
    readonly password?: pulumi.Input<string>;
    /** The matching OpenSSH public key, if you want Azure ML to have it. */
    readonly publicKey?: pulumi.Input<string>;
}

/** Data Lake Analytics was retired: attaching one is allowed (it may still be listed), but warned about. */
export const DATA_LAKE_ANALYTICS_RETIRED = "2024-02-29";

const HOST_NAME =
    /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const PRIVATE_KEY =
    /-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----[\s\S]+-----END ((RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----/;
const PUBLIC_KEY = /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/]+={0,2}( \S.*)?$/;

const address = checkedString(
    (value) =>
        parseIpv4(value) !== undefined || (HOST_NAME.test(value) && !/^[\d.]+$/.test(value))
            ? []
            : [
                  `${quote(value)} is not a host name or IPv4 address, e.g. "dsvm.westeurope.cloudapp.azure.com" or "10.0.0.4"`,
              ],
    1024,
);

// Never echo key or password text: a message only says what shape was expected.
const privateKey = checkedString(
    (value) =>
        PRIVATE_KEY.test(value.trim())
            ? []
            : [
                  `is not a private key: expected PEM or OpenSSH text from "-----BEGIN ... PRIVATE KEY-----" to "-----END ... PRIVATE KEY-----"`,
              ],
    65536,
);
const publicKey = checkedString(
    (value) =>
        PUBLIC_KEY.test(value.trim())
            ? []
            : ['is not an OpenSSH public key such as "ssh-rsa AAAAB3NzaC1yc2E... user@host"'],
    16384,
);

const workspaceUrl = checkedString(
    (value) =>
        /^https:\/\/[A-Za-z0-9.-]+\.azuredatabricks\.net\/?$/.test(value) ||
        /^[A-Za-z0-9.-]+\.azuredatabricks\.net$/.test(value)
            ? []
            : [
                  `${quote(value)} is not a Databricks workspace URL such as "https://adb-1234567890123456.7.azuredatabricks.net"`,
              ],
    1024,
);

const credentialsSchema = strictObject({
    username: z
        .string()
        .min(1)
        .max(64)
        .regex(
            /^[A-Za-z_][A-Za-z0-9_.-]*$/,
            'must be a user name: letters, digits, "_", "-" and ".", starting with a letter or "_"',
        ),
    privateKey: privateKey.optional(),
    password: z.string().min(1).max(256).optional(),
    publicKey: publicKey.optional(),
});

/**
 * Where each arg lands, and what a change does. Re-attaching is the only way to change an attachment
 * (Azure rejects a second attach to the same name), so what it attaches and how it signs in replace.
 * Description and tags are sent as an in-place update: if Azure refuses it, the update fails and nothing
 * is detached, which is safer than a replacement whose DELETE may touch the attached resource.
 * Each arg once: its doc and type (the interface below), its rules, where it lands and what a change does.
 * @internal
 */
export const ATTACHED_COMPUTE_SPECS = {
    ...baseArgSpecs(f.inferenceOrAttachedName),
    /** The kind of compute: `VirtualMachine`, `Databricks`, `DataLakeAnalytics`, `HDInsight` or `SynapseSpark`; a plain value. */
    type: plainArg<AttachedComputeType>().required(choice(AttachedComputeType), {
        lands: { "properties.computeType": {} },
        replaces: true,
    }),
    /** The ARM id of the resource to attach; its type must match `type`. */
    resourceId: arg<string>().required(f.resourceId([], "a resource"), {
        lands: { "properties.resourceId": {} },
        replaces: true,
    }),
    /** VirtualMachine, HDInsight: the host name or IP address Azure ML connects to. */
    address: arg<string>().optional(address, { lands: { "properties.properties.address": {} }, replaces: true }),
    /** VirtualMachine, HDInsight: the SSH port, 1-65535. */
    sshPort: arg<number>().optional(z.number().int().min(1).max(65535), {
        lands: { "properties.properties.sshPort": {} },
        replaces: true,
        default: 22,
    }),
    /** VirtualMachine, HDInsight: the SSH sign-in. */
    credentials: arg<SshCredentials>().optional(credentialsSchema, {
        lands: {
            "properties.properties.administratorAccount": {
                send: (c) => ({
                    username: c.username,
                    privateKeyData: c.privateKey,
                    password: c.password,
                    publicKeyData: c.publicKey,
                }),
                back: (c) => ({
                    username: c.username,
                    privateKey: NOT_REPORTED,
                    password: NOT_REPORTED,
                    publicKey: NOT_REPORTED,
                }),
            },
        },
        replaces: true,
        // The REST spec marks all three x-ms-secret.
        secrets: ["privateKey", "password", "publicKey"],
    }),
    /** Databricks: an access token (a Pulumi secret). */
    accessToken: arg<string>().optional(z.string().min(1).max(4096), {
        lands: { "properties.properties.databricksAccessToken": { back: () => NOT_REPORTED } },
        replaces: true,
        secrets: [WHOLE],
    }),
    /** Databricks: the workspace URL, e.g. `https://adb-1234567890123456.7.azuredatabricks.net`. */
    workspaceUrl: arg<string>().optional(workspaceUrl, {
        lands: { "properties.properties.workspaceUrl": {} },
        replaces: true,
    }),
    /** DataLakeAnalytics: the Data Lake Store account name. */
    dataLakeStoreAccountName: arg<string>().optional(
        z
            .string()
            .regex(/^[a-z0-9]{3,24}$/, "must be a Data Lake Store account name: 3 to 24 lower-case letters and digits"),
        { lands: { "properties.properties.dataLakeStoreAccountName": {} }, replaces: true },
    ),
    /** SynapseSpark: the attachment's managed identity (Azure ML's Synapse attach shows system- or user-assigned). */
    // Terraform's Synapse Spark resource replaces the attachment for a change of either.
    identity: arg<ManagedIdentity>().optional(identitySchema, identityField(true)),
    /** SynapseSpark: turns off local (key-based) authentication, leaving Microsoft Entra ID only. */
    disableLocalAuth: arg<boolean>().optional(z.boolean(), {
        lands: { "properties.disableLocalAuth": {} },
        replaces: true,
    }),
    /** SynapseSpark: the region of the Spark pool, when not the workspace's. */
    location: arg<string>().optional(regionSchema, {
        lands: { "properties.computeLocation": { send: armLocation, back: (l) => l } },
        replaces: true,
    }),
};

// generated from ATTACHED_COMPUTE_SPECS by `npm run docs`; do not edit
/** Every attach kind's args, as one interface: what the schema checks (stack config can hold any mix). */
export interface AttachedComputeFields extends BaseComputeArgs {
    /** The kind of compute: `VirtualMachine`, `Databricks`, `DataLakeAnalytics`, `HDInsight` or `SynapseSpark`; a plain value. */
    readonly type: AttachedComputeType;
    /** The ARM id of the resource to attach; its type must match `type`. */
    readonly resourceId: pulumi.Input<string>;
    /** VirtualMachine, HDInsight: the host name or IP address Azure ML connects to. */
    readonly address?: pulumi.Input<string>;
    /** VirtualMachine, HDInsight: the SSH port, 1-65535. */
    readonly sshPort?: pulumi.Input<number>;
    /** VirtualMachine, HDInsight: the SSH sign-in. */
    readonly credentials?: pulumi.Input<SshCredentials>;
    /** Databricks: an access token (a Pulumi secret). */
    readonly accessToken?: pulumi.Input<string>;
    /** Databricks: the workspace URL, e.g. `https://adb-1234567890123456.7.azuredatabricks.net`. */
    readonly workspaceUrl?: pulumi.Input<string>;
    /** DataLakeAnalytics: the Data Lake Store account name. */
    readonly dataLakeStoreAccountName?: pulumi.Input<string>;
    /** SynapseSpark: the attachment's managed identity (Azure ML's Synapse attach shows system- or user-assigned). */
    readonly identity?: pulumi.Input<ManagedIdentity>;
    /** SynapseSpark: turns off local (key-based) authentication, leaving Microsoft Entra ID only. */
    readonly disableLocalAuth?: pulumi.Input<boolean>;
    /** SynapseSpark: the region of the Spark pool, when not the workspace's. */
    readonly location?: pulumi.Input<string>;
}

export const ATTACHED_COMPUTE_DEFAULTS = defaultsOf(ATTACHED_COMPUTE_SPECS);

/** Where each arg lands, and what a change does (see the table). */
export const ATTACHED_COMPUTE_FIELDS: FieldMap<AttachedComputeFields> = fieldMapOf(ATTACHED_COMPUTE_SPECS);

/** The child paths whose change replaces (re-attaches) an attached compute: its `replaceOnChanges`. */
export const ATTACHED_COMPUTE_IMMUTABLE: readonly string[] = immutablePaths(ATTACHED_COMPUTE_FIELDS);

/** Which args each type takes (required ones first): the rules, the args the mapping leaves out, and the README. */
export const ATTACHED_FIELDS_BY_TYPE = {
    VirtualMachine: { required: ["address", "credentials"], optional: ["sshPort"] },
    HDInsight: { required: ["address", "credentials"], optional: ["sshPort"] },
    Databricks: { required: ["accessToken"], optional: ["workspaceUrl"] },
    DataLakeAnalytics: { required: ["dataLakeStoreAccountName"], optional: [] },
    SynapseSpark: { required: [], optional: ["identity", "disableLocalAuth", "location"] },
} as const satisfies FieldsByType<AttachedComputeType, keyof AttachedComputeFields & string>;

/** The args that only some types take, in field map order. */
const TYPE_SPECIFIC = typeSpecificFields(ATTACHED_FIELDS_BY_TYPE, Object.keys(ATTACHED_COMPUTE_FIELDS));

type ByType = typeof ATTACHED_FIELDS_BY_TYPE;
type Common = Omit<AttachedComputeFields, TypeSpecific<ByType> | "type">;
/** The args a type takes, of those types differ on: its required ones required, its optional ones optional. */
type TakenBy<T extends keyof ByType> = Pick<AttachedComputeFields, ByType[T]["optional"][number]> &
    Required<Pick<AttachedComputeFields, ByType[T]["required"][number]>>;

/** Attach a VM (e.g. a Data Science VM) or an HDInsight cluster: address and SSH credentials. */
export interface AttachedSshComputeArgs extends Common, TakenBy<"VirtualMachine"> {
    readonly type: "VirtualMachine" | "HDInsight";
}

/** Attach a Databricks workspace: an access token. */
export interface AttachedDatabricksArgs extends Common, TakenBy<"Databricks"> {
    readonly type: "Databricks";
}

/** Attach a Data Lake Analytics account (the service was retired on 2024-02-29). */
export interface AttachedDataLakeAnalyticsArgs extends Common, TakenBy<"DataLakeAnalytics"> {
    readonly type: "DataLakeAnalytics";
}

/** Attach a Synapse Spark pool. */
export interface AttachedSynapseSparkArgs extends Common, TakenBy<"SynapseSpark"> {
    readonly type: "SynapseSpark";
}

/** The arguments of an {@link AttachedCompute}: one shape per `type`. */
export type AttachedComputeArgs =
    AttachedSshComputeArgs | AttachedDatabricksArgs | AttachedDataLakeAnalyticsArgs | AttachedSynapseSparkArgs;

/** The rules of each arg on its own. */
const argSchemas = strictObject(argSchemasOf(ATTACHED_COMPUTE_SPECS));

// Stops compiling when the schema and the args interface drift apart.
const schemaMatchesArgs: SameShape<z.input<typeof argSchemas>, pulumi.Unwrap<AttachedComputeFields>> = true;
void schemaMatchesArgs;

type Values = z.output<typeof argSchemas>;

/** A VM or HDInsight attach signs in with an SSH private key, a password, or both. */
const CREDENTIALS_SIGN_IN = sshSignInRules<Values>("credentials", { name: "privateKey", article: "a" });

/** Each type needs its own fields and takes no other type's. */
function checkFieldsForType(values: Values, report: Report): void {
    const own: TypeFields<string> = ATTACHED_FIELDS_BY_TYPE[values.type];
    for (const name of own.required) {
        if (values[name as keyof Values] === undefined)
            report(
                [name, "type"],
                `is required to attach ${ATTACHED_RESOURCE_TYPES[values.type].what} (type "${values.type}")`,
            );
    }
    for (const name of fieldsNotTakenBy(ATTACHED_FIELDS_BY_TYPE, values.type, TYPE_SPECIFIC)) {
        if (values[name] !== undefined) {
            const takes = [...own.required, ...own.optional];
            report(
                [name, "type"],
                `does not apply to type "${values.type}"${takes.length > 0 ? `, which takes ${takes.join(", ")}` : ""}`,
            );
        }
    }
}

/** The resource id must name the kind of resource `type` attaches. */
function checkResourceKind(values: Values, report: Report): void {
    const id = parseResourceId(values.resourceId);
    const expected = ATTACHED_RESOURCE_TYPES[values.type];
    if (id !== undefined && !isOfType(id, expected.kind)) {
        report(
            ["resourceId", "type"],
            `${quote(values.resourceId)} is a ${formatType(id)} id; type "${values.type}" attaches ${expected.what} (${formatType(expected.kind)}), e.g. ${expected.kind.example}`,
        );
    }
}

const rules: Rule<Values>[] = [
    { code: "attached-compute/field-for-other-type", reads: ["type", ...TYPE_SPECIFIC], check: checkFieldsForType },
    { code: "attached-compute/resource-kind-mismatch", reads: ["type", "resourceId"], check: checkResourceKind },
    { code: "identity/invalid", reads: ["identity"], check: ({ identity }, report) => checkIdentity(identity, report) },
    CREDENTIALS_SIGN_IN.rule,
];

const warnings: Rule<Values>[] = [
    CREDENTIALS_SIGN_IN.warning,
    {
        code: "attached-compute/data-lake-analytics-retired",
        reads: ["type"],
        check: ({ type }, report) => {
            if (type === AttachedComputeType.DataLakeAnalytics) {
                report(
                    "type",
                    `Azure Data Lake Analytics was retired on ${DATA_LAKE_ANALYTICS_RETIRED}: the attachment can't run jobs; move the workload to Synapse or Databricks`,
                );
            }
        },
    },
];

/** Everything that makes an AttachedCompute an AttachedCompute. @internal (its zod schemas stay out of the public types) */
export const ATTACHED_COMPUTE: ComputeKind<AttachedComputeFields, typeof argSchemas.shape> = {
    name: "AttachedCompute",
    rules: { schema: argSchemas, rules, warnings },
    fieldMap: ATTACHED_COMPUTE_FIELDS,
    immutable: ATTACHED_COMPUTE_IMMUTABLE,
    plainArgs: plainArgsOf(ATTACHED_COMPUTE_SPECS),
    typeField: "type",
    // An unknown type takes every field: it is refused by the type's own schema, not by missing fields.
    inapplicable: (computeType) =>
        Object.prototype.hasOwnProperty.call(ATTACHED_FIELDS_BY_TYPE, computeType)
            ? fieldsNotTakenBy(ATTACHED_FIELDS_BY_TYPE, computeType, TYPE_SPECIFIC)
            : [],
};

/**
 * An existing resource attached to the workspace as compute. Removing it from the program sends
 * azure-native's DELETE, which carries no Detach/Delete choice: pass `{ retainOnDelete: true }` (or
 * `protect: true`) when the attached resource must stay untouched.
 */
export class AttachedCompute extends ComputeComponent<AttachedComputeFields> {
    constructor(name: string, args: AttachedComputeArgs, opts?: pulumi.ComponentResourceOptions) {
        super(ATTACHED_COMPUTE, name, args, opts);
        this.registerOutputs(this.commonOutputs());
    }
}
