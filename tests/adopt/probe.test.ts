/**
 * `azureml-compute adopt` on what a review probe fed it, as users would: secrets in odd places, strings YAML
 * reads as dates, Azure's own order of lists, identity "None", and stack files that are not as adopt wrote them.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { convert } from "../../adopt/convert";
import { readReported } from "../../adopt/reported";
import { cli } from "./roundTrip.test";

const SUB = "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345";
const WS = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw`;
const UAI = (n: string) =>
    `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${n}`;

function body(
    name: string,
    computeType: string,
    properties: Record<string, unknown>,
    extra: Record<string, unknown> = {},
): Record<string, unknown> {
    return {
        id: `${WS}/computes/${name}`,
        name,
        location: "westeurope",
        ...extra,
        properties: { computeType, properties },
    };
}
const INSTANCE = {
    vmSize: "Standard_DS3_v2",
    applicationSharingPolicy: "Shared",
    sshSettings: { sshPublicAccess: "Disabled" },
    enableNodePublicIp: true,
    enableSSO: true,
};

function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), "adopt-probe-"));
}

const errorsOf = (bodies: unknown) =>
    convert(readReported(JSON.stringify(bodies)).computes).findings.filter((f) => f.severity === "error");

describe("azureml-compute adopt, probed", function () {
    this.timeout(60_000);

    it("never prints a secret: not from a file that is not JSON, nor under a key spelled in another case", () => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, "bad.json"), `{ "adminUserPassword": 'Sup3rS3cret!' }`);
        const bad = cli(["adopt", "bad.json"], dir);
        assert.equal(bad.code, 1);
        assert.doesNotMatch(bad.stderr, /Sup3r/);
        const cluster = body("cpu", "AmlCompute", {
            vmSize: "Standard_DS3_v2",
            scaleSettings: { maxNodeCount: 1 },
            userAccountCredentials: { adminUserName: "azureuser", AdminUserPassword: "S3cretPW_case!" },
        });
        fs.writeFileSync(path.join(dir, "case.json"), JSON.stringify(cluster));
        const run = cli(["adopt", "case.json"], dir);
        assert.doesNotMatch(`${run.stdout}${run.stderr}`, /S3cretPW_case!/);
        assert.match(run.stderr, /AdminUserPassword: Azure reports "\[secret, not shown\]"/);
    });

    it("quotes strings the Pulumi CLI's YAML would read as dates or numbers", () => {
        const dir = tempDir();
        fs.writeFileSync(
            path.join(dir, "tags.json"),
            JSON.stringify(
                body("ci-dev", "ComputeInstance", INSTANCE, { tags: { created: "2026-01-05", k: "1_000", on: "yes" } }),
            ),
        );
        const run = cli(["adopt", "tags.json"], dir);
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /\n {8}created: "2026-01-05"\n {8}k: "1_000"\n {8}"on": "yes"\n/);
        assert.deepEqual(
            parse(run.stdout, { version: "1.1" }).config["azureml-compute:computeInstances"]["ci-dev"].tags,
            { created: "2026-01-05", k: "1_000", on: "yes" },
        );
    });

    it("adopts an instance whose schedules and identities Azure holds in another order than the library's, and identity None", () => {
        const schedules = {
            computeStartStop: [
                {
                    action: "Stop",
                    status: "Enabled",
                    triggerType: "Recurrence",
                    recurrence: {
                        frequency: "Week",
                        interval: 1,
                        timeZone: "UTC",
                        schedule: { hours: [19], minutes: [0], weekDays: ["Friday", "Monday"] },
                    },
                },
                {
                    action: "Start",
                    status: "Enabled",
                    triggerType: "Cron",
                    cron: { expression: "0 8 * * 1", timeZone: "UTC" },
                },
            ],
        };
        const identity = { type: "UserAssigned", userAssignedIdentities: { [UAI("zeta")]: {}, [UAI("alpha")]: {} } };
        assert.deepEqual(errorsOf([body("ci-order", "ComputeInstance", { ...INSTANCE, schedules }, { identity })]), []);
        assert.deepEqual(errorsOf([body("ci-none", "ComputeInstance", INSTANCE, { identity: { type: "None" } })]), []);
    });

    it("drops an own __proto__ key and az resource show's resourceGroup without a crash or a bogus warning", () => {
        const raw = `{"id":"${WS}/computes/ci-dev","name":"ci-dev","resourceGroup":"rg-ml","location":"westeurope","__proto__":{"x":1},"properties":{"computeType":"ComputeInstance","properties":${JSON.stringify(INSTANCE)}}}`;
        const read = readReported(raw);
        assert.deepEqual(read.problems, ['__proto__: an own "__proto__" key is no property of a compute; left out']);
        const findings = convert(read.computes).findings;
        assert.deepEqual(
            findings.filter((f) => f.severity !== "note"),
            [],
        );
    });

    describe("--stack into a stack file as users keep them", () => {
        const cluster = body("cpu-train", "AmlCompute", {
            vmSize: "Standard_DS3_v2",
            vmPriority: "Dedicated",
            osType: "Linux",
            enableNodePublicIp: true,
            remoteLoginPortPublicAccess: "Disabled",
            scaleSettings: { minNodeCount: 0, maxNodeCount: 2, nodeIdleTimeBeforeScaleDown: "PT2M" },
        });

        it("adds the subscription to the same workspace declared without it, names in another case", () => {
            const dir = tempDir();
            fs.writeFileSync(
                path.join(dir, "Pulumi.prod.yaml"),
                "config:\n  azureml-compute:workspace:\n    resourceGroupName: RG-ML\n    workspaceName: mlw\n    location: West Europe\n",
            );
            fs.writeFileSync(path.join(dir, "c.json"), JSON.stringify(cluster));
            const run = cli(["adopt", "c.json", "--stack", "prod"], dir);
            assert.equal(run.code, 0, run.stderr);
            const config = parse(fs.readFileSync(path.join(dir, "Pulumi.prod.yaml"), "utf8")).config;
            assert.deepEqual(config["azureml-compute:workspace"], {
                resourceGroupName: "RG-ML",
                workspaceName: "mlw",
                location: "West Europe",
                subscriptionId: SUB,
            });
            assert.ok(config["azureml-compute:computeClusters"]["cpu-train"].adopt);
        });

        it("refuses a name another kind of compute has in the file, and a file whose config is empty is fine", () => {
            const dir = tempDir();
            fs.writeFileSync(path.join(dir, "c.json"), JSON.stringify(cluster));
            fs.writeFileSync(
                path.join(dir, "Pulumi.prod.yaml"),
                "config:\n  azureml-compute:computeInstances:\n    cpu-train:\n      vmSize: Standard_DS3_v2\n",
            );
            const taken = cli(["adopt", "c.json", "--stack", "prod"], dir);
            assert.equal(taken.code, 1);
            assert.match(
                taken.stderr,
                /already declares azureml-compute:computeInstances\.cpu-train: a workspace has one compute of each name/,
            );
            fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n");
            assert.equal(cli(["adopt", "c.json", "--stack", "dev"], dir).code, 0);
            assert.ok(
                parse(fs.readFileSync(path.join(dir, "Pulumi.dev.yaml"), "utf8")).config[
                    "azureml-compute:computeClusters"
                ]["cpu-train"],
            );
        });

        it("refuses a stack path for a name, and a folder that does not exist, as usage errors", () => {
            const dir = tempDir();
            fs.writeFileSync(path.join(dir, "c.json"), JSON.stringify(cluster));
            const slash = cli(["adopt", "c.json", "--stack", "myorg/my-ml/prod"], dir);
            assert.equal(slash.code, 2);
            assert.match(slash.stderr, /^adopt: --stack takes a stack's name as in Pulumi\.<name>\.yaml/);
            const nowhere = cli(["adopt", "c.json", "--stack", "prod", "--cwd", "missing"], dir);
            assert.equal(nowhere.code, 2);
            assert.equal(nowhere.stderr, "adopt: --cwd missing is not a folder\n");
        });
    });
});
