import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import {
    ATTACHED_COMPUTE_FIELDS,
    ATTACHED_COMPUTE_IMMUTABLE,
    AttachedCompute,
    AttachedComputeArgs,
    ComputeValidationError,
} from "../components";
import { replacesAt } from "../components/core/pulumi/fieldMap";
import { deploymentErrors, settle, warningsDuring } from "./support/monitor";
import { at, declarer, describeInBothModes, validationErrorOf } from "./support/components";
import { SUBSCRIPTION, WORKSPACE } from "./support/fixtures";
import { RSA_2048 } from "./support/sshKeyFixtures";
import { pathsOf } from "../components/core/pulumi/fieldMap";

const COMPUTE = "azure-native:machinelearningservices:Compute";
const id = (path: string) => `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-x/providers/${path}`;
const VM_ID = id("Microsoft.Compute/virtualMachines/dsvm");
const DBX_ID = id("Microsoft.Databricks/workspaces/dbx");
const ADLA_ID = id("Microsoft.DataLakeAnalytics/accounts/adla");
const HDI_ID = id("Microsoft.HDInsight/clusters/hdi");
const SYN_ID = id("Microsoft.Synapse/workspaces/syn/bigDataPools/pool1");
const PRIVATE_KEY =
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n";
const PASSWORD = "Correct-Horse-Battery-9";
const TOKEN = "dapi0123456789abcdef0123456789abcdef";
const VM: AttachedComputeArgs = {
    workspace: WORKSPACE,
    type: "VirtualMachine",
    resourceId: VM_ID,
    address: "10.0.0.4",
    credentials: { username: "azureuser", privateKey: PRIVATE_KEY },
};
const DATABRICKS: AttachedComputeArgs = {
    workspace: WORKSPACE,
    type: "Databricks",
    resourceId: DBX_ID,
    accessToken: TOKEN,
};

const declare = declarer(AttachedCompute, "dsvm");
const errorOf = validationErrorOf(AttachedCompute, "dsvm");

