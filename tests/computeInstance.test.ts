import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import {
    COMPUTE_INSTANCE_FIELDS,
    COMPUTE_INSTANCE_IMMUTABLE,
    ComputeInstance,
    ComputeInstanceArgs,
    ComputeValidationError,
} from "../components";
import { pathsOf, replacesAt } from "../components/core/pulumi/fieldMap";
import { deploymentErrors, settle, unknownOutput, valueOf, warningsDuring } from "./support/monitor";
import { at, declarer, describeInBothModes, validationErrorOf } from "./support/components";
import { IDENTITY_ID, SUBNET_ID, WORKSPACE } from "./support/fixtures";
import { RSA_2048, RSA_1024 } from "./support/sshKeyFixtures";

const COMPUTE = "azure-native:machinelearningservices:Compute";
const COMPONENT = "azureml-compute:index:ComputeInstance";
const MINIMAL: ComputeInstanceArgs = { workspace: WORKSPACE, vmSize: "Standard_DS3_v2" };
const USER = { objectId: "11111111-2222-3333-4444-555555555555", tenantId: "66666666-7777-8888-9999-000000000000" };

const declare = declarer(ComputeInstance, "ci-alice");
const errorOf = validationErrorOf(ComputeInstance, "ci-alice");

/** What Azure reports for a running instance with SSH: the mock adds it to the child's state. */
const RUNNING_STATE = (args: pulumi.runtime.MockResourceArgs) => {
    if (args.type !== COMPUTE) return args.inputs;
    const properties = args.inputs.properties ?? {};
    return {
        ...args.inputs,
        name: args.inputs.computeName,
        properties: {
            ...properties,
            provisioningState: "Succeeded",
            properties: {
                ...(properties.properties ?? {}),
                applications: [
                    { displayName: "Jupyter", endpointUri: "https://ci-alice.westeurope.instances.azureml.ms/tree/" },
                    { displayName: "JupyterLab", endpointUri: "https://ci-alice.westeurope.instances.azureml.ms/lab" },
                    { displayName: "VS Code", endpointUri: "vscode://vscode.azure-ml/?ci=ci-alice" },
                ],
                connectivityEndpoints: { publicIpAddress: "20.1.2.3", privateIpAddress: "10.0.0.4" },
                sshSettings: {
                    ...(properties.properties?.sshSettings ?? {}),
                    adminUserName: "azureuser",
                    sshPort: 50000,
                },
            },
        },
    };
};

