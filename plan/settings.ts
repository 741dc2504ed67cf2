/**
 * The plan's "settings" column: the few settings of each compute worth a glance. Each row names the component
 * args it shows, and the value is read where that arg's field map entry says it lands, so the plan never spells
 * a child path of its own (a field that moves in its field map moves here too).
 */
import { ATTACHED_COMPUTE } from "../components/attachedCompute";
import { COMPUTE_CLUSTER } from "../components/computeCluster";
import { COMPUTE_INSTANCE } from "../components/computeInstance";
import type { z } from "zod";
import { AnyComputeKind, BaseComputeArgs, ComputeKind } from "../components/core/pulumi/component";
import { AnyFieldMap, FieldTarget, pathsOf } from "../components/core/pulumi/fieldMap";
import { INFERENCE_CLUSTER } from "../components/inferenceCluster";

type Tree = Record<string, unknown>;

/** The value at a dotted path of a tree, or undefined. */
export function at(tree: unknown, path: string): unknown {
    return path
        .split(".")
        .reduce<unknown>((o, k) => (typeof o === "object" && o !== null ? (o as Tree)[k] : undefined), tree);
}

/** One row: its label, the args it shows (their landed values, in order), and how to show them. */
interface Row<Args> extends ShownRow {
    readonly args: readonly (keyof Args & string)[];
}

/** A row as the table reads it. */
interface ShownRow {
    readonly label: string;
    readonly args: readonly string[];
    /** Absent: the first arg's landed value as it is. */
    readonly show?: (...landed: unknown[]) => unknown;
}

/** A kind's rows. */
interface Settings {
    readonly kind: AnyComputeKind;
    readonly rows: readonly ShownRow[];
}

/** A kind's rows, each checked against the kind's args at compile time. */
function settings<Args extends BaseComputeArgs, S extends z.ZodRawShape>(
    kind: ComputeKind<Args, S>,
    rows: readonly Row<Args>[],
): Settings {
    return { kind, rows };
}

/** `.../virtualNetworks/vnet-ml/subnets/training` -> `vnet-ml/training`. */
function shortSubnet(id: unknown): unknown {
    const match = typeof id === "string" ? /virtualNetworks\/([^/]+)\/subnets\/([^/]+)$/i.exec(id) : null;
    return match ? `${match[1]}/${match[2]}` : id;
}

/** `.../managedClusters/aks-prod` -> `managedClusters/aks-prod`: the kind and name of a resource id. */
export function shortId(id: unknown): string | undefined {
    if (typeof id !== "string") return undefined;
    const parts = id.split("/");
    return parts.length >= 2 ? parts.slice(-2).join("/") : id;
}

/** `admin, ssh key, password [secret]`: who signs in and how (secret values are already hidden by then). */
function signIn(
    account: unknown,
    user: string,
    methods: Readonly<Record<string, (value: unknown) => string>>,
): string | undefined {
    if (typeof account !== "object" || account === null) return undefined;
    const a = account as Tree;
    const used = Object.entries(methods).flatMap(([key, describe]) => (a[key] === undefined ? [] : [describe(a[key])]));
    return [a[user], ...used].filter((p) => p !== undefined).join(", ");
}

const withValue = (label: string) => (value: unknown) => `${label} ${String(value)}`;

const identityType = (identity: unknown) => at(identity, "type");
const subnet = (s: unknown) => shortSubnet(at(s, "id"));

const ATTACHED = settings(ATTACHED_COMPUTE, [
    { label: "resource", args: ["resourceId"], show: shortId },
    { label: "address", args: ["address"] },
    { label: "sshPort", args: ["sshPort"] },
    {
        label: "account",
        args: ["credentials"],
        show: (a) =>
            signIn(a, "username", { privateKeyData: withValue("private key"), password: withValue("password") }),
    },
    { label: "token", args: ["accessToken"] },
    { label: "url", args: ["workspaceUrl"] },
    { label: "store", args: ["dataLakeStoreAccountName"] },
]);