describeInBothModes("AttachedCompute", (t) => {
    describe("payloads", () => {
        const cases: [string, AttachedComputeArgs, Record<string, unknown>, string[]][] = [
            [
                "a VM with an SSH key",
                VM,
                {
                    computeType: "VirtualMachine",
                    resourceId: VM_ID,
                    properties: {
                        address: "10.0.0.4",
                        sshPort: 22,
                        administratorAccount: { username: "azureuser", privateKeyData: PRIVATE_KEY },
                    },
                },
                ["properties.properties.administratorAccount.privateKeyData"],
            ],
            [
                "an HDInsight cluster with a password on port 2222",
                {
                    workspace: WORKSPACE,
                    type: "HDInsight",
                    resourceId: HDI_ID,
                    address: "hdi-ssh.azurehdinsight.net",
                    sshPort: 2222,
                    credentials: { username: "sshuser", password: PASSWORD, publicKey: RSA_2048 },
                },
                {
                    computeType: "HDInsight",
                    resourceId: HDI_ID,
                    properties: {
                        address: "hdi-ssh.azurehdinsight.net",
                        sshPort: 2222,
                        administratorAccount: { username: "sshuser", password: PASSWORD, publicKeyData: RSA_2048 },
                    },
                },
                // The public key too: the REST spec marks it x-ms-secret.
                [
                    "properties.properties.administratorAccount.password",
                    "properties.properties.administratorAccount.publicKeyData",
                ],
            ],
            [
                "a Databricks workspace",
                { ...DATABRICKS, workspaceUrl: "https://adb-123.4.azuredatabricks.net" },
                {
                    computeType: "Databricks",
                    resourceId: DBX_ID,
                    properties: { databricksAccessToken: TOKEN, workspaceUrl: "https://adb-123.4.azuredatabricks.net" },
                },
                ["properties.properties.databricksAccessToken"],
            ],
            [
                "a Data Lake Analytics account",
                {
                    workspace: WORKSPACE,
                    type: "DataLakeAnalytics",
                    resourceId: ADLA_ID,
                    dataLakeStoreAccountName: "adlsgen1store",
                },
                {
                    computeType: "DataLakeAnalytics",
                    resourceId: ADLA_ID,
                    properties: { dataLakeStoreAccountName: "adlsgen1store" },
                },
                [],
            ],
            [
                "a Synapse Spark pool",
                { workspace: WORKSPACE, type: "SynapseSpark", resourceId: SYN_ID, description: "spark" },
                { computeType: "SynapseSpark", resourceId: SYN_ID, description: "spark" },
                [],
            ],
        ];
        for (const [title, args, properties, secrets] of cases) {
            it(`maps ${title}, secrets on their leaves`, async () => {
                await declare(args);
                const child = t.monitor.only(COMPUTE);
                assert.deepEqual(at(child.inputs, "properties"), properties);
                assert.deepEqual(child.secretPaths, secrets);
                assert.deepEqual(child.replaceOnChanges, [...ATTACHED_COMPUTE_IMMUTABLE]);
                assert.equal(child.deleteBeforeReplace, true);
                const component = t.monitor.only("azureml-compute:index:AttachedCompute");
                for (const secret of [PRIVATE_KEY, PASSWORD, TOKEN])
                    assert.ok(!JSON.stringify(component.raw).includes(secret));
            });
        }

        it("forwards retainOnDelete to the child, so a removal never reaches the attached resource", async () => {
            await declare(DATABRICKS, "dbx-etl", { retainOnDelete: true });
            assert.equal(t.monitor.only(COMPUTE).retainOnDelete, true);
        });
    });

    describe("immutable fields", () => {
        it("re-attaches for what it attaches and how it signs in; description and tags are in place", () => {
            const inPlace = Object.entries(ATTACHED_COMPUTE_FIELDS)
                .filter(([, f]) => !f.replaces && pathsOf(f).length > 0)
                .map(([n]) => n);
            assert.deepEqual(inPlace, ["description", "tags"]);
        });
        for (const [path, replaces] of [
            ["properties.properties.administratorAccount.privateKeyData", true],
            ["properties.properties.sshPort", true],
            ["properties.resourceId", true],
            ["properties.properties.databricksAccessToken", true],
            ["properties.description", false],
            ["tags.env", false],
        ] as const) {
            it(`a change at ${path} ${replaces ? "replaces" : "is in place"}`, () =>
                assert.equal(replacesAt(path, ATTACHED_COMPUTE_IMMUTABLE), replaces));
        }
    });

    describe("rules", () => {
        const cases: [string, Record<string, unknown>, string[]][] = [
            [
                "a Databricks id for a VM",
                { ...VM, resourceId: DBX_ID },
                [
                    `resourceId: "${DBX_ID.slice(0, 60)}…" is a Microsoft.Databricks/workspaces id; type "VirtualMachine" attaches a virtual machine (Microsoft.Compute/virtualMachines), e.g. /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm`,
                ],
            ],
            [
                "an id that is not an id",
                { ...VM, resourceId: "dsvm" },
                [
                    'resourceId: "dsvm" is not an Azure resource id: expected the form /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/<Namespace>/<type>/<name>',
                ],
            ],
            [
                "a subscription that is not a GUID",
                { ...VM, resourceId: VM_ID.replace(SUBSCRIPTION, "my-sub") },
                [
                    `resourceId: "${VM_ID.replace(SUBSCRIPTION, "my-sub").slice(0, 60)}…": the subscription "my-sub" is not a GUID`,
                ],
            ],
            [
                "a VM without credentials",
                { ...VM, credentials: undefined },
                ['credentials: is required to attach a virtual machine (type "VirtualMachine")'],
            ],
            [
                "credentials without key or password",
                { ...VM, credentials: { username: "azureuser" } },
                ["credentials: needs a privateKey or a password (or both)"],
            ],
            [
                "a public key where the private key goes",
                { ...VM, credentials: { username: "azureuser", privateKey: RSA_2048 } },
                [
                    'credentials.privateKey: is not a private key: expected PEM or OpenSSH text from "-----BEGIN ... PRIVATE KEY-----" to "-----END ... PRIVATE KEY-----"',
                ],
            ],
            ["port 0", { ...VM, sshPort: 0 }, ["sshPort: must be at least 1; got 0"]],
            ["port 65536", { ...VM, sshPort: 65536 }, ["sshPort: must be at most 65535; got 65536"]],
            [
                "an address with a scheme",
                { ...VM, address: "ssh://dsvm" },
                [
                    'address: "ssh://dsvm" is not a host name or IPv4 address, e.g. "dsvm.westeurope.cloudapp.azure.com" or "10.0.0.4"',
                ],
            ],
            [
                "an IP out of range",
                { ...VM, address: "10.0.0.400" },
                [
                    'address: "10.0.0.400" is not a host name or IPv4 address, e.g. "dsvm.westeurope.cloudapp.azure.com" or "10.0.0.4"',
                ],
            ],
            [
                "Databricks with credentials",
                { ...DATABRICKS, credentials: { username: "u", password: PASSWORD } },
                ['credentials: does not apply to type "Databricks", which takes accessToken, workspaceUrl'],
            ],
            [
                "Databricks without a token",
                { ...DATABRICKS, accessToken: undefined },
                ['accessToken: is required to attach a Databricks workspace (type "Databricks")'],
            ],
            [
                "Data Lake Analytics without its store",
                { workspace: WORKSPACE, type: "DataLakeAnalytics", resourceId: ADLA_ID },
                [
                    'dataLakeStoreAccountName: is required to attach a Data Lake Analytics account (type "DataLakeAnalytics")',
                ],
            ],
            ["no type", { ...DATABRICKS, type: undefined }, ["type: is required"]],
            [
                "an unknown type",
                { ...VM, type: "Kubernetes" },
                [
                    'type: "Kubernetes" is not one of "VirtualMachine", "Databricks", "DataLakeAnalytics", "HDInsight", "SynapseSpark"',
                ],
            ],
            [
                "a 17-character name",
                { ...DATABRICKS, computeName: "databricks-etl-xy" },
                ['computeName: "databricks-etl-xy" is 17 characters long; compute names must be 3 to 16 characters'],
            ],
        ];
        for (const [title, patch, lines] of cases) {
            it(`rejects ${title}`, async () => {
                const error = errorOf(patch);
                assert.deepEqual(
                    error.issues.map((i) => `${i.path}: ${i.message}`),
                    lines,
                );
                for (const secret of [PRIVATE_KEY, PASSWORD, TOKEN])
                    assert.ok(!error.message.includes(secret), "no secret in the message");
                await settle();
                assert.equal(t.monitor.registrations.length, 0);
            });
        }

        it("never echoes a token, password or key that is too long or malformed", () => {
            const longToken = `dapi${"x".repeat(5000)}`;
            const error = errorOf({
                ...VM,
                credentials: {
                    username: "azureuser",
                    privateKey: "-----BEGIN garbage",
                    password: `p${"w".repeat(300)}`,
                },
            });
            assert.ok(!error.message.includes("garbage"));
            assert.ok(!error.message.includes("wwwwwwwwww"));
            assert.ok(!errorOf({ ...DATABRICKS, accessToken: longToken }).message.includes("xxxxxxxxxx"));
        });

        it("refuses an Output type", () => {
            assert.equal(errorOf({ ...DATABRICKS, type: pulumi.output("Databricks") }).issues[0]!.path, "type");
        });
    });

    describe("warnings", () => {
        it("warns about a password-only sign-in", async () => {
            const warnings = await warningsDuring(() =>
                declare({ ...VM, credentials: { username: "azureuser", password: PASSWORD } }).then(() => undefined),
            );
            assert.deepEqual(warnings, [
                'AttachedCompute "dsvm": credentials: signs in with a password only; passwords can be brute-forced, a privateKey is safer (the Studio\'s recommendation)',
            ]);
        });

        it("warns that Data Lake Analytics was retired", async () => {
            const warnings = await warningsDuring(() =>
                declare(
                    {
                        workspace: WORKSPACE,
                        type: "DataLakeAnalytics",
                        resourceId: ADLA_ID,
                        dataLakeStoreAccountName: "adlsgen1store",
                    },
                    "adla",
                ).then(() => undefined),
            );
            assert.deepEqual(warnings, [
                'AttachedCompute "adla": type: Azure Data Lake Analytics was retired on 2024-02-29: the attachment can\'t run jobs; move the workload to Synapse or Databricks',
            ]);
        });
    });

    describe("Output inputs", () => {
        it("never shows a secret Output's value, whichever field it was put in", async () => {
            const errors = await deploymentErrors(() => {
                new AttachedCompute("dbx", {
                    ...DATABRICKS,
                    workspaceUrl: pulumi.secret(TOKEN),
                } as AttachedComputeArgs);
            });
            assert.equal(errors.length, 1);
            assert.ok(!errors[0]!.message.includes(TOKEN), errors[0]!.message);
            assert.match(errors[0]!.message, /workspaceUrl: \[secret\] is not a Databricks workspace URL/);
        });

        it("fails the deployment for a malformed secret key, without echoing it", async () => {
            const errors = await deploymentErrors(() => {
                new AttachedCompute("dsvm", {
                    ...VM,
                    credentials: { username: "azureuser", privateKey: pulumi.secret("not-a-key-at-all") },
                } as AttachedComputeArgs);
            });
            assert.equal(errors.length, 1);
            assert.ok(ComputeValidationError.isInstance(errors[0]));
            assert.ok(!errors[0]!.message.includes("not-a-key-at-all"));
            assert.deepEqual(t.monitor.ofType(COMPUTE), []);
        });
    });
});

describe("AttachedCompute types", () => {
    it("rejects a Databricks attach with credentials at compile time", () => {
        const args: AttachedComputeArgs = {
            workspace: WORKSPACE,
            type: "Databricks",
            resourceId: DBX_ID,
            accessToken: TOKEN,
            // @ts-expect-error Databricks takes no credentials: this line must not type-check.
            credentials: { username: "u", password: "p" },
        };
        // @ts-expect-error A VM attach needs credentials: this line must not type-check.
        const vm: AttachedComputeArgs = {
            workspace: WORKSPACE,
            type: "VirtualMachine",
            resourceId: VM_ID,
            address: "10.0.0.4",
        };
        assert.equal(args.type, "Databricks");
        assert.equal(vm.type, "VirtualMachine");
    });
});
