/**
 * fast-check generators for the property tests: valid args of each compute type (any subset of the optional
 * args, each with values the rules accept on their own; cross-field rules are left to the component, and
 * args it refuses are skipped by the test), and ways to hand the same args over as a real program would
 * (leaves and objects as resolved Outputs or Promises, absent args as `Output(undefined)`).
 */
import fc from "fast-check";
import * as pulumi from "@pulumi/pulumi";
import { CASES, Case } from "./kinds";
import { IDENTITY_ID, IMAGE_ID, SUBNET_ID } from "./fixtures";
import { RSA_2048 } from "./sshKeyFixtures";
import { isPlainObject } from "../../components/core/validation/validate";

const ID_2 = IDENTITY_ID.replace("id-train", "id-serve");
const text = fc.string({ minLength: 1, maxLength: 40 });
const tagName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._-]{0,20}$/);
const tags = fc.dictionary(tagName, fc.string({ maxLength: 30 }), { maxKeys: 6 });
const identity = fc.oneof(
    fc.constant({ type: "SystemAssigned" }),
    fc
        .subarray([IDENTITY_ID, ID_2], { minLength: 1 })
        .chain((ids) => fc.shuffledSubarray(ids, { minLength: ids.length }))
        .map((ids) => ({ type: "UserAssigned", userAssignedIdentities: ids })),
);
const base = { description: text, tags };

const cron = fc.record(
    {
        action: fc.constantFrom("Start", "Stop"),
        cron: fc.constantFrom("0 19 * * 1-5", "30 7 * * *"),
        timeZone: fc.constantFrom("UTC", "W. Europe Standard Time"),
    },
    { requiredKeys: ["action", "cron"] },
);
const recurrence = fc.record(
    {
        action: fc.constantFrom("Start", "Stop"),
        recurrence: fc.record(
            {
                frequency: fc.constantFrom("Day", "Week"),
                interval: fc.integer({ min: 1, max: 3 }),
                hours: fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { minLength: 1, maxLength: 3 }),
                minutes: fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { minLength: 1, maxLength: 2 }),
                weekDays: fc.shuffledSubarray(["Monday", "Tuesday", "Friday"], { minLength: 1 }),
            },
            { requiredKeys: ["frequency", "hours", "minutes"] },
        ),
        enabled: fc.boolean(),
        startTime: fc.constant("2026-01-05T08:00:00"),
    },
    { requiredKeys: ["action", "recurrence"] },
);
const script = fc.oneof(
    fc.record({ command: text, timeoutMinutes: fc.integer({ min: 1, max: 30 }) }, { requiredKeys: ["command"] }),
    fc.record({ path: fc.constant("Users/a/setup.sh"), arguments: text }, { requiredKeys: ["path"] }),
);

/** The optional args of each case, each with values valid on their own. */
const OPTIONAL: Record<string, Record<string, fc.Arbitrary<unknown>>> = {
    ComputeCluster: {
        ...base,
        vmType: fc.constant("CPU"),
        vmPriority: fc.constantFrom("Dedicated", "LowPriority"),
        minNodes: fc.integer({ min: 0, max: 2 }),
        idleTimeBeforeScaleDown: fc.oneof(fc.integer({ min: 0, max: 86_400 }), fc.constantFrom("PT5M", "PT1H30M")),
        subnet: fc.constant(SUBNET_ID),
        identity,
        admin: fc.oneof(
            fc.constant({ username: "azureuser", sshPublicKey: RSA_2048 }),
            fc.constant({ username: "azureuser", password: "S3cret-pw!", sshPublicKey: RSA_2048 }),
        ),
        remoteLoginPortPublicAccess: fc.constantFrom("Enabled", "Disabled", "NotSpecified"),
        enableNodePublicIp: fc.boolean(),
        isolatedNetwork: fc.boolean(),
        osType: fc.constantFrom("Linux", "Windows"),
        image: fc.constant(IMAGE_ID),
        disableLocalAuth: fc.boolean(),
        location: fc.constantFrom("westeurope", "East US"),
    },
    ComputeInstance: {
        ...base,
        vmType: fc.constant("CPU"),
        ssh: fc.constant({ publicKey: RSA_2048 }),
        subnet: fc.constant(SUBNET_ID),
        assignedUser: fc.record({ objectId: fc.uuid(), tenantId: fc.uuid() }),
        idleTimeBeforeShutdown: fc.oneof(fc.integer({ min: 900, max: 259_200 }), fc.constant("PT30M")),
        schedules: fc.array(fc.oneof(cron, recurrence), { maxLength: 4 }),
        setupScripts: fc.record({ creation: script, startup: script }, { requiredKeys: [] }),
        enableNodePublicIp: fc.boolean(),
        managedNetwork: fc.boolean(),
        enableSso: fc.boolean(),
        identity,
        applicationSharingPolicy: fc.constantFrom("Personal", "Shared"),
        disableLocalAuth: fc.boolean(),
    },
    "InferenceCluster (new AKS)": {
        ...base,
        vmSize: fc.constantFrom("Standard_D3_v2", "Standard_D4s_v3"),
        nodeCount: fc.integer({ min: 3, max: 6 }),
        clusterPurpose: fc.constantFrom("Production", "DevTest"),
        location: fc.constant("westeurope"),
        network: fc.constant({
            subnetId: SUBNET_ID,
            serviceCidr: "10.0.0.0/16",
            dnsServiceIp: "10.0.0.10",
            dockerBridgeCidr: "172.17.0.1/16",
        }),
        loadBalancer: fc.oneof(
            fc.constant({ type: "PublicIp" }),
            fc.constant({ type: "InternalLoadBalancer", subnet: "default" }),
        ),
        ssl: fc.constant({
            cert: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
            key: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----",
            cname: "ml.contoso.com",
        }),
    },
    "InferenceCluster (Kubernetes)": {
        ...base,
        namespace: fc.constantFrom("default", "ml-serving"),
        instanceTypes: fc.constant({
            small: {
                nodeSelector: { agentpool: "cpu" },
                resources: { requests: { cpu: "500m" }, limits: { cpu: "1", memory: "2Gi" } },
            },
        }),
        defaultInstanceType: fc.constant("small"),
        identity,
    },
    "AttachedCompute (VM)": {
        ...base,
        sshPort: fc.integer({ min: 1, max: 65535 }),
        credentials: fc.constant({ username: "azureuser", password: "S3cret!", publicKey: RSA_2048 }),
    },
    "AttachedCompute (Databricks)": {
        ...base,
        workspaceUrl: fc.constant("https://adb-1234567890123456.7.azuredatabricks.net"),
    },
};

