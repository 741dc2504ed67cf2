import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import {
    COMPUTE_CLUSTER_DEFAULTS,
    COMPUTE_CLUSTER_FIELDS,
    COMPUTE_CLUSTER_IMMUTABLE,
    ComputeCluster,
    ComputeClusterArgs,
    ComputeValidationError,
} from "../components";
import { replacesAt } from "../components/core/pulumi/fieldMap";
import { deploymentErrors, settle, unknownOutput, valueOf, warningsDuring } from "./support/monitor";
import { IDENTITY_ID, IMAGE_ID, SUBNET_ID, WORKSPACE } from "./support/fixtures";
import { ED25519, RSA_2048 } from "./support/sshKeyFixtures";
import { declarer, describeInBothModes, validationErrorOf } from "./support/components";

const COMPUTE = "azure-native:machinelearningservices:Compute";
const COMPONENT = "azureml-compute:index:ComputeCluster";
const MINIMAL: ComputeClusterArgs = { workspace: WORKSPACE, vmSize: "Standard_DS3_v2", maxNodes: 4 };
const PASSWORD = "Tr0ub4dor&3-horse-battery";

const declare = declarer(ComputeCluster, "cpu-train");
const errorOf = validationErrorOf(ComputeCluster, "cpu-train");

describeInBothModes("ComputeCluster", (t) => {
    describe("registrations", () => {
        it("registers one component and one Compute child with the mapped payload", async () => {
            await declare({
                workspace: WORKSPACE,
                computeName: "gpu-train",
                vmType: "GPU",
                vmSize: "Standard_NC4as_T4_v3",
                vmPriority: "LowPriority",
                minNodes: 1,
                maxNodes: 8,
                idleTimeBeforeScaleDown: 300,
                subnet: SUBNET_ID,
                identity: { type: "UserAssigned", userAssignedIdentities: [IDENTITY_ID] },
                admin: { username: "azureuser", sshPublicKey: RSA_2048 },
                remoteLoginPortPublicAccess: "Disabled",
                enableNodePublicIp: false,
                description: "GPU training",
                tags: { team: "vision" },
                location: "westeurope",
            });
            assert.deepEqual(
                t.monitor.registrations.map((r) => [r.type, r.name]),
                [
                    [COMPONENT, "cpu-train"],
                    [COMPUTE, "cpu-train"],
                ],
            );
            assert.deepEqual(t.monitor.only(COMPUTE).inputs, {
                workspaceName: "mlw-dev",
                resourceGroupName: "rg-ml",
                computeName: "gpu-train",
                identity: { type: "UserAssigned", userAssignedIdentities: [IDENTITY_ID] },
                tags: { team: "vision" },
                properties: {
                    computeType: "AmlCompute",
                    computeLocation: "westeurope",
                    description: "GPU training",
                    properties: {
                        vmSize: "Standard_NC4as_T4_v3",
                        vmPriority: "LowPriority",
                        scaleSettings: { minNodeCount: 1, maxNodeCount: 8, nodeIdleTimeBeforeScaleDown: "PT5M" },
                        osType: "Linux",
                        enableNodePublicIp: false,
                        remoteLoginPortPublicAccess: "Disabled",
                        subnet: { id: SUBNET_ID },
                        userAccountCredentials: { adminUserName: "azureuser", adminUserSshPublicKey: RSA_2048 },
                    },
                },
            });
        });

        it("fills the documented defaults and names the compute after the resource", async () => {
            await declare(MINIMAL);
            const d = COMPUTE_CLUSTER_DEFAULTS;
            assert.deepEqual(t.monitor.only(COMPUTE).inputs, {
                workspaceName: "mlw-dev",
                resourceGroupName: "rg-ml",
                computeName: "cpu-train",
                properties: {
                    computeType: "AmlCompute",
                    properties: {
                        vmSize: "Standard_DS3_v2",
                        vmPriority: "Dedicated",
                        scaleSettings: { minNodeCount: 0, maxNodeCount: 4, nodeIdleTimeBeforeScaleDown: "PT2M" },
                        osType: "Linux",
                        enableNodePublicIp: true,
                        remoteLoginPortPublicAccess: "NotSpecified",
                    },
                },
            });
            // The documented defaults are the ones sent.
            assert.deepEqual(
                [
                    d.vmPriority,
                    d.minNodes,
                    d.idleTimeBeforeScaleDown,
                    d.osType,
                    d.enableNodePublicIp,
                    d.remoteLoginPortPublicAccess,
                ],
                ["Dedicated", 0, 120, "Linux", true, "NotSpecified"],
            );
        });

        it("sends a custom image, isolated network, Windows and disableLocalAuth where azure-native expects them", async () => {
            await declare({
                ...MINIMAL,
                image: IMAGE_ID,
                isolatedNetwork: true,
                osType: "Windows",
                disableLocalAuth: true,
            });
            const inputs = t.monitor.only(COMPUTE).inputs as {
                properties: { disableLocalAuth: boolean; properties: Record<string, unknown> };
            };
            assert.equal(inputs.properties.disableLocalAuth, true);
            assert.deepEqual(inputs.properties.properties.virtualMachineImage, { id: IMAGE_ID });
            assert.equal(inputs.properties.properties.isolatedNetwork, true);
            assert.equal(inputs.properties.properties.osType, "Windows");
        });

        const durations: [number | string, string][] = [
            [120, "PT2M"],
            ["PT120S", "PT2M"],
            [90, "PT1M30S"],
            ["PT1H", "PT1H"],
            [0, "PT0S"],
        ];
        for (const [given, sent] of durations) {
            it(`sends idleTimeBeforeScaleDown ${JSON.stringify(given)} as ${sent}`, async () => {
                await declare({ ...MINIMAL, idleTimeBeforeScaleDown: given });
                const inputs = t.monitor.only(COMPUTE).inputs as {
                    properties: { properties: { scaleSettings: Record<string, unknown> } };
                };
                assert.equal(inputs.properties.properties.scaleSettings.nodeIdleTimeBeforeScaleDown, sent);
            });
        }

        it("gives the child its replacement options and parent", async () => {
            const cluster = await declare(MINIMAL);
            const child = t.monitor.only(COMPUTE);
            assert.deepEqual(child.replaceOnChanges, [...COMPUTE_CLUSTER_IMMUTABLE]);
            assert.equal(child.deleteBeforeReplace, true);
            assert.equal(child.parent, await valueOf(cluster.urn));
            assert.equal(t.monitor.only(COMPONENT).replaceOnChanges.length, 0);
        });

        it("forwards retainOnDelete and ignoreChanges to the child, and protect through the parent", async () => {
            await declare(MINIMAL, "cpu-train", { retainOnDelete: true, ignoreChanges: ["tags"], protect: true });
            const child = t.monitor.only(COMPUTE);
            assert.equal(child.retainOnDelete, true);
            assert.deepEqual(child.ignoreChanges, ["tags"]);
            assert.equal(child.protect, true);
        });

        it("exposes the child's id, name and provisioning state", async () => {
            const cluster = await declare(MINIMAL, "cpu-train");
            assert.equal(await valueOf(cluster.computeId), "cpu-train-id");
            assert.equal(await valueOf(cluster.computeName), "cpu-train");
            assert.equal(await valueOf(cluster.provisioningState), "Succeeded");
        });
    });

    describe("immutable fields", () => {
        const expectedReplacing = [
            "workspaceName",
            "resourceGroupName",
            "computeName",
            // The ARM location, from the workspace's region.
            "location",
            "properties.properties.vmSize",
            "properties.properties.vmPriority",
            "properties.properties.subnet",
            "properties.properties.userAccountCredentials",
            "properties.properties.remoteLoginPortPublicAccess",
            "properties.properties.enableNodePublicIp",
            "properties.properties.isolatedNetwork",
            "properties.properties.osType",
            "properties.properties.virtualMachineImage",
            "properties.disableLocalAuth",
            "properties.computeLocation",
        ];
        it("lists exactly the fields Azure fixes at creation, at the object for objects", () => {
            assert.deepEqual([...COMPUTE_CLUSTER_IMMUTABLE].sort(), [...expectedReplacing].sort());
        });

        const inPlace: [keyof ComputeClusterArgs, string][] = [
            ["minNodes", "properties.properties.scaleSettings.minNodeCount"],
            ["maxNodes", "properties.properties.scaleSettings.maxNodeCount"],
            ["idleTimeBeforeScaleDown", "properties.properties.scaleSettings.nodeIdleTimeBeforeScaleDown"],
            ["tags", "tags.team"],
            ["description", "properties.description"],
            ["identity", "identity.userAssignedIdentities[0]"],
        ];
        for (const [field, changed] of inPlace) {
            it(`a change of ${field} (${changed}) does not replace`, () => {
                assert.equal(COMPUTE_CLUSTER_FIELDS[field].replaces, false);
                assert.equal(replacesAt(changed, COMPUTE_CLUSTER_IMMUTABLE), false);
            });
        }
        const replacing: [string, string][] = [
            ["a new subnet id", "properties.properties.subnet.id"],
            ["adding an admin", "properties.properties.userAccountCredentials"],
            ["a new admin password", "properties.properties.userAccountCredentials.adminUserPassword"],
            ["a new image", "properties.properties.virtualMachineImage.id"],
            ["a new size", "properties.properties.vmSize"],
        ];
        for (const [title, changed] of replacing) {
            it(`${title} (${changed}) replaces`, () =>
                assert.equal(replacesAt(changed, COMPUTE_CLUSTER_IMMUTABLE), true));
        }
    });

    describe("secrets", () => {
        const passwordPath = "properties.properties.userAccountCredentials.adminUserPassword";
        const cases: [string, () => pulumi.Input<string>][] = [
            ["a plain password", () => PASSWORD],
            ["a pulumi.secret password", () => pulumi.secret(PASSWORD)],
            ["a password from another resource's Output", () => pulumi.output(PASSWORD)],
        ];
        for (const [title, password] of cases) {
            it(`keeps ${title} secret at its own leaf, and out of the component's inputs`, async () => {
                const cluster = await declare({
                    ...MINIMAL,
                    admin: { username: "azureuser", password: password(), sshPublicKey: RSA_2048 },
                });
                const child = t.monitor.only(COMPUTE);
                // The REST spec marks the admin's public key x-ms-secret too.
                assert.deepEqual(child.secretPaths, [
                    passwordPath,
                    "properties.properties.userAccountCredentials.adminUserSshPublicKey",
                ]);
                assert.equal(
                    (child.inputs as any).properties.properties.userAccountCredentials.adminUserPassword,
                    PASSWORD,
                );
                const component = t.monitor.only(COMPONENT);
                assert.deepEqual(component.inputs, {});
                assert.ok(!JSON.stringify(component.raw).includes(PASSWORD));
                assert.ok(
                    !JSON.stringify(t.monitor.outputsOf(await valueOf(cluster.urn))).includes(PASSWORD),
                    "the component's outputs hold no password",
                );
            });
        }

        it("keeps a whole secret admin object on the credentials, never on properties", async () => {
            await declare({ ...MINIMAL, admin: pulumi.secret({ username: "azureuser", password: PASSWORD }) });
            const secretPaths = t.monitor.only(COMPUTE).secretPaths;
            assert.ok(secretPaths.includes(passwordPath), secretPaths.join());
            assert.ok(
                secretPaths.every((p) => p.startsWith("properties.properties.userAccountCredentials.")),
                secretPaths.join(),
            );
        });

        it("never puts a password in an error message", () => {
            const long = "x".repeat(130);
            const error = errorOf({ ...MINIMAL, admin: { username: "azureuser", password: long } });
            assert.equal(
                error.message,
                'ComputeCluster "cpu-train" has 1 invalid input:\n  - admin.password: is 130 characters long; at most 123 are allowed',
            );
            assert.ok(!error.message.includes(long));
        });
    });

    describe("rules", () => {
        const cases: [string, Record<string, unknown>, string[]][] = [
            ["maxNodes below minNodes", { minNodes: 4, maxNodes: 2 }, ["maxNodes: must be at least minNodes (4)"]],
            [
                "a name with a trailing number after -",
                { computeName: "cluster-1" },
                ['computeName: "cluster-1": a "-" must be followed by at least one letter later in the name'],
            ],
            [
                "a 25-character name",
                { computeName: "a".repeat(25) },
                [`computeName: "${"a".repeat(25)}" is 25 characters long; compute names must be 3 to 24 characters`],
            ],
            [
                "a GPU vmType with a CPU size",
                { vmType: "GPU" },
                ['vmType: Standard_DS3_v2 is a CPU size, but vmType is "GPU"'],
            ],
            [
                "a CPU vmType with a GPU size",
                { vmType: "CPU", vmSize: "Standard_NC4as_T4_v3" },
                ['vmType: Standard_NC4as_T4_v3 is a GPU size, but vmType is "CPU"'],
            ],
            [
                "a size without Standard_",
                { vmSize: "DS3_v2" },
                [
                    'vmSize: "DS3_v2" is not an Azure VM size name: expected "Standard_" followed by letters, digits, "_" or "-" (at most 64 characters), e.g. "Standard_DS3_v2"',
                ],
            ],
            [
                "an admin without key or password",
                { admin: { username: "azureuser" } },
                ["admin: needs an sshPublicKey or a password (or both)"],
            ],
            [
                "an ed25519 admin key",
                { admin: { username: "azureuser", sshPublicKey: ED25519 } },
                [
                    'admin.sshPublicKey: is an ssh-ed25519 key; Azure ML compute takes ssh-rsa keys only, e.g. "ssh-rsa AAAAB3NzaC1yc2E... user@host" (the contents of ~/.ssh/id_rsa.pub)',
                ],
            ],
            [
                "a bad admin user name",
                { admin: { username: "1admin", password: PASSWORD } },
                ['admin.username: must be 1 to 32 letters, digits, "_", "-" or ".", starting with a letter or "_"'],
            ],
            [
                "a system-assigned identity with ids",
                { identity: { type: "SystemAssigned", userAssignedIdentities: [IDENTITY_ID] } },
                [
                    'identity.userAssignedIdentities: must be empty for a "SystemAssigned" identity: for both kinds, use the type "SystemAssigned,UserAssigned"',
                ],
            ],
            [
                "a user-assigned identity without ids",
                { identity: { type: "UserAssigned" } },
                ['identity.userAssignedIdentities: a "UserAssigned" identity needs one or more identity resource ids'],
            ],
            [
                "both identity kinds without an id",
                { identity: { type: "SystemAssigned,UserAssigned" } },
                [
                    'identity.userAssignedIdentities: a "SystemAssigned,UserAssigned" identity needs one or more identity resource ids',
                ],
            ],
            [
                "a virtual network id as subnet",
                { subnet: SUBNET_ID.replace("/subnets/training", "") },
                [
                    `subnet: "${SUBNET_ID.replace("/subnets/training", "").slice(0, 60)}…" is a Microsoft.Network/virtualNetworks id; expected a subnet (Microsoft.Network/virtualNetworks/subnets), e.g. /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default`,
                ],
            ],
            [
                "a subnet that is not an id",
                { subnet: "training" },
                [
                    'subnet: "training" is not an Azure resource id: expected the form /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default',
                ],
            ],
            [
                "a misspelled field",
                { vmPriorty: "LowPriority" },
                ['unknown field "vmPriorty" (did you mean "vmPriority"?)'],
            ],
            [
                "a misspelled admin field",
                { admin: { username: "azureuser", passwrd: PASSWORD } },
                ['admin: unknown field "passwrd" (did you mean "password"?)'],
            ],
            [
                "an unknown priority",
                { vmPriority: "Spot" },
                ['vmPriority: "Spot" is not one of "Dedicated", "LowPriority"'],
            ],
            [
                "a long wrong choice, cut short",
                { vmPriority: "x".repeat(100) },
                [`vmPriority: "${"x".repeat(60)}…" is not one of "Dedicated", "LowPriority"`],
            ],
            [
                "a field named like an object built-in",
                { constructor: 1 },
                [`unknown field "constructor" (known fields: ${Object.keys(COMPUTE_CLUSTER_FIELDS).join(", ")})`],
            ],
            ["maxNodes as a string", { maxNodes: "4" }, ["maxNodes: expected a number, got a string"]],
            ["a fractional node count", { maxNodes: 2.5 }, ["maxNodes: must be a whole number; got 2.5"]],
            ["NaN nodes", { maxNodes: NaN }, ["maxNodes: expected a number, got NaN"]],
            ["Infinity nodes", { maxNodes: Infinity }, ["maxNodes: expected a number, got Infinity"]],
            ["nodes past int32", { maxNodes: 2 ** 31 }, ["maxNodes: must be at most 2147483647; got 2147483648"]],
            ["negative minNodes", { minNodes: -1 }, ["minNodes: must be at least 0; got -1"]],
            [
                "an idle time in words",
                { idleTimeBeforeScaleDown: "2 minutes" },
                [
                    'idleTimeBeforeScaleDown: "2 minutes" is not a duration: give a number of seconds or an ISO 8601 duration such as "PT2M"',
                ],
            ],
            [
                "an idle time of the wrong type",
                { idleTimeBeforeScaleDown: true },
                ['idleTimeBeforeScaleDown: must be a number of seconds or an ISO 8601 duration such as "PT2M"'],
            ],
            ["an empty description", { description: "" }, ["description: must not be empty"]],
            [
                "a description past 1024 characters",
                { description: "d".repeat(1025) },
                ["description: is 1025 characters long; at most 1024 are allowed"],
            ],
            [
                "51 tags",
                { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"])) },
                ["tags: at most 50 tags are allowed on an Azure resource"],
            ],
            [
                "a bad region",
                { location: "west-europe!" },
                ['location: must be an Azure region name such as "westeurope"'],
            ],
            [
                "a workspace without a resource group",
                { workspace: { workspaceName: "mlw-dev" } },
                ["workspace.resourceGroupName: is required"],
            ],
            [
                "an image that is not an image",
                { image: SUBNET_ID },
                [
                    `image: "${SUBNET_ID.slice(0, 60)}…" is a Microsoft.Network/virtualNetworks/subnets id; expected a VM image (Microsoft.Compute/galleries/images/versions or Microsoft.Compute/galleries/images or Microsoft.Compute/images), e.g. /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/galleries/gallery/images/image/versions/1.0.0`,
                ],
            ],
            [
                "several problems at once",
                { computeName: "x", vmPriority: "Spot", minNodes: -1, maxNodes: 0.5 },
                [
                    'computeName: "x" is 1 character long; compute names must be 3 to 24 characters',
                    'vmPriority: "Spot" is not one of "Dedicated", "LowPriority"',
                    "minNodes: must be at least 0; got -1",
                    "maxNodes: must be a whole number; got 0.5",
                ],
            ],
        ];
        for (const [title, patch, lines] of cases) {
            it(`rejects ${title}`, async () => {
                const error = errorOf({ ...MINIMAL, ...patch });
                const count = lines.length === 1 ? "1 invalid input" : `${lines.length} invalid inputs`;
                assert.equal(
                    error.message,
                    [`ComputeCluster "cpu-train" has ${count}:`, ...lines.map((l) => `  - ${l}`)].join("\n"),
                );
                await settle();
                assert.equal(t.monitor.registrations.length, 0, "an invalid cluster registers nothing");
            });
        }

        it("names both fields of a cross-field problem", () => {
            assert.deepEqual(errorOf({ ...MINIMAL, minNodes: 4, maxNodes: 2 }).issues, [
                {
                    code: "compute-cluster/max-nodes-below-min",
                    path: "maxNodes",
                    message: "must be at least minNodes (4)",
                    paths: ["maxNodes", "minNodes"],
                },
            ]);
        });

        it("checks a default compute name: the resource name", () => {
            assert.equal(
                errorOf(MINIMAL, "gpu-2").message,
                'ComputeCluster "gpu-2" has 1 invalid input:\n  - computeName: "gpu-2": a "-" must be followed by at least one letter later in the name',
            );
        });

        it("reports every missing field of a JavaScript caller who passes no args", () => {
            assert.deepEqual(
                errorOf(undefined).issues.map((i) => `${i.path}: ${i.message}`),
                ["workspace: is required", "vmSize: is required", "maxNodes: is required"],
            );
        });

        it("rejects a retired size, naming the date and a current size of the same class", () => {
            t.today("2026-11-30");
            assert.deepEqual(
                errorOf({ ...MINIMAL, vmSize: "Standard_NC6" }).issues.map((i) => `${i.path}: ${i.message}`),
                [
                    "vmSize: Standard_NC6 was retired on 2023-08-31; use a current size such as Standard_NC8as_T4_v3 (8 vCPUs, 1 GPU)",
                ],
            );
        });

        it("rejects a second cluster with the same name in the same workspace, case-insensitively", async () => {
            await declare({ ...MINIMAL, computeName: "shared-name" }, "first");
            const error = errorOf(
                {
                    ...MINIMAL,
                    computeName: "SHARED-name",
                    workspace: { workspaceName: "MLW-dev", resourceGroupName: "rg-ml" },
                },
                "second",
            );
            assert.equal(
                error.message,
                'ComputeCluster "second" has 1 invalid input:\n  - computeName: "SHARED-name" is already used by ComputeCluster "first" in workspace rg-ml/MLW-dev; compute names must be unique in a workspace',
            );
        });

        it("rejects a second cluster with the same name in the same region, from another workspace", async () => {
            await declare(
                { ...MINIMAL, computeName: "shared-name", workspace: { ...WORKSPACE, location: "westeurope" } },
                "first",
            );
            const error = errorOf(
                {
                    ...MINIMAL,
                    computeName: "shared-name",
                    workspace: { workspaceName: "mlw-prod", resourceGroupName: "rg-ml" },
                    location: "West Europe",
                },
                "second",
            );
            assert.equal(
                error.message,
                'ComputeCluster "second" has 1 invalid input:\n  - computeName: "shared-name" is already used by ComputeCluster "first" in region West Europe; compute instance and cluster names must be unique in an Azure region',
            );
        });

        it("allows the same name in another workspace", async () => {
            await declare({ ...MINIMAL, computeName: "shared-name" }, "first");
            await declare(
                {
                    ...MINIMAL,
                    computeName: "shared-name",
                    workspace: { workspaceName: "mlw-prod", resourceGroupName: "rg-ml" },
                },
                "second",
            );
            assert.equal(t.monitor.ofType(COMPUTE).length, 2);
        });
    });

    describe("warnings", () => {
        const cases: [string, Partial<ComputeClusterArgs>, string[]][] = [
            [
                "maxNodes 0",
                { maxNodes: 0 },
                ["maxNodes: is 0, so the cluster can run nothing; set it to 1 or more to run jobs"],
            ],
            [
                "a password-only admin",
                { admin: { username: "azureuser", password: PASSWORD }, remoteLoginPortPublicAccess: "Disabled" },
                [
                    "admin: signs in with a password only; passwords can be brute-forced, an sshPublicKey is safer (the Studio's recommendation)",
                ],
            ],
            [
                "an admin on a cluster whose SSH port Azure opens to the internet, in the policy pack's words",
                { admin: { username: "azureuser", sshPublicKey: RSA_2048 } },
                [
                    'opens its SSH port to the internet (remoteLoginPortPublicAccess NotSpecified); set it to "Disabled" (the policy pack\'s compute-no-public-ssh rejects this cluster)',
                ],
            ],
            [
                "no public IP and no subnet",
                { enableNodePublicIp: false },
                [
                    "enableNodePublicIp: is false without a subnet: this works only in a workspace with a managed virtual network; otherwise give a subnet",
                ],
            ],
            [
                "an unknown size",
                { vmSize: "Standard_Foo" },
                [
                    "vmSize: Standard_Foo is not in the library's size catalog and its name does not follow the current Azure naming convention, so its vCPU and GPU counts are unknown; check that the region offers it",
                ],
            ],
            [
                "no problem",
                {
                    admin: { username: "azureuser", sshPublicKey: RSA_2048 },
                    subnet: SUBNET_ID,
                    enableNodePublicIp: false,
                },
                [],
            ],
        ];
        for (const [title, patch, expected] of cases) {
            it(`warns about ${title}`, async () => {
                const warnings = await warningsDuring(() => declare({ ...MINIMAL, ...patch }).then(() => undefined));
                assert.deepEqual(
                    warnings,
                    expected.map((w) => `ComputeCluster "cpu-train": ${w}`),
                );
                assert.equal(t.monitor.ofType(COMPUTE).length, 1, "a warning does not stop the cluster");
                assert.ok(warnings.every((w) => !w.includes(PASSWORD)));
            });
        }

        it("warns about a size that retires within a year", async () => {
            t.today("2027-06-01");
            const warnings = await warningsDuring(() => declare(MINIMAL).then(() => undefined));
            assert.deepEqual(warnings, [
                'ComputeCluster "cpu-train": vmSize: Standard_DS3_v2 retires on 2028-05-01; plan a move to a current size such as Standard_D4s_v3 (4 vCPUs)',
            ]);
        });
    });

    describe("Output inputs", () => {
        it("validates an Output when it resolves, and fails the deployment without registering the child", async () => {
            const errors = await deploymentErrors(() => {
                new ComputeCluster("cpu-train", { ...MINIMAL, minNodes: 2, maxNodes: pulumi.output(1) });
            });
            assert.deepEqual(
                errors.map((e) => e.message),
                ['ComputeCluster "cpu-train" has 1 invalid input:\n  - maxNodes: must be at least minNodes (2)'],
            );
            assert.ok(errors.every((e) => ComputeValidationError.isInstance(e)));
            assert.deepEqual(t.monitor.ofType(COMPUTE), []);
        });

        it("checks rules across several Outputs once all resolve", async () => {
            const errors = await deploymentErrors(() => {
                new ComputeCluster("cpu-train", { ...MINIMAL, minNodes: pulumi.output(5), maxNodes: pulumi.output(3) });
            });
            assert.deepEqual(
                errors.map((e) => e.message),
                ['ComputeCluster "cpu-train" has 1 invalid input:\n  - maxNodes: must be at least minNodes (5)'],
            );
            assert.deepEqual(t.monitor.ofType(COMPUTE), []);
        });

        it("validates Outputs nested in objects (a secret password that is too long)", async () => {
            const errors = await deploymentErrors(() => {
                new ComputeCluster("cpu-train", {
                    ...MINIMAL,
                    admin: { username: "azureuser", password: pulumi.secret("p".repeat(124)) },
                });
            });
            assert.deepEqual(
                errors.map((e) => e.message),
                [
                    'ComputeCluster "cpu-train" has 1 invalid input:\n  - admin.password: is 124 characters long; at most 123 are allowed',
                ],
            );
        });

        it("never shows a secret Output's value in a message, even in a field that is not a secret field", async () => {
            const errors = await deploymentErrors(() => {
                new ComputeCluster("cpu-train", {
                    ...MINIMAL,
                    vmPriority: pulumi.secret("Hunter2Secret") as never,
                    maxNodes: pulumi.output(2),
                });
            });
            assert.deepEqual(
                errors.map((e) => e.message),
                [
                    'ComputeCluster "cpu-train" has 1 invalid input:\n  - vmPriority: [secret] is not one of "Dedicated", "LowPriority"',
                ],
            );
        });

        it("logs a warning found by several Output checks once", async () => {
            const warnings = await warningsDuring(async () => {
                await declare({
                    ...MINIMAL,
                    maxNodes: pulumi.output(2),
                    admin: { username: "azureuser", password: pulumi.secret(PASSWORD) },
                    remoteLoginPortPublicAccess: "Disabled",
                });
                await new Promise((r) => setTimeout(r, 50));
            });
            assert.deepEqual(warnings, [
                'ComputeCluster "cpu-train": admin: signs in with a password only; passwords can be brute-forced, an sshPublicKey is safer (the Studio\'s recommendation)',
            ]);
        });

        it("registers the child from valid Output values", async () => {
            await declare({
                ...MINIMAL,
                vmSize: pulumi.output("Standard_D4s_v3"),
                maxNodes: pulumi.output(3),
                tags: pulumi.output({ team: "nlp" }),
            });
            const inputs = t.monitor.only(COMPUTE).inputs as any;
            assert.equal(inputs.properties.properties.vmSize, "Standard_D4s_v3");
            assert.equal(inputs.properties.properties.scaleSettings.maxNodeCount, 3);
            assert.deepEqual(inputs.tags, { team: "nlp" });
        });
    });

    describe("unknown inputs", () => {
        it("accepts unknown inputs and registers the child with them unknown", async () => {
            new ComputeCluster("cpu-train", {
                ...MINIMAL,
                maxNodes: unknownOutput<number>(),
                subnet: unknownOutput<string>(),
            });
            await new Promise((r) => setTimeout(r, 50));
            await settle();
            const child = t.monitor.only(COMPUTE);
            assert.deepEqual([...child.unknownPaths].sort(), [
                "properties.properties.scaleSettings.maxNodeCount",
                // Whether the subnet object is there at all depends on the value: the object is unknown.
                "properties.properties.subnet",
            ]);
            assert.equal((child.inputs as any).properties.properties.vmSize, "Standard_DS3_v2");
        });

        it("still rejects plain invalid values", () => {
            assert.equal(
                errorOf({ ...MINIMAL, maxNodes: unknownOutput<number>(), vmPriority: "Spot" }).issues[0]!.message,
                '"Spot" is not one of "Dedicated", "LowPriority"',
            );
        });

        it("still checks the known Outputs", async () => {
            const errors = await deploymentErrors(() => {
                new ComputeCluster("cpu-train", {
                    ...MINIMAL,
                    maxNodes: unknownOutput<number>(),
                    minNodes: pulumi.output(-3),
                });
            });
            assert.deepEqual(
                errors.map((e) => e.message),
                ['ComputeCluster "cpu-train" has 1 invalid input:\n  - minNodes: must be at least 0; got -3'],
            );
        });
    });
});
