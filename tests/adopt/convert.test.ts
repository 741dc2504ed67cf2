/**
 * `azureml-compute adopt`: what it refuses in the REST examples (with the property path), the file shapes it
 * reads and the ones it refuses, writing into an existing stack file, and the "kept by Azure" values it declares.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { AttachedCompute, ComputeCluster, ComputeValidationError, KEPT_BY_AZURE } from "../../components";
import { readStackConfig } from "../../components/stack/readConfig";
import { FieldTarget, notReturnedArgPaths, NOT_REPORTED } from "../../components/core/pulumi/fieldMap";
import { readBack } from "../../components/core/pulumi/readBack";
import { convert, stackKindFor } from "../../adopt/convert";
import { NOT_EXPRESSIBLE, undeclaredSettings } from "../../adopt/notExpressible";
import { REST_FACTS } from "../../adopt/restFacts";
import { readReported } from "../../adopt/reported";
import { STACK_KINDS } from "../../components/stack/readConfig";
import { recordRegistrations, settle } from "../support/monitor";
import { cli, exampleBody, EXAMPLES } from "./roundTrip.test";

const SUB = "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345";
const WS = { workspaceName: "mlw", resourceGroupName: "rg", subscriptionId: SUB };

function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), "adopt-"));
}

function write(dir: string, file: string, value: unknown): string {
    fs.writeFileSync(path.join(dir, file), typeof value === "string" ? value : JSON.stringify(value));
    return file;
}

describe("azureml-compute adopt", function () {
    this.timeout(60_000);

    it("reports each value the library refuses in the REST examples with its property path, and exits 1", () => {
        const dir = tempDir();
        const bodies = ["AmlCompute", "ComputeInstance", "KubernetesCompute"].map((f, i) => {
            const b = exampleBody(`get/${f}.json`);
            return { ...b, id: b.id.replace(/compute123$/, `cmp${i}`) };
        });
        const run = cli(["adopt", write(dir, "list.json", { value: bodies })], dir);
        assert.equal(run.code, 1);
        const errors = run.stderr.split("\n").filter((l) => l.startsWith("error:"));
        assert.deepEqual(errors, [
            'error: computeClusters.cmp0: properties.properties.subnet (subnet): "test-subnet-resource-id" is not an Azure resource id: expected the form /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default',
            "error: computeInstances.cmp1: properties.properties.enableNodePublicIp: the library sends true, which Azure does not report; a change there replaces the compute, which Pulumi refuses for one it imports",
            'error: computeInstances.cmp1: properties.properties.subnet (subnet): "test-subnet-resource-id" is not an Azure resource id: expected the form /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default',
            "error: computeInstances.cmp1: properties.properties.sshSettings (ssh): can't be set on an instance created for another user (assignedUser): Azure takes no SSH key then; remove one of the two",
            'error: inferenceClusters.cmp2: properties.properties.instanceTypes.defaultInstanceType (instanceTypes.defaultInstanceType): must be an instance type name: lower-case letters, digits and "-", at most 63',
        ]);
        assert.match(run.stdout, /^config:\n/m, "the YAML is still written, to fix by hand");
    });

    it("keeps Azure's spelling where a difference would stop the import, and warns about a retired size", () => {
        const body = exampleBody("get/AmlCompute.json");
        body.properties.properties.subnet = {
            id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s`,
        };
        const conversion = convert(readReported(JSON.stringify(body)).computes);
        const entry = (conversion.config["azureml-compute:computeClusters"] as Record<string, Record<string, unknown>>)
            .compute123!;
        assert.equal(entry.vmSize, "STANDARD_NC6");
        assert.equal(entry.idleTimeBeforeScaleDown, "PT5M");
        assert.deepEqual(
            conversion.findings.filter((f) => f.severity !== "note").map((f) => `${f.severity}: ${f.message}`),
            [
                "warning: vmSize: Standard_NC6 was retired on 2023-08-31; use a current size such as Standard_NC8as_T4_v3 (8 vCPUs, 1 GPU). The adopted compute keeps it, since the import must declare what exists; replacing the compute with a current size is a change after the import",
                'warning: opens its SSH port to the internet (remoteLoginPortPublicAccess Enabled); set it to "Disabled" (the policy pack\'s compute-no-public-ssh rejects this cluster)',
            ],
        );
    });

    it("reads the REST list, a single body and an array; warns about a list's nextLink; says which shapes it reads", () => {
        const list = JSON.parse(fs.readFileSync(path.join(EXAMPLES, "list.json"), "utf8")).responses["200"].body;
        const read = readReported(JSON.stringify(list));
        assert.deepEqual(
            read.computes.map((c) => [c.at, c.computeName, c.computeType, c.subscriptionId]),
            [
                ["value[0]", "compute123", "AKS", SUB],
                ["value[1]", "compute1234", "AKS", SUB],
            ],
        );
        assert.deepEqual(read.problems, [
            `the list has a nextLink: it is one page of the workspace's computes; fetch the others (${list.nextLink}) and adopt them too`,
        ]);
        assert.equal(readReported(JSON.stringify(list.value)).computes.length, 2);
        assert.equal(readReported(JSON.stringify(list.value[0])).computes[0]!.at, "(body)");

        const dir = tempDir();
        const azMl = cli(
            [
                "adopt",
                write(dir, "azml.json", [
                    { name: "cpu", type: "amlcompute", size: "STANDARD_DS3_V2", provisioning_state: "Succeeded" },
                ]),
            ],
            dir,
        );
        assert.equal(azMl.code, 1);
        assert.equal(
            azMl.stderr,
            'adopt: azml.json is not a shape adopt reads (it looks like `az ml compute` output, which is snake_case and leaves settings out); expected a compute\'s REST body (as `az rest` or `az resource show` print it), the REST list `{ "value": [...] }`, or a JSON array of bodies\n',
        );
        const notJson = cli(["adopt", write(dir, "bad.json", "{ value: ")], dir);
        assert.equal(notJson.code, 1);
        assert.match(notJson.stderr, /^adopt: bad\.json is not JSON \(/);
        const usage = cli(["adopt"], dir);
        assert.equal(usage.code, 2);
        assert.match(
            usage.stderr,
            /^adopt: which FILE\? \(the JSON Azure reports about the computes\)\n\nusage: azureml-compute adopt FILE/,
        );
    });

    it("refuses a body without a compute id, a second workspace and a name listed twice, converting the rest", () => {
        const aks = exampleBody("get/AKSCompute.json");
        const other = { ...aks, id: aks.id.replace("workspaces123", "other-ws").replace("compute123", "x1") };
        const { computes, problems } = readReported(
            JSON.stringify([aks, { id: "/subscriptions/x/resourceGroups/rg", properties: {} }, other, aks]),
        );
        assert.deepEqual(problems, [
            '[1]: has no compute id (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<ws>/computes/<name>); got "/subscriptions/x/resourceGroups/rg"',
        ]);
        const conversion = convert(computes);
        assert.deepEqual(
            conversion.findings.filter((f) => f.severity === "error").map((f) => `${f.subject}: ${f.message}`),
            [
                `[2]: is in another workspace (${other.id}) than ${aks.id}: a stack declares the compute of one workspace; adopt each workspace into its own stack`,
                "[3]: reports compute123 again: a workspace has one compute of each name; list it once",
            ],
        );
        assert.deepEqual(conversion.adopted, ["inferenceClusters.compute123"]);
    });

    it("adds to an existing stack file, keeping its comments and keys, and refuses to overwrite a compute it declares", () => {
        const dir = tempDir();
        const existing =
            "# production\nconfig:\n  aws:region: eu-west-1 # not ours\n  azureml-compute:computeClusters:\n    cpu-new:\n      vmSize: Standard_DS3_v2\n      maxNodes: 2\n";
        fs.writeFileSync(path.join(dir, "Pulumi.prod.yaml"), existing);
        const body = exampleBody("get/KubernetesCompute.json");
        body.properties.properties.instanceTypes = { defaultinstancetype: {} };
        body.properties.properties.defaultInstanceType = "defaultinstancetype";
        const file = write(dir, "k8s.json", body);
        const first = cli(["adopt", file, "--stack", "prod"], dir);
        assert.equal(first.code, 0, first.stderr);
        assert.equal(first.stdout, "");
        const text = fs.readFileSync(path.join(dir, "Pulumi.prod.yaml"), "utf8");
        assert.ok(
            text.startsWith(
                "# production\nconfig:\n  aws:region: eu-west-1 # not ours\n  azureml-compute:computeClusters:\n    cpu-new:\n",
            ),
            text,
        );
        assert.match(text, /\n {2}azureml-compute:inferenceClusters:\n {4}compute123:\n {6}adopt: true\n/);
        assert.match(
            text,
            /\n {2}azureml-compute:workspace:\n {4}workspaceName: workspaces123\n {4}resourceGroupName: testrg123\n {4}subscriptionId: 34adfa4f-cedf-4dc0-ba29-b6d1a69ab345\n {4}location: eastus\n/,
        );

        const again = cli(["adopt", file, "--stack", "prod"], dir);
        assert.equal(again.code, 1);
        assert.match(
            again.stderr,
            /^error: .*Pulumi\.prod\.yaml already declares azureml-compute:inferenceClusters\.compute123: a workspace has one compute of each name; remove it there first, or adopt into another stack$/m,
        );
        assert.equal(fs.readFileSync(path.join(dir, "Pulumi.prod.yaml"), "utf8"), text, "left as it was");
    });

    describe("values kept by Azure", () => {
        it("are never sent, and make the rules that need them pass, on an adopted compute", async () => {
            const monitor = await recordRegistrations();
            new ComputeCluster("gpu", {
                workspace: WS,
                vmSize: "Standard_DS3_v2",
                maxNodes: 1,
                adopt: true,
                admin: { username: "azureuser", password: KEPT_BY_AZURE, sshPublicKey: KEPT_BY_AZURE },
            });
            new AttachedCompute("dbx", {
                workspace: WS,
                type: "Databricks",
                resourceId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/dbx`,
                accessToken: KEPT_BY_AZURE,
                adopt: true,
            });
            await settle();
            const children = monitor.ofType("azure-native:machinelearningservices:Compute");
            const [cluster, dbx] = ["gpu", "dbx"].map((n) => children.find((c) => c.name === n));
            assert.deepEqual((cluster!.inputs.properties as any).properties.userAccountCredentials, {
                adminUserName: "azureuser",
            });
            assert.deepEqual(cluster!.secretPaths, []);
            assert.equal("databricksAccessToken" in ((dbx!.inputs.properties as any).properties ?? {}), false);
        });

        it("are refused without adopt, and where Azure returns the value", () => {
            assert.throws(
                () =>
                    new ComputeCluster("gpu", {
                        workspace: WS,
                        vmSize: KEPT_BY_AZURE,
                        maxNodes: 1,
                        admin: { username: "u", password: KEPT_BY_AZURE },
                    }),
                (e: unknown) =>
                    ComputeValidationError.isInstance(e) &&
                    e.message ===
                        'ComputeCluster "gpu" has 2 invalid inputs:\n' +
                            '  - vmSize: can\'t be "[kept by Azure]": Azure returns this value, so declare it (only admin.password, admin.sshPublicKey can be kept by Azure)\n' +
                            '  - admin.password: is "[kept by Azure]", which only an adopted compute (adopt: true) can be: give the value',
            );
        });

        it("are read from stack config as they are, not as secrets", () => {
            const [entry] = readStackConfig({
                "azureml-compute:workspace": JSON.stringify(WS),
                "azureml-compute:computeClusters": JSON.stringify({
                    gpu: {
                        vmSize: "Standard_DS3_v2",
                        maxNodes: 1,
                        adopt: true,
                        admin: { username: "u", password: KEPT_BY_AZURE },
                    },
                }),
            });
            assert.equal((entry!.args.admin as { password: unknown }).password, KEPT_BY_AZURE);
            assert.equal(pulumi.Output.isInstance((entry!.args.admin as { password: unknown }).password), false);
        });

        it("are declared only where the field map says Azure never returns the value, and every landing that transforms a value has a way back", () => {
            for (const { kind } of STACK_KINDS) {
                const allowed = notReturnedArgPaths(kind.fieldMap);
                for (const [name, target] of Object.entries<FieldTarget>(kind.fieldMap)) {
                    for (const [at, landing] of Object.entries(target.lands))
                        assert.ok(
                            landing.send === undefined || landing.back !== undefined,
                            `${kind.name}.${name} at ${at}: send without back`,
                        );
                }
                // Every leaf a way back marks as not reported must be one the kind may keep by Azure.
                const probe = Object.fromEntries(
                    Object.values<FieldTarget>(kind.fieldMap)
                        .flatMap((t) => Object.keys(t.lands))
                        .map((p) => [
                            p,
                            { sshPublicAccess: "Enabled", status: "Enabled", adminUserName: "u", username: "u" },
                        ]),
                );
                const nested: Record<string, unknown> = {};
                for (const [p, v] of Object.entries(probe)) {
                    const segments = p.split(".");
                    let at = nested;
                    for (const s of segments.slice(0, -1)) at = (at[s] ??= {}) as Record<string, unknown>;
                    at[segments[segments.length - 1]!] = v;
                }
                const marked: string[] = [];
                const walk = (v: unknown, p: string): void => {
                    if (v === NOT_REPORTED) marked.push(p);
                    else if (v && typeof v === "object")
                        for (const [k, x] of Object.entries(v)) walk(x, p ? `${p}.${k}` : k);
                };
                walk(readBack(kind.fieldMap, nested).args, "");
                for (const p of marked)
                    assert.ok(
                        allowed.includes(p),
                        `${kind.name}: ${p} is marked not reported but is not in ${allowed.join(", ")}`,
                    );
                assert.ok(
                    kind.name !== "ComputeCluster" || marked.includes("admin.password"),
                    "the probe reaches the admin account",
                );
            }
        });
    });

    describe("what no component declares", () => {
        const types = Object.keys(REST_FACTS).filter((t) => stackKindFor(t) !== undefined);

        it("explains every REST setting no component declares, for every managed compute type", () => {
            assert.deepEqual(types.sort(), [
                "AKS",
                "AmlCompute",
                "ComputeInstance",
                "DataLakeAnalytics",
                "Databricks",
                "HDInsight",
                "Kubernetes",
                "SynapseSpark",
                "VirtualMachine",
            ]);
            for (const type of types) {
                for (const setting of undeclaredSettings(stackKindFor(type)!, type)) {
                    assert.ok(
                        NOT_EXPRESSIBLE[type]?.[setting] ?? NOT_EXPRESSIBLE["*"]![setting],
                        `${type} ${setting}: declared by no component and not explained in adopt/notExpressible.ts`,
                    );
                }
            }
        });

        it("explains nothing a component declares (no stale reason)", () => {
            for (const [type, reasons] of Object.entries(NOT_EXPRESSIBLE)) {
                for (const setting of Object.keys(reasons)) {
                    const where = type === "*" ? types : [type];
                    for (const t of where)
                        assert.ok(
                            undeclaredSettings(stackKindFor(t)!, t).includes(setting),
                            `${t} ${setting} is explained as not declared, but a component declares it`,
                        );
                }
            }
        });

        it("gives adopt's warning the reason", () => {
            const body = exampleBody("get/KubernetesCompute.json");
            body.properties.properties.instanceTypes = {};
            delete body.properties.properties.defaultInstanceType;
            const warning = convert(readReported(JSON.stringify(body)).computes).findings.find((f) =>
                f.message.includes("extensionInstanceReleaseTrain"),
            );
            assert.equal(
                warning?.message,
                'properties.properties.extensionInstanceReleaseTrain is "stable", a setting the library can\'t declare (a setting of the Azure ML extension (az k8s-extension), not of the compute): the import keeps it, and the first pulumi up after it sends the compute without it (an update in place)',
            );
        });
    });
});
