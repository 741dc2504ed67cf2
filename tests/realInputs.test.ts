/**
 * Inputs as real programs pass them (issue 11): Outputs that resolve to nothing, stack-file objects with own
 * `__proto__` keys, cycles and deep nesting, hostile sizes, tag names the engine can't diff, the ARM location,
 * the x-ms-secret leaves, and lists Azure treats as sets. Each ends as a valid payload or one clean
 * ComputeValidationError.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ComputeCluster, ComputeValidationError, InferenceCluster } from "../components";
import { MAX_DEPTH } from "../components/core/validation/validate";
import { readStackConfig } from "../components/stack/readConfig";
import { CASES, COMPUTE, IDENTITY_ID, outcomeOf, payloadOf, RSA_2048 } from "./support/kinds";
import { recordRegistrations, unknownOutput, valueOf } from "./support/monitor";
import { SUBSCRIPTION, WORKSPACE } from "./support/fixtures";
import { assertValidComputePayload } from "./support/restDefinitions";

/** The message of the one ComputeValidationError a constructor throws. */
function thrown(construct: () => unknown): ComputeValidationError {
    try {
        construct();
    } catch (e) {
        assert.ok(ComputeValidationError.isInstance(e), `expected a ComputeValidationError, got ${String(e)}`);
        return e;
    }
    assert.fail("expected the constructor to throw");
}

const CLUSTER = { workspace: WORKSPACE, vmSize: "Standard_DS3_v2", maxNodes: 2 };
const ID_2 = IDENTITY_ID.replace("id-train", "id-serve");

