import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ComputeValidationError } from "../../components";
import { readStackConfig } from "../../components/stack/readConfig";
import { declareStack } from "../../components/stack/declareStack";
import { secretStandIn } from "../../components/core/validation/validate";

const STAND_IN = secretStandIn();
import { recordRegistrations, settle, valueOf } from "../support/monitor";
import { ED25519 } from "../support/sshKeyFixtures";

const WORKSPACE = JSON.stringify({ workspaceName: "mlw-dev", resourceGroupName: "rg-ml" });
const config = (clusters: unknown, extra: Record<string, string> = {}) => ({
    "azureml-compute:workspace": WORKSPACE,
    "azureml-compute:computeClusters": JSON.stringify(clusters),
    ...extra,
});

function issuesOf(values: Record<string, string>): string[] {
    try {
        readStackConfig(values);
    } catch (e) {
        assert.ok(ComputeValidationError.isInstance(e), String(e));
        return e.issues.map((i) => `${i.path}: ${i.message}`);
    }
    assert.fail("expected the config to be rejected");
}

describe("stack config", () => {
    it("reads each entry with the stack's workspace and its key as the compute name", () => {
        const entries = readStackConfig(
            config(
                { "gpu-train": { vmSize: "Standard_NC4as_T4_v3", maxNodes: 2 } },
                { "azure-native:location": "westeurope" },
            ),
        );
        assert.equal(entries.length, 1);
        assert.equal(entries[0]!.name, "gpu-train");
        assert.equal(entries[0]!.kind.key, "computeClusters");
        assert.deepEqual(entries[0]!.args, {
            vmSize: "Standard_NC4as_T4_v3",
            maxNodes: 2,
            workspace: { workspaceName: "mlw-dev", resourceGroupName: "rg-ml" },
            computeName: "gpu-train",
        });
    });

    it("makes an access token a Pulumi secret as it is read", async () => {
        const [entry] = readStackConfig({
            "azureml-compute:workspace": WORKSPACE,
            "azureml-compute:attachedComputes": JSON.stringify({
                dbx: {
                    type: "Databricks",
                    resourceId:
                        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/dbx",
                    accessToken: "dapi-token",
                },
            }),
        });
        assert.equal(await pulumi.isSecret(entry!.args.accessToken as pulumi.Output<string>), true);
        assert.equal(entry!.args.type, "Databricks");
    });

    it("makes a password a Pulumi secret as it is read, and nothing else", async () => {
        const [entry] = readStackConfig(
            config({
                gpu: {
                    vmSize: "Standard_DS3_v2",
                    maxNodes: 1,
                    admin: { username: "azureuser", password: "S3cret-config-pw" },
                },
            }),
        );
        const admin = entry!.args.admin as { username: unknown; password: pulumi.Output<string> };
        assert.equal(admin.username, "azureuser");
        assert.ok(pulumi.Output.isInstance(admin.password));
        assert.equal(await pulumi.isSecret(admin.password), true);
    });

    it("reads no compute from a stack without any", () => {
        assert.deepEqual(readStackConfig({ "azureml-compute:workspace": WORKSPACE }), []);
        assert.deepEqual(readStackConfig({}), []);
    });

    it("reads compute instances next to clusters", () => {
        const entries = readStackConfig({
            ...config({ "cpu-dev": { vmSize: "Standard_DS3_v2", maxNodes: 1 } }),
            "azureml-compute:computeInstances": JSON.stringify({
                "ci-alice": { vmSize: "Standard_DS3_v2", idleTimeBeforeShutdown: "PT30M" },
            }),
        });
        assert.deepEqual(
            entries.map((e) => [e.kind.key, e.name]),
            [
                ["computeClusters", "cpu-dev"],
                ["computeInstances", "ci-alice"],
            ],
        );
    });

    const invalid: [string, Record<string, string>, string[]][] = [
        [
            "a cluster whose maxNodes is below minNodes",
            config({ "gpu-train": { vmSize: "Standard_DS3_v2", minNodes: 4, maxNodes: 2 } }),
            ["azureml-compute:computeClusters.gpu-train.maxNodes: must be at least minNodes (4)"],
        ],
        [
            "a misspelled namespace key",
            { "azureml-compute:workspace": WORKSPACE, "azureml-compute:computeCluster": "{}" },
            ['azureml-compute:computeCluster: unknown config key "computeCluster" (did you mean "computeClusters"?)'],
        ],
        [
            "a misspelled field in an entry",
            config({ cpu: { vmSize: "Standard_DS3_v2", vmPriorty: "LowPriority", maxNodes: 1 } }),
            ['azureml-compute:computeClusters.cpu: unknown field "vmPriorty" (did you mean "vmPriority"?)'],
        ],
        [
            "a key that is not a valid compute name",
            config({ "cluster-1": { vmSize: "Standard_DS3_v2", maxNodes: 1 } }),
            [
                'azureml-compute:computeClusters.cluster-1: "cluster-1": a "-" must be followed by at least one letter later in the name',
            ],
        ],
        [
            "a nested problem",
            config({
                cpu: {
                    vmSize: "Standard_DS3_v2",
                    maxNodes: 1,
                    admin: { username: "azureuser", sshPublicKey: ED25519 },
                },
            }),
            [
                'azureml-compute:computeClusters.cpu.admin.sshPublicKey: is an ssh-ed25519 key; Azure ML compute takes ssh-rsa keys only, e.g. "ssh-rsa AAAAB3NzaC1yc2E... user@host" (the contents of ~/.ssh/id_rsa.pub)',
            ],
        ],
        [
            "a workspace or computeName inside an entry",
            config({
                cpu: {
                    vmSize: "Standard_DS3_v2",
                    maxNodes: 1,
                    workspace: { workspaceName: "x", resourceGroupName: "y" },
                    computeName: "other",
                },
            }),
            [
                "azureml-compute:computeClusters.cpu.workspace: is not allowed here: the workspace is set once, at azureml-compute:workspace",
                "azureml-compute:computeClusters.cpu.computeName: is not allowed here: the entry's key is the compute name",
            ],
        ],
        [
            "clusters without a workspace",
            { "azureml-compute:computeClusters": JSON.stringify({ cpu: { vmSize: "Standard_DS3_v2", maxNodes: 1 } }) },
            [
                "azureml-compute:workspace: is required: set it to { workspaceName, resourceGroupName } of the workspace the compute belongs to",
            ],
        ],
        [
            "a bad workspace",
            { "azureml-compute:workspace": JSON.stringify({ workspaceName: "mlw-dev" }) },
            ["azureml-compute:workspace.resourceGroupName: is required"],
        ],
        [
            "an instance with SSH for another user, and a bad time zone",
            {
                "azureml-compute:workspace": WORKSPACE,
                "azureml-compute:computeInstances": JSON.stringify({
                    "ci-alice": {
                        vmSize: "Standard_DS3_v2",
                        ssh: { publicKey: ED25519 },
                        assignedUser: {
                            objectId: "11111111-2222-3333-4444-555555555555",
                            tenantId: "66666666-7777-8888-9999-000000000000",
                        },
                        schedules: [{ action: "Stop", cron: "0 19 * * *", timeZone: "Europe/Paris" }],
                    },
                }),
            },
            [
                'azureml-compute:computeInstances.ci-alice.ssh.publicKey: is an ssh-ed25519 key; Azure ML compute takes ssh-rsa keys only, e.g. "ssh-rsa AAAAB3NzaC1yc2E... user@host" (the contents of ~/.ssh/id_rsa.pub)',
                'azureml-compute:computeInstances.ci-alice.schedules[0].timeZone: "Europe/Paris" is an IANA time zone; Azure ML schedules take Windows time zone IDs: use "Romance Standard Time"',
            ],
        ],
        [
            "an attached Databricks workspace given a VM's id and no token",
            {
                "azureml-compute:workspace": WORKSPACE,
                "azureml-compute:attachedComputes": JSON.stringify({
                    dbx: {
                        type: "Databricks",
                        resourceId:
                            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm",
                    },
                }),
            },
            [
                'azureml-compute:attachedComputes.dbx.accessToken: is required to attach a Databricks workspace (type "Databricks")',
                'azureml-compute:attachedComputes.dbx.resourceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resource…" is a Microsoft.Compute/virtualMachines id; type "Databricks" attaches a Databricks workspace (Microsoft.Databricks/workspaces), e.g. /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/databricks',
            ],
        ],
        [
            "a list instead of a map",
            config([{ vmSize: "Standard_DS3_v2" }]),
            [
                "azureml-compute:computeClusters: expected a map from compute name to ComputeCluster settings, got a list",
            ],
        ],
        [
            "an entry that is not a map",
            config({ cpu: "Standard_DS3_v2" }),
            ["azureml-compute:computeClusters.cpu: expected the ComputeCluster settings as a map, got a string"],
        ],
        [
            "problems in several entries and keys at once",
            config(
                { a: { vmSize: "DS3", maxNodes: 1 }, bb: { vmSize: "Standard_DS3_v2", maxNodes: -1 } },
                { "azureml-compute:workspaces": "{}" },
            ),
            [
                'azureml-compute:workspaces: unknown config key "workspaces" (did you mean "workspace"?)',
                'azureml-compute:computeClusters.a: "a" is 1 character long; compute names must be 3 to 24 characters',
                'azureml-compute:computeClusters.a.vmSize: "DS3" is not an Azure VM size name: expected "Standard_" followed by letters, digits, "_" or "-" (at most 64 characters), e.g. "Standard_DS3_v2"',
                'azureml-compute:computeClusters.bb: "bb" is 2 characters long; compute names must be 3 to 24 characters',
                "azureml-compute:computeClusters.bb.maxNodes: must be at least 0; got -1",
            ],
        ],
    ];
    for (const [title, values, expected] of invalid) {
        it(`rejects ${title}`, () => assert.deepEqual(issuesOf(values), expected));
    }

    it("names the stack and every problem in one message", () => {
        try {
            readStackConfig(
                config({ "gpu-train": { vmSize: "Standard_DS3_v2", minNodes: 4, maxNodes: 2 } }),
                'Stack "dev" config',
            );
            assert.fail("expected an error");
        } catch (e) {
            assert.equal(
                (e as Error).message,
                'Stack "dev" config has 1 invalid input:\n  - azureml-compute:computeClusters.gpu-train.maxNodes: must be at least minNodes (4)',
            );
        }
    });

    it("still checks the type of a value the offline plan could not decrypt: it decrypts to a string", () => {
        assert.deepEqual(issuesOf(config({ cpu: { vmSize: "Standard_DS3_v2", maxNodes: STAND_IN } })), [
            "azureml-compute:computeClusters.cpu.maxNodes: expected a number, got a string",
        ]);
        assert.deepEqual(issuesOf(config({ cpu: { vmSize: "Standard_DS3_v2", maxNodes: 1, admin: STAND_IN } })), [
            "azureml-compute:computeClusters.cpu.admin: expected an object, got a string",
        ]);
    });

    it("skips the content checks of a value the offline plan could not decrypt", () => {
        const entries = readStackConfig(
            config({
                cpu: {
                    vmSize: "Standard_DS3_v2",
                    maxNodes: 1,
                    admin: { username: "azureuser", sshPublicKey: STAND_IN },
                },
            }),
        );
        assert.equal(entries.length, 1);
    });

    it("checks a user's value that reads like the plan's stand-in: only the plan's own are skipped", () => {
        for (const lookalike of ["[secret: not decrypted by the offline plan]", STAND_IN.replace(/]$/, "x]")]) {
            assert.deepEqual(
                issuesOf(
                    config({
                        cpu: {
                            vmSize: "Standard_DS3_v2",
                            maxNodes: 1,
                            admin: { username: "azureuser", sshPublicKey: lookalike },
                        },
                    }),
                ),
                [
                    'azureml-compute:computeClusters.cpu.admin.sshPublicKey: does not start with a key type; Azure ML compute takes ssh-rsa keys only, e.g. "ssh-rsa AAAAB3NzaC1yc2E... user@host" (the contents of ~/.ssh/id_rsa.pub)',
                ],
            );
        }
    });

    it("still runs the cross-field rules over a value it could not decrypt: the field is there", () => {
        const VM =
            "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/dsvm";
        const values = {
            "azureml-compute:workspace": WORKSPACE,
            "azureml-compute:attachedComputes": JSON.stringify({
                dsvm: {
                    type: "VirtualMachine",
                    resourceId: VM,
                    credentials: { username: "azureuser", password: STAND_IN },
                },
            }),
        };
        assert.deepEqual(issuesOf(values), [
            'azureml-compute:attachedComputes.dsvm.address: is required to attach a virtual machine (type "VirtualMachine")',
        ]);
    });
});