describeInBothModes("ComputeInstance", (t) => {
    describe("registrations", () => {
        it("registers one component and one Compute child with the mapped payload", async () => {
            await declare({
                workspace: WORKSPACE,
                vmType: "CPU",
                vmSize: "Standard_DS3_v2",
                subnet: SUBNET_ID,
                assignedUser: USER,
                idleTimeBeforeShutdown: 3600,
                schedules: [
                    { action: "Stop", cron: "0 19 * * 1-5", timeZone: "W. Europe Standard Time" },
                    {
                        action: "Start",
                        recurrence: { frequency: "Week", hours: [8], minutes: [30], weekDays: ["Monday", "Tuesday"] },
                        enabled: false,
                        startTime: "2026-01-05T08:00:00",
                    },
                ],
                setupScripts: {
                    creation: { command: "pip install -U pandas" },
                    startup: { path: "Users/alice/start.sh", arguments: "--fast", timeoutMinutes: 10 },
                },
                enableNodePublicIp: false,
                enableSso: false,
                identity: { type: "UserAssigned", userAssignedIdentities: [IDENTITY_ID] },
                applicationSharingPolicy: "Personal",
                description: "Alice's notebook VM",
                tags: { owner: "alice" },
            });
            assert.deepEqual(
                t.monitor.registrations.map((r) => [r.type, r.name]),
                [
                    [COMPONENT, "ci-alice"],
                    [COMPUTE, "ci-alice"],
                ],
            );
            assert.deepEqual(t.monitor.only(COMPUTE).inputs, {
                workspaceName: "mlw-dev",
                resourceGroupName: "rg-ml",
                computeName: "ci-alice",
                identity: { type: "UserAssigned", userAssignedIdentities: [IDENTITY_ID] },
                tags: { owner: "alice" },
                properties: {
                    computeType: "ComputeInstance",
                    description: "Alice's notebook VM",
                    properties: {
                        vmSize: "Standard_DS3_v2",
                        sshSettings: { sshPublicAccess: "Disabled" },
                        subnet: { id: SUBNET_ID },
                        personalComputeInstanceSettings: { assignedUser: USER },
                        idleTimeBeforeShutdown: "PT1H",
                        schedules: {
                            // In the canonical order (by content), not as listed: a reorder alone is no change.
                            computeStartStop: [
                                {
                                    action: "Start",
                                    status: "Disabled",
                                    triggerType: "Recurrence",
                                    recurrence: {
                                        frequency: "Week",
                                        interval: 1,
                                        timeZone: "UTC",
                                        startTime: "2026-01-05T08:00:00",
                                        schedule: { hours: [8], minutes: [30], weekDays: ["Monday", "Tuesday"] },
                                    },
                                },
                                {
                                    action: "Stop",
                                    status: "Enabled",
                                    triggerType: "Cron",
                                    cron: { expression: "0 19 * * 1-5", timeZone: "W. Europe Standard Time" },
                                },
                            ],
                        },
                        setupScripts: {
                            scripts: {
                                creationScript: {
                                    scriptSource: "inline",
                                    scriptData: Buffer.from("pip install -U pandas").toString("base64"),
                                },
                                startupScript: {
                                    scriptSource: "workspaceStorage",
                                    scriptData: "Users/alice/start.sh",
                                    scriptArguments: "--fast",
                                    timeout: "10m",
                                },
                            },
                        },
                        enableNodePublicIp: false,
                        enableSSO: false,
                        applicationSharingPolicy: "Personal",
                    },
                },
            });
        });

        it("fills the documented defaults, with SSH disabled", async () => {
            await declare(MINIMAL);
            assert.deepEqual(at(t.monitor.only(COMPUTE).inputs, "properties.properties"), {
                vmSize: "Standard_DS3_v2",
                sshSettings: { sshPublicAccess: "Disabled" },
                enableNodePublicIp: true,
                enableSSO: true,
                applicationSharingPolicy: "Shared",
            });
        });

        it("enables SSH with the given key", async () => {
            await declare({ ...MINIMAL, ssh: { publicKey: RSA_2048 } });
            assert.deepEqual(at(t.monitor.only(COMPUTE).inputs, "properties.properties.sshSettings"), {
                sshPublicAccess: "Enabled",
                adminPublicKey: RSA_2048,
            });
        });

        it("gives the child its replacement options and parent", async () => {
            const instance = await declare(MINIMAL);
            const child = t.monitor.only(COMPUTE);
            assert.deepEqual(child.replaceOnChanges, [...COMPUTE_INSTANCE_IMMUTABLE]);
            assert.equal(child.deleteBeforeReplace, true);
            assert.equal(child.parent, await valueOf(instance.urn));
            assert.deepEqual(t.monitor.only(COMPONENT).inputs, {});
        });

        it("passes protect through the parent to the child", async () => {
            await declare(MINIMAL, "ci-alice", { protect: true });
            assert.equal(t.monitor.only(COMPUTE).protect, true);
        });
    });

    describe("endpoints", () => {
        beforeEach(async () => {
            await t.record(RUNNING_STATE);
        });

        it("exposes the applications, JupyterLab and VS Code URLs and the SSH endpoint Azure reports", async () => {
            const instance = await declare({ ...MINIMAL, ssh: { publicKey: RSA_2048 } });
            const endpoints = await valueOf(instance.endpoints);
            assert.equal(endpoints.jupyterLabUrl, "https://ci-alice.westeurope.instances.azureml.ms/lab");
            assert.equal(endpoints.vsCodeUrl, "vscode://vscode.azure-ml/?ci=ci-alice");
            assert.equal(endpoints.applications.length, 3);
            assert.deepEqual(endpoints.ssh, { user: "azureuser", host: "20.1.2.3", port: 50000 });
            // Lifted property access works on the one Output, as users write it.
            assert.equal(
                await valueOf(instance.endpoints.jupyterLabUrl),
                "https://ci-alice.westeurope.instances.azureml.ms/lab",
            );
        });

        it("has no SSH endpoint when SSH is disabled", async () => {
            const instance = await declare(MINIMAL);
            assert.equal((await valueOf(instance.endpoints)).ssh, undefined);
        });
    });

    describe("immutable fields", () => {
        it("replaces on every instance property except description and tags", () => {
            const inPlace = Object.entries(COMPUTE_INSTANCE_FIELDS)
                .filter(([, f]) => !f.replaces && pathsOf(f).length > 0)
                .map(([name]) => name);
            assert.deepEqual(inPlace, ["description", "tags"]);
            assert.deepEqual([...COMPUTE_INSTANCE_IMMUTABLE].sort(), [
                "computeName",
                "identity",
                "location",
                "properties.disableLocalAuth",
                "properties.properties.applicationSharingPolicy",
                "properties.properties.customServices",
                "properties.properties.enableNodePublicIp",
                "properties.properties.enableSSO",
                "properties.properties.idleTimeBeforeShutdown",
                "properties.properties.personalComputeInstanceSettings",
                "properties.properties.schedules",
                "properties.properties.setupScripts",
                "properties.properties.sshSettings",
                "properties.properties.subnet",
                "properties.properties.vmSize",
                "resourceGroupName",
                "workspaceName",
            ]);
        });

        const changes: [string, boolean][] = [
            ["properties.properties.sshSettings.adminPublicKey", true],
            ["properties.properties.schedules.computeStartStop[0].cron.expression", true],
            ["properties.properties.personalComputeInstanceSettings.assignedUser.objectId", true],
            ["properties.properties.setupScripts.scripts.startupScript.scriptData", true],
            ["tags.owner", false],
            ["properties.description", false],
        ];
        for (const [path, replaces] of changes) {
            it(`a change at ${path} ${replaces ? "replaces" : "is in place"}`, () =>
                assert.equal(replacesAt(path, COMPUTE_INSTANCE_IMMUTABLE), replaces));
        }
    });

    describe("rules", () => {
        const schedule = (patch: Record<string, unknown>) => ({
            schedules: [{ action: "Stop", cron: "0 19 * * *", ...patch }],
        });
        const cases: [string, Record<string, unknown>, string[]][] = [
            [
                "SSH for an instance created for another user",
                { ssh: { publicKey: RSA_2048 }, assignedUser: USER },
                [
                    "ssh: can't be set on an instance created for another user (assignedUser): Azure takes no SSH key then; remove one of the two",
                ],
            ],
            [
                "a weak SSH key",
                { ssh: { publicKey: RSA_1024 } },
                ["ssh.publicKey: is a 1024-bit RSA key; Azure needs at least 2048 bits (ssh-keygen -t rsa -b 4096)"],
            ],
            [
                "an assigned user without a tenant",
                { assignedUser: { objectId: USER.objectId } },
                ["assignedUser.tenantId: is required"],
            ],
            [
                "an assigned user id that is not a GUID",
                { assignedUser: { ...USER, objectId: "alice@contoso.com" } },
                ['assignedUser.objectId: must be a GUID such as "00000000-0000-0000-0000-000000000000"'],
            ],
            [
                "an idle shutdown under 15 minutes",
                { idleTimeBeforeShutdown: 600 },
                ["idleTimeBeforeShutdown: 600 (10 minutes) is outside 15 minutes to 3 days"],
            ],
            [
                "an idle shutdown over 3 days",
                { idleTimeBeforeShutdown: "P4D" },
                ['idleTimeBeforeShutdown: "P4D" (4 days) is outside 15 minutes to 3 days'],
            ],
            [
                "no public IP without a subnet",
                { enableNodePublicIp: false },
                [
                    "enableNodePublicIp: is false, so the instance needs a subnet (or managedNetwork: true when the workspace has a managed virtual network)",
                ],
            ],
            [
                "a GPU vmType with a CPU size",
                { vmType: "GPU" },
                ['vmType: Standard_DS3_v2 is a CPU size, but vmType is "GPU"'],
            ],
            [
                "a cron with an hour out of range",
                schedule({ cron: "0 24 * * *" }),
                ['schedules[0].cron: "0 24 * * *": hour 24 is outside 0-23'],
            ],
            [
                "a schedule with cron and recurrence",
                schedule({ recurrence: { frequency: "Day", hours: [8], minutes: [0] } }),
                ["schedules[0]: needs either a cron expression or a recurrence (one of the two)"],
            ],
            [
                "a schedule with neither",
                { schedules: [{ action: "Start" }] },
                ["schedules[0]: needs either a cron expression or a recurrence (one of the two)"],
            ],
            [
                "a recurrence at hour 24 and minute 60",
                { schedules: [{ action: "Start", recurrence: { frequency: "Day", hours: [24], minutes: [60] } }] },
                [
                    "schedules[0].recurrence.hours[0]: must be at most 23; got 24",
                    "schedules[0].recurrence.minutes[0]: must be at most 59; got 60",
                ],
            ],
            [
                "a recurrence without hours",
                { schedules: [{ action: "Start", recurrence: { frequency: "Day", hours: [], minutes: [0] } }] },
                ["schedules[0].recurrence.hours: must have at least 1 item"],
            ],
            [
                "an IANA time zone",
                schedule({ timeZone: "Europe/Berlin" }),
                [
                    'schedules[0].timeZone: "Europe/Berlin" is an IANA time zone; Azure ML schedules take Windows time zone IDs: use "W. Europe Standard Time"',
                ],
            ],
            [
                "a start time with a zone",
                schedule({ startTime: "2026-01-05T08:00:00Z" }),
                ['schedules[0].startTime: must be a local time "yyyy-MM-ddTHH:mm:ss", e.g. "2026-01-05T08:00:00"'],
            ],
            [
                "an unknown action",
                schedule({ action: "Restart" }),
                ['schedules[0].action: "Restart" is not one of "Start", "Stop"'],
            ],
            [
                "five schedules",
                { schedules: Array.from({ length: 5 }, () => ({ action: "Stop", cron: "0 19 * * *" })) },
                ["schedules: has 5 items; at most 4 are allowed"],
            ],
            [
                "a script with path and command",
                { setupScripts: { creation: { path: "Users/a/s.sh", command: "echo" } } },
                [
                    "setupScripts.creation: needs either a path in the workspace's file share or an inline command (one of the two)",
                ],
            ],
            [
                "a misspelled script field",
                { setupScripts: { startup: { comand: "echo" } } },
                ['setupScripts.startup: unknown field "comand" (did you mean "command"?)'],
            ],
            [
                "a location (Azure ignores it for instances)",
                { location: "westeurope" },
                [
                    'unknown field "location": Azure places an instance in its workspace\'s region (and ignores computeLocation for instances)',
                ],
            ],
            [
                "a 25-character name",
                { computeName: "c".repeat(25) },
                [`computeName: "${"c".repeat(25)}" is 25 characters long; compute names must be 3 to 24 characters`],
            ],
        ];
        for (const [title, patch, lines] of cases) {
            it(`rejects ${title}`, async () => {
                const error = errorOf({ ...MINIMAL, ...patch });
                const count = lines.length === 1 ? "1 invalid input" : `${lines.length} invalid inputs`;
                assert.equal(
                    error.message,
                    [`ComputeInstance "ci-alice" has ${count}:`, ...lines.map((l) => `  - ${l}`)].join("\n"),
                );
                await settle();
                assert.equal(t.monitor.registrations.length, 0, "an invalid instance registers nothing");
            });
        }

        it("accepts no public IP without a subnet when the workspace has a managed network", async () => {
            await declare({ ...MINIMAL, enableNodePublicIp: false, managedNetwork: true });
            assert.equal(at(t.monitor.only(COMPUTE).inputs, "properties.properties.enableNodePublicIp"), false);
            assert.equal(at(t.monitor.only(COMPUTE).inputs, "managedNetwork"), undefined);
        });

        it("rejects an instance name used by a cluster in the same region", async () => {
            const { ComputeCluster } = await import("../components");
            new ComputeCluster("shared-name", {
                workspace: { ...WORKSPACE, workspaceName: "mlw-other" },
                vmSize: "Standard_DS3_v2",
                maxNodes: 1,
                location: "westeurope",
            });
            const error = errorOf({ ...MINIMAL, workspace: { ...WORKSPACE, location: "westeurope" } }, "shared-name");
            assert.equal(
                error.issues[0]!.message,
                '"shared-name" is already used by ComputeCluster "shared-name" in region westeurope; compute instance and cluster names must be unique in an Azure region',
            );
        });
    });

    describe("warnings", () => {
        it("warns about a size that retires within a year", async () => {
            t.today("2027-06-01");
            const warnings = await warningsDuring(() => declare(MINIMAL).then(() => undefined));
            assert.deepEqual(warnings, [
                'ComputeInstance "ci-alice": vmSize: Standard_DS3_v2 retires on 2028-05-01; plan a move to a current size such as Standard_D4s_v3 (4 vCPUs)',
            ]);
        });
    });

    describe("Output and unknown inputs", () => {
        it("fails the deployment for an invalid Output and registers no child", async () => {
            const errors = await deploymentErrors(() => {
                new ComputeInstance("ci-alice", { ...MINIMAL, idleTimeBeforeShutdown: pulumi.output(60) });
            });
            assert.deepEqual(
                errors.map((e) => e.message),
                [
                    'ComputeInstance "ci-alice" has 1 invalid input:\n  - idleTimeBeforeShutdown: 60 (1 minute) is outside 15 minutes to 3 days',
                ],
            );
            assert.ok(ComputeValidationError.isInstance(errors[0]));
            assert.deepEqual(t.monitor.ofType(COMPUTE), []);
        });

        it("checks the SSH and assigned-user rule once an Output user resolves", async () => {
            const errors = await deploymentErrors(() => {
                new ComputeInstance("ci-alice", {
                    ...MINIMAL,
                    ssh: { publicKey: RSA_2048 },
                    assignedUser: pulumi.output(USER),
                });
            });
            assert.equal(errors.length, 1);
            assert.match(errors[0]!.message, /ssh: can't be set on an instance created for another user/);
        });

        it("accepts unknown values and registers them unknown", async () => {
            new ComputeInstance("ci-alice", {
                ...MINIMAL,
                subnet: unknownOutput<string>(),
                assignedUser: { objectId: unknownOutput<string>(), tenantId: USER.tenantId },
            });
            await new Promise((r) => setTimeout(r, 50));
            await settle();
            // An object whose value is not known yet is unknown as a whole (it may still resolve to nothing).
            assert.deepEqual([...t.monitor.only(COMPUTE).unknownPaths].sort(), [
                "properties.properties.personalComputeInstanceSettings",
                "properties.properties.subnet",
            ]);
        });

        it("maps schedules given as an Output", async () => {
            await declare({ ...MINIMAL, schedules: pulumi.output([{ action: "Stop" as const, cron: "0 19 * * *" }]) });
            assert.deepEqual(at(t.monitor.only(COMPUTE).inputs, "properties.properties.schedules"), {
                computeStartStop: [
                    {
                        action: "Stop",
                        status: "Enabled",
                        triggerType: "Cron",
                        cron: { expression: "0 19 * * *", timeZone: "UTC" },
                    },
                ],
            });
        });
    });
});