describe("inputs as real programs pass them", () => {
    describe("optional inputs given as Outputs that resolve to undefined", () => {
        for (const c of CASES) {
            const optional = Object.keys(c.stackKind.kind.fieldMap).filter(
                (key) => !(key in c.minimal) && key !== "computeName" && !c.stackKind.kind.plainArgs.includes(key),
            );
            it(`${c.title}: each of ${optional.length} optional args as Output(undefined) registers the payload of the arg left out`, async () => {
                const expected = (await payloadOf(c, c.minimal)).inputs;
                assertValidComputePayload(expected, (await payloadOf(c, c.minimal)).secretPaths);
                for (const key of optional) {
                    const got = await payloadOf(c, { ...c.minimal, [key]: pulumi.output(undefined) });
                    assert.deepEqual(got.inputs, expected, `${key}: Output(undefined)`);
                }
            });
            it(`${c.title}: an optional arg as Output(null) fails with one validation error naming it, and registers nothing`, async () => {
                for (const key of optional) {
                    const { computes, errors } = await outcomeOf(c, { ...c.minimal, [key]: pulumi.output(null) });
                    assert.equal(errors.length, 1, `${key}: ${errors.map((e) => e.message).join(" | ")}`);
                    assert.ok(ComputeValidationError.isInstance(errors[0]), `${key}: ${errors[0]!.message}`);
                    assert.match(errors[0]!.message, new RegExp(`has 1 invalid input:\\n  - ${key}: [^\\n]+$`), key);
                    assert.deepEqual(computes, [], key);
                }
            });
        }

        it("an Output subnet that resolves to undefined sends no subnet object (the REST spec requires its id)", async () => {
            const payload = await payloadOf(CASES[0]!, {
                ...CLUSTER,
                subnet: pulumi.output([] as string[]).apply((s) => s[0]),
            });
            assert.equal((payload.inputs as any).properties.properties.subnet, undefined);
        });

        it("an Output subnet that is unknown in preview leaves the whole subnet object unknown", async () => {
            const payload = await payloadOf(
                CASES[0]!,
                { ...CLUSTER, subnet: unknownOutput<string>() },
                { preview: true },
            );
            assert.deepEqual(payload.unknownPaths, ["properties.properties.subnet"]);
        });

        it("an admin given as an Output object keeps its password secret on its leaf", async () => {
            const payload = await payloadOf(CASES[0]!, {
                ...CLUSTER,
                admin: pulumi.output({ username: "azureuser", password: "S3cret!" }),
            });
            assert.deepEqual((payload.inputs as any).properties.properties.userAccountCredentials, {
                adminUserName: "azureuser",
                adminUserPassword: "S3cret!",
            });
            assert.deepEqual(payload.secretPaths, ["properties.properties.userAccountCredentials.adminUserPassword"]);
        });
    });

    it("a computeName given as an Output that resolves to undefined defaults to the resource name", async () => {
        const payload = await payloadOf(CASES[0]!, { ...CLUSTER, computeName: pulumi.output(undefined) });
        assert.equal(payload.inputs.computeName, "target");
    });

    describe("secret Outputs in messages", () => {
        const lateMessage = async (args: unknown) => {
            const { errors } = await outcomeOf(CASES[0]!, args);
            assert.equal(errors.length, 1);
            return errors[0]!.message;
        };

        it("never echoes a secret number", async () => {
            assert.equal(
                await lateMessage({ ...CLUSTER, maxNodes: pulumi.secret(-7) }),
                'ComputeCluster "target" has 1 invalid input:\n  - maxNodes: must be at least 0; got [secret]',
            );
        });

        it("hides a short secret only where it is quoted, so the rest of the message stays readable", async () => {
            const message = await lateMessage({
                ...CLUSTER,
                admin: pulumi.secret({ username: "a", password: ["hunter2"] }),
            });
            assert.equal(
                message,
                'ComputeCluster "target" has 1 invalid input:\n  - admin.password: expected a string, got a list',
            );
        });

        it("never quotes a secret object's keys", async () => {
            const message = await lateMessage({ ...CLUSTER, tags: pulumi.secret({ "s3cr3t<key": "v" }) });
            assert.ok(!message.includes("s3cr3t"), message);
            assert.equal(
                message,
                'ComputeCluster "target" has 1 invalid input:\n  - tags[[secret]]: [secret] is not a tag name Azure takes: tag names can\'t contain <, >, %, &, \\, ? or /',
            );
        });
    });

    describe("own __proto__ keys, as JSON.parse makes them", () => {
        const sixtyTags = JSON.parse(
            `{"__proto__": {${Array.from({ length: 60 }, (_, i) => `"t${i}": "v"`).join(", ")}}, "env": "dev"}`,
        );

        it("refuses a __proto__ tag key instead of sending its contents as 60 tags", async () => {
            const error = thrown(() => new ComputeCluster("cpu-one", { ...CLUSTER, tags: sixtyTags }));
            assert.equal(
                error.message,
                'ComputeCluster "cpu-one" has 1 invalid input:\n  - tags.__proto__: is not allowed as a key: "__proto__" names an object\'s prototype in JavaScript, so it can\'t be checked or sent as a field (remove it)',
            );
        });

        it("refuses __proto__ keys in instance types, node selectors, requests and limits, all at once", () => {
            const instanceTypes = JSON.parse(
                '{"__proto__": {}, "small": {"nodeSelector": {"__proto__": {"a": "b"}}, "resources": {"requests": {"__proto__": {"cpu": "1"}}, "limits": {"__proto__": {}}}}}',
            );
            const error = thrown(() => new InferenceCluster("k8s", { ...CASES[3]!.minimal, instanceTypes } as never));
            assert.deepEqual(
                error.issues.map((i) => i.path),
                [
                    "instanceTypes.__proto__",
                    "instanceTypes.small.nodeSelector.__proto__",
                    "instanceTypes.small.resources.requests.__proto__",
                    "instanceTypes.small.resources.limits.__proto__",
                ],
            );
        });

        it("never sends the contents of a __proto__ key that arrives in an Output's value", async () => {
            // The SDK copies an Output's value as it resolves, and the copy has no "__proto__" key left to refuse.
            const payload = await payloadOf(CASES[0]!, { ...CLUSTER, tags: pulumi.output(sixtyTags) });
            assert.deepEqual(payload.inputs.tags, { env: "dev" });
        });

        it("keeps constructor and prototype as ordinary tag names", async () => {
            const payload = await payloadOf(CASES[0]!, { ...CLUSTER, tags: { constructor: "a", prototype: "b" } });
            assert.deepEqual(payload.inputs.tags, { constructor: "a", prototype: "b" });
        });

        it("sends a copy of the validated tags, never the user's object", async () => {
            const monitor = await recordRegistrations();
            const tags: Record<string, string> = { env: "dev" };
            const cluster = new ComputeCluster("cpu-two", { ...CLUSTER, tags });
            tags.injected = "after the check";
            await valueOf(cluster.compute.urn);
            assert.deepEqual(monitor.only(COMPUTE).inputs.tags, { env: "dev" });
        });

        it("refuses a __proto__ key in a stack file's entry, named by its config key", () => {
            const config = {
                "azureml-compute:workspace": JSON.stringify({ workspaceName: "mlw-dev", resourceGroupName: "rg-ml" }),
                "azureml-compute:computeClusters":
                    '{"cpu": {"vmSize": "Standard_DS3_v2", "maxNodes": 2, "tags": {"__proto__": {"x": "y"}}}}',
            };
            assert.throws(
                () => readStackConfig(config),
                (e: Error) =>
                    ComputeValidationError.isInstance(e) &&
                    e.issues.map((i) => i.path).join() === "azureml-compute:computeClusters.cpu.tags.__proto__",
            );
        });
    });

    describe("cycles and deep nesting", () => {
        it("reports a cycle in TypeScript args as a validation error", () => {
            const tags: Record<string, unknown> = {};
            tags.self = tags;
            const error = thrown(() => new ComputeCluster("cpu-one", { ...CLUSTER, tags: tags as never }));
            assert.deepEqual(
                error.issues.map((i) => `${i.path}: ${i.message}`),
                ["tags.self: refers back to an object that contains it (a cycle): args must be plain data"],
            );
        });

        it("reports ten thousand levels of nesting as one validation error, fast", () => {
            let deep: Record<string, unknown> = {};
            for (let i = 0; i < 10_000; i++) deep = { x: deep };
            const started = Date.now();
            const error = thrown(() => new ComputeCluster("cpu-one", { ...CLUSTER, admin: deep as never }));
            assert.ok(Date.now() - started < 1000);
            assert.equal(
                error.issues[0]!.message,
                `is nested more than ${MAX_DEPTH} levels deep: args must be plain data of a few levels`,
            );
        });

        it("reports deep nesting in a stack value under its config key", () => {
            const deep = `${'{"x":'.repeat(5000)}1${"}".repeat(5000)}`;
            const config = {
                "azureml-compute:workspace": JSON.stringify({ workspaceName: "mlw-dev", resourceGroupName: "rg-ml" }),
                "azureml-compute:computeClusters": `{"cpu": {"vmSize": "Standard_DS3_v2", "maxNodes": 2, "tags": ${deep}}}`,
            };
            assert.throws(
                () => readStackConfig(config),
                (e: Error) =>
                    ComputeValidationError.isInstance(e) &&
                    e.issues.some(
                        (i) =>
                            i.path.startsWith("azureml-compute:computeClusters.cpu.tags.x.x") &&
                            /nested more than/.test(i.message),
                    ),
            );
        });
    });

    describe("hostile sizes", () => {
        it("takes a 200 kB string as args as one issue, fast", () => {
            const started = Date.now();
            const error = thrown(() => new ComputeCluster("cpu-one", "x".repeat(200_000) as never));
            assert.ok(Date.now() - started < 200);
            assert.equal(
                error.message,
                'ComputeCluster "cpu-one" has 1 invalid input:\n  - expected an object of arguments, got a string',
            );
        });

        it("makes no suggestion for a key of a million characters, and cuts it in the message", () => {
            const started = Date.now();
            const error = thrown(
                () => new ComputeCluster("cpu-one", { ...CLUSTER, ["k".repeat(1_000_000)]: 1 } as never),
            );
            assert.ok(Date.now() - started < 500, `${Date.now() - started} ms`);
            assert.ok(error.message.length < 600, `${error.message.length} characters`);
            assert.match(error.message, /unknown field "k{60}…" \(known fields: workspace, /);
        });

        it("lists 20 issues of 5000 and counts the rest", () => {
            const junk = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
            const error = thrown(() => new ComputeCluster("cpu-one", { ...CLUSTER, ...junk } as never));
            assert.equal(error.issues.length, 5000);
            const lines = error.message.split("\n");
            assert.equal(lines.length, 22);
            assert.equal(lines[21], "  - and 4980 more");
        });
    });

    it("keeps the message as written when a newer SDK prefixes it while serializing (@pulumi/pulumi 3.249+)", () => {
        const error = thrown(() => new ComputeCluster("cpu-one", { ...CLUSTER, maxNodes: -1 }));
        const before = error.message;
        error.message = `error serializing property "outputs": ${error.message}`;
        assert.equal(error.message, before);
        assert.match(before, /^ComputeCluster "cpu-one" has 1 invalid input:/);
    });

    it("says what a class instance given where data belongs is", () => {
        const error = thrown(
            () =>
                new ComputeCluster("cpu-one", {
                    ...CLUSTER,
                    tags: new Map([["a", "b"]]) as never,
                    description: new Date(0) as never,
                }),
        );
        assert.deepEqual(
            error.issues.map((i) => `${i.path}: ${i.message}`),
            ["description: expected a string, got a Date object", "tags: expected an object, got a Map object"],
        );
    });

    describe("tag names", () => {
        it("refuses names with [ or ] (azure-native's diff keys) and with characters Azure refuses, saying why", () => {
            const error = thrown(
                () =>
                    new ComputeCluster("cpu-one", {
                        ...CLUSTER,
                        tags: { "env[prod]": "x", "a/b": "y", "ok-name": "z" },
                    }),
            );
            assert.deepEqual(
                error.issues.map((i) => `${i.path}: ${i.message}`),
                [
                    'tags["env[prod]"]: "env[prod]" can\'t be a tag name here: a "[" or "]" in it makes every later pulumi preview and up of the tag fail (azure-native\'s diff keys can\'t hold them)',
                    'tags["a/b"]: "a/b" is not a tag name Azure takes: tag names can\'t contain <, >, %, &, \\, ? or /',
                ],
            );
        });
    });

    describe("the ARM location", () => {
        it("is the workspace's region, in ARM's form, when the reference says it", async () => {
            const payload = await payloadOf(CASES[1]!, {
                ...CASES[1]!.minimal,
                workspace: { ...WORKSPACE, location: "West Europe" },
            });
            assert.equal(payload.inputs.location, "westeurope");
        });

        it("is not sent when the reference has no region (azure-native then takes the resource group's)", async () => {
            const payload = await payloadOf(CASES[1]!, CASES[1]!.minimal);
            assert.equal("location" in payload.inputs, false);
        });

        it("waits for a workspace region given as an Output", async () => {
            const payload = await payloadOf(CASES[0]!, {
                ...CLUSTER,
                workspace: { ...WORKSPACE, location: pulumi.output("northeurope") },
            });
            assert.equal(payload.inputs.location, "northeurope");
        });
    });

    describe("x-ms-secret leaves", () => {
        it("sends a cluster admin's public key as a secret", async () => {
            const payload = await payloadOf(CASES[0]!, {
                ...CLUSTER,
                admin: { username: "azureuser", sshPublicKey: RSA_2048 },
            });
            assert.deepEqual(payload.secretPaths, [
                "properties.properties.userAccountCredentials.adminUserSshPublicKey",
            ]);
            assertValidComputePayload(payload.inputs, payload.secretPaths);
        });

        it("sends an attached VM's public key as a secret", async () => {
            const vm = CASES[4]!;
            const payload = await payloadOf(vm, {
                ...vm.minimal,
                credentials: { username: "azureuser", password: "S3cret!", publicKey: RSA_2048 },
            });
            assert.deepEqual(payload.secretPaths, [
                "properties.properties.administratorAccount.password",
                "properties.properties.administratorAccount.publicKeyData",
            ]);
            assertValidComputePayload(payload.inputs, payload.secretPaths);
        });
    });

    describe("lists Azure treats as sets", () => {
        it("sends identities in one order, however they are listed", async () => {
            const a = await payloadOf(CASES[1]!, {
                ...CASES[1]!.minimal,
                identity: { type: "UserAssigned", userAssignedIdentities: [IDENTITY_ID, ID_2] },
            });
            const b = await payloadOf(CASES[1]!, {
                ...CASES[1]!.minimal,
                identity: { type: "UserAssigned", userAssignedIdentities: [ID_2, pulumi.output(IDENTITY_ID)] },
            });
            assert.deepEqual(a.inputs, b.inputs);
        });

        it("refuses the same identity twice, in any case", () => {
            const error = thrown(
                () =>
                    new ComputeCluster("cpu-one", {
                        ...CLUSTER,
                        identity: {
                            type: "UserAssigned",
                            userAssignedIdentities: [IDENTITY_ID, IDENTITY_ID.toUpperCase()],
                        },
                    }),
            );
            assert.deepEqual(
                error.issues.map((i) => `${i.path}: ${i.message}`),
                [
                    "identity.userAssignedIdentities[1]: is the same identity as userAssignedIdentities[0] (ARM ids compare without case); list each identity once",
                ],
            );
        });

        it("sends schedules and their hours and days in one order, however they are listed", async () => {
            const start = {
                action: "Start" as const,
                recurrence: {
                    frequency: "Week" as const,
                    hours: [18, 8],
                    minutes: [30, 0],
                    weekDays: ["Friday" as const, "Monday" as const],
                },
            };
            const stop = { action: "Stop" as const, cron: "0 19 * * 1-5" };
            const sorted = {
                ...start,
                recurrence: {
                    ...start.recurrence,
                    hours: [8, 18],
                    minutes: [0, 30],
                    weekDays: ["Monday" as const, "Friday" as const],
                },
            };
            const a = await payloadOf(CASES[1]!, { ...CASES[1]!.minimal, schedules: [start, stop] });
            const b = await payloadOf(CASES[1]!, { ...CASES[1]!.minimal, schedules: [stop, sorted] });
            assert.deepEqual(a.inputs, b.inputs);
            assert.deepEqual(
                (a.inputs as any).properties.properties.schedules.computeStartStop.map(
                    (s: { action: string }) => s.action,
                ),
                ["Start", "Stop"],
            );
        });
    });

    it("an instance wired to resources the program creates registers with those values unknown in preview, and nothing else", async () => {
        const payload = await payloadOf(
            CASES[1]!,
            {
                ...CASES[1]!.minimal,
                subnet: unknownOutput<string>(),
                identity: { type: "UserAssigned", userAssignedIdentities: [unknownOutput<string>()] },
                assignedUser: { objectId: unknownOutput<string>(), tenantId: SUBSCRIPTION },
            },
            { preview: true },
        );
        assert.deepEqual([...payload.unknownPaths].sort(), [
            "identity",
            "properties.properties.personalComputeInstanceSettings",
            "properties.properties.subnet",
        ]);
    });
});