describe("stack program", () => {
    it("declares each configured cluster, its password secret on its leaf even when the config key is secret", async () => {
        const monitor = await recordRegistrations({ stack: "dev" });
        pulumi.runtime.setAllConfig(
            config({
                "cpu-dev": { vmSize: "Standard_DS3_v2", maxNodes: 2 },
                "gpu-dev": {
                    vmSize: "Standard_NC4as_T4_v3",
                    maxNodes: 1,
                    admin: { username: "azureuser", password: "S3cret-config-pw" },
                },
            }),
            ["azureml-compute:computeClusters"],
        );
        const outputs = declareStack();
        assert.deepEqual(Object.keys(outputs.computeClusters!), ["cpu-dev", "gpu-dev"]);
        assert.equal(await valueOf(outputs.computeClusters!["gpu-dev"]!.computeName), "gpu-dev");
        await settle();
        const children = monitor.ofType("azure-native:machinelearningservices:Compute");
        assert.deepEqual(
            children.map((c) => c.name),
            ["cpu-dev", "gpu-dev"],
        );
        assert.deepEqual(children[1]!.secretPaths, ["properties.properties.userAccountCredentials.adminUserPassword"]);
        assert.deepEqual(children[0]!.secretPaths, []);
    });

    it("fails with every config problem before declaring anything", async () => {
        const monitor = await recordRegistrations({ stack: "dev" });
        pulumi.runtime.setAllConfig(
            config({
                fine: { vmSize: "Standard_DS3_v2", maxNodes: 1 },
                "bad-1": { vmSize: "Standard_DS3_v2", maxNodes: 1 },
            }),
            [],
        );
        assert.throws(
            () => declareStack(),
            (e: Error) => e.message.startsWith('Stack "dev" config has 1 invalid input:'),
        );
        await settle();
        assert.deepEqual(monitor.registrations, []);
    });
});