/** The rows of each compute type, in display order. */
const SETTINGS: Readonly<Record<string, Settings>> = {
    AmlCompute: settings(COMPUTE_CLUSTER, [
        { label: "size", args: ["vmSize"] },
        { label: "priority", args: ["vmPriority"] },
        { label: "nodes", args: ["minNodes", "maxNodes"], show: (min, max) => `${String(min)}-${String(max)}` },
        { label: "idle", args: ["idleTimeBeforeScaleDown"] },
        { label: "os", args: ["osType"] },
        { label: "subnet", args: ["subnet"], show: subnet },
        { label: "publicIp", args: ["enableNodePublicIp"] },
        { label: "ssh", args: ["remoteLoginPortPublicAccess"] },
        {
            label: "admin",
            args: ["admin"],
            show: (a) =>
                signIn(a, "adminUserName", {
                    adminUserSshPublicKey: () => "ssh key",
                    adminUserPassword: withValue("password"),
                }),
        },
        { label: "identity", args: ["identity"], show: identityType },
        { label: "location", args: ["location"] },
    ]),
    ComputeInstance: settings(COMPUTE_INSTANCE, [
        { label: "size", args: ["vmSize"] },
        { label: "ssh", args: ["ssh"], show: (ssh) => at(ssh, "sshPublicAccess") },
        { label: "user", args: ["assignedUser"], show: (u) => at(u, "assignedUser.objectId") },
        { label: "idleShutdown", args: ["idleTimeBeforeShutdown"] },
        {
            label: "schedules",
            args: ["schedules"],
            show: (s) => {
                const list = at(s, "computeStartStop");
                return Array.isArray(list) ? String(list.length) : list;
            },
        },
        { label: "subnet", args: ["subnet"], show: subnet },
        { label: "publicIp", args: ["enableNodePublicIp"] },
        { label: "sharing", args: ["applicationSharingPolicy"] },
        { label: "identity", args: ["identity"], show: identityType },
    ]),
    AKS: settings(INFERENCE_CLUSTER, [
        { label: "cluster", args: ["clusterResourceId"], show: (id) => shortId(id) ?? "new" },
        { label: "size", args: ["vmSize"] },
        { label: "nodes", args: ["nodeCount"] },
        { label: "purpose", args: ["clusterPurpose"] },
        { label: "ssl", args: ["ssl"], show: (ssl) => at(ssl, "status") },
        { label: "loadBalancer", args: ["loadBalancer"] },
        { label: "subnet", args: ["network"], show: (n) => shortSubnet(at(n, "subnetId")) },
        { label: "location", args: ["location"] },
    ]),
    Kubernetes: settings(INFERENCE_CLUSTER, [
        { label: "cluster", args: ["clusterResourceId"], show: shortId },
        { label: "namespace", args: ["namespace"] },
        {
            label: "instanceTypes",
            args: ["instanceTypes"],
            show: (t) => (typeof t === "object" && t !== null ? Object.keys(t).join(",") : t),
        },
        { label: "default", args: ["defaultInstanceType"] },
        { label: "identity", args: ["identity"], show: identityType },
    ]),
    VirtualMachine: ATTACHED,
    HDInsight: ATTACHED,
    Databricks: ATTACHED,
    DataLakeAnalytics: ATTACHED,
    SynapseSpark: ATTACHED,
};

/** Where an arg lands first in the child (`loadBalancer` lands at its type, then its subnet). */
function landingOf(fields: AnyFieldMap, arg: string): string {
    const target: FieldTarget | undefined = fields[arg];
    const path = target && pathsOf(target)[0];
    if (path === undefined) throw new Error(`the plan shows ${arg}, which lands nowhere in the child`);
    return path;
}

/** The settings of a registered compute, as short text, in display order; unset ones left out. */
export function settingsOf(computeType: string, inputs: unknown): Record<string, string> {
    // Own keys only: a Compute declared without a component may carry any computeType ("constructor", say).
    const table = Object.prototype.hasOwnProperty.call(SETTINGS, computeType) ? SETTINGS[computeType] : undefined;
    if (!table) return {};
    const shown: Record<string, string> = {};
    for (const row of table.rows) {
        const landed = row.args.map((arg) => at(inputs, landingOf(table.kind.fieldMap, arg)));
        const value = row.show ? row.show(...landed) : landed[0];
        if (value !== undefined) shown[row.label] = String(value);
    }
    return shown;
}

/** Every compute type the table shows, with the args of each row: for the test that every row reads a landing. */
export function settingRows(): readonly { computeType: string; kind: string; args: readonly string[] }[] {
    return Object.entries(SETTINGS).flatMap(([computeType, s]) =>
        s.rows.map((r) => ({ computeType, kind: s.kind.name, args: r.args })),
    );
}