/** Valid-looking args of one case: its minimal args and any subset of its optional ones. */
export function argsOf(c: Case): fc.Arbitrary<Record<string, unknown>> {
    return fc
        .record(OPTIONAL[c.title]!, { requiredKeys: [] })
        .map((optional) => ({ ...c.minimal, ...(FIT[c.title]?.(optional) ?? optional) }));
}

/** Most generated instances would break the cross-field rules: fit them, so that most cases are valid. */
const FIT: Record<string, (args: Record<string, unknown>) => Record<string, unknown>> = {
    ComputeInstance: ({ ssh, ...rest }) => ({
        ...rest,
        ...(rest.assignedUser === undefined && ssh !== undefined ? { ssh } : {}),
        ...(rest.enableNodePublicIp === false && rest.subnet === undefined ? { managedNetwork: true } : {}),
    }),
};

/** The same args as a real program may pass them; `choices` says, node by node, how. */
export function asProgramPasses(
    args: Record<string, unknown>,
    choices: readonly number[],
    optionalKeys: readonly string[],
): Record<string, unknown> {
    let next = 0;
    const pick = () => choices[next++ % choices.length]!;
    const wrap = (value: unknown, depth: number): unknown => {
        const how = pick();
        const inner = Array.isArray(value)
            ? value.map((v) => wrap(v, depth + 1))
            : isPlainObject(value)
              ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrap(v, depth + 1)]))
              : value;
        if (how === 1) return pulumi.output(value);
        if (how === 2) return Promise.resolve(value);
        // An object or list whose own leaves are Outputs, handed over as one Output.
        if (how === 3 && depth > 0) return pulumi.output(inner);
        return inner;
    };
    const wrapped = Object.fromEntries(
        Object.entries(args).map(([k, v]) => [k, k === "computeType" || k === "type" ? v : wrap(v, 0)]),
    );
    for (const key of optionalKeys) if (!(key in wrapped) && pick() === 1) wrapped[key] = pulumi.output(undefined);
    return wrapped;
}

/** Replaces some leaves with values not known yet (what preview hands a component wired to new resources). */
export function withUnknowns(
    args: Record<string, unknown>,
    choices: readonly number[],
    unknown: () => unknown,
    keep: readonly string[],
): { args: Record<string, unknown>; count: number } {
    let next = 0;
    let count = 0;
    const walk = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(walk);
        if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
        if (choices[next++ % choices.length] === 1) {
            count++;
            return unknown();
        }
        return value;
    };
    const result = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, keep.includes(k) ? v : walk(v)]));
    return { args: result, count };
}

/** Args no component accepts: wrong types, huge strings, cycles, prototype keys, deep nesting. */
export function hostileArgsOf(c: Case): fc.Arbitrary<unknown> {
    const keys = Object.keys(OPTIONAL[c.title]!).concat(Object.keys(c.minimal));
    const cyclic = fc.constant(null).map(() => {
        const o: Record<string, unknown> = { a: 1 };
        o.self = o;
        return o;
    });
    const deep = fc.integer({ min: 40, max: 3000 }).map((n) => {
        let d: unknown = "x";
        for (let i = 0; i < n; i++) d = [d];
        return d;
    });
    const proto = fc.constant(null).map(() => JSON.parse('{"__proto__": {"x": "y"}}'));
    const huge = fc.integer({ min: 5000, max: 100_000 }).map((n) => "h".repeat(n));
    const junk = fc.oneof(
        fc.anything({ maxDepth: 3 }),
        cyclic,
        deep,
        proto,
        huge,
        fc.constant(null),
        fc.constant(Number.NaN),
    );
    const bad = fc
        .record({ key: fc.constantFrom(...keys), value: junk })
        .map(({ key, value }) => ({ ...c.minimal, [key]: value }));
    const notArgs = fc.oneof(huge, fc.integer(), fc.constant(null), fc.array(fc.integer()), fc.constant(true));
    const unknownKeys = fc
        .dictionary(fc.string({ minLength: 1, maxLength: 2000 }), junk, { minKeys: 1, maxKeys: 50 })
        .map((extra) => ({
            ...c.minimal,
            ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`zz${k}`, v])),
        }));
    return fc.oneof(bad, notArgs, unknownKeys);
}

export { CASES };
