/**
 * `azureml-compute plan` on projects made by the tests, as users write them: programs that wire compute to
 * resources they create and to getClientConfig, Pulumi.yaml config declarations, JavaScript programs, and what
 * the plan cannot run. The projects live in an ignored folder of the repository, so the plan runs them with
 * the library's sources (tests/plan/packagedInstall.test.ts runs one from an installed package instead).
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const PROJECTS = path.join(ROOT, ".tmp-projects");
const SUB = "00000000-1111-2222-3333-444444444444";

/** Writes a project (file name -> content) into a fresh folder and returns its path. */
function project(name: string, files: Record<string, string>): string {
    const dir = path.join(PROJECTS, name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
    return dir;
}

function plan(dir: string, ...args: string[]) {
    const result = spawnSync(
        process.execPath,
        [path.join(ROOT, "bin/azureml-compute.js"), "plan", "--cwd", dir, ...args],
        { cwd: ROOT, encoding: "utf8", env: { ...process.env, INIT_CWD: ROOT } },
    );
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const PULUMI_YAML = "name: my-ml\nruntime: nodejs\n";

/** A program as a user writes one: a subnet and an identity it creates, the caller's object id, an AKS cluster's id. */
const REALISTIC = (cluster: string) => `
import * as pulumi from "@pulumi/pulumi";
import { getClientConfigOutput } from "@pulumi/azure-native/authorization";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { Subnet, VirtualNetwork } from "@pulumi/azure-native/network";
import { ManagedCluster } from "@pulumi/azure-native/containerservice";
import { ComputeCluster, ComputeInstance, InferenceCluster } from "azureml-compute";

const config = new pulumi.Config();
const workspace = { workspaceName: "mlw-dev", resourceGroupName: "rg-ml", location: "westeurope" };
const vnet = new VirtualNetwork("vnet", { resourceGroupName: "rg-ml", addressSpace: { addressPrefixes: ["10.0.0.0/16"] } });
const subnet = new Subnet("training", { resourceGroupName: "rg-ml", virtualNetworkName: vnet.name, addressPrefix: "10.0.1.0/24" });
const uai = new UserAssignedIdentity("uai", { resourceGroupName: "rg-ml" });
const aks = new ManagedCluster("aks", { resourceGroupName: "rg-aks", dnsPrefix: "aks-ml" });
const me = getClientConfigOutput();

new ComputeCluster("cpu-train", {
    workspace, ${cluster}, subnet: subnet.id,
    identity: { type: "UserAssigned", userAssignedIdentities: [uai.id] },
});
new ComputeInstance("ci-me", { workspace, vmSize: config.get("instanceSize") ?? "Standard_DS3_v2", assignedUser: { objectId: me.objectId, tenantId: me.tenantId } });
new InferenceCluster("k8s", { workspace, computeType: "Kubernetes", clusterResourceId: aks.id });
`;

describe("plan command on users' projects", function () {
    this.timeout(60_000);
    after(() => fs.rmSync(PROJECTS, { recursive: true, force: true }));

    it("plans a program wired to resources it creates as pulumi preview would: exit 0, wired values unknown, invoke answers marked", () => {
        const dir = project("realistic", {
            "Pulumi.yaml": PULUMI_YAML,
            "Pulumi.dev.yaml": "config: {}\n",
            "index.ts": REALISTIC('vmSize: "Standard_DS3_v2", maxNodes: 4'),
        });
        const { code, stdout, stderr } = plan(dir, "--json");
        assert.equal(code, 0, stderr);
        const doc = JSON.parse(stdout);
        assert.equal(doc.valid, true);
        assert.deepEqual(
            doc.computes.map((c: { computeName: string }) => c.computeName),
            ["cpu-train", "ci-me", "k8s"],
        );
        const [cluster, instance, k8s] = doc.computes;
        assert.deepEqual(cluster.unknowns, ["identity", "properties.properties.subnet"]);
        assert.equal(cluster.inputs.properties.properties.subnet, "[unknown]");
        assert.deepEqual(k8s.unknowns, ["properties.resourceId"]);
        assert.deepEqual(instance.unknowns, []);
        assert.deepEqual(instance.placeholders, [
            "properties.properties.personalComputeInstanceSettings.assignedUser.objectId",
            "properties.properties.personalComputeInstanceSettings.assignedUser.tenantId",
        ]);
        assert.deepEqual(doc.invokes, [{ token: "azure-native:authorization:getClientConfig", answer: "placeholder" }]);
        assert.ok(!stdout.includes(`${"-id"}"`), "no fake id is invented");
    });

    it("still fails on a real mistake in the same program, naming each field: exit 1", () => {
        const dir = project("mistake", {
            "Pulumi.yaml": PULUMI_YAML,
            "Pulumi.dev.yaml": "config: {}\n",
            "index.ts": REALISTIC('vmSize: "Standard_NC6", minNodes: 5, maxNodes: 2'),
        });
        const { code, stderr } = plan(dir);
        assert.equal(code, 1);
        assert.match(
            stderr,
            /ComputeCluster "cpu-train" has 2 invalid inputs:\n {2}- vmSize: Standard_NC6 was retired on 2023-08-31; use a current size/,
        );
        assert.match(stderr, /\n {2}- maxNodes: must be at least minNodes \(5\)/);
    });

    it("gives the program Pulumi.yaml's config defaults, and refuses a declared key no stack sets", () => {
        const program =
            'import * as pulumi from "@pulumi/pulumi";\nimport { ComputeCluster } from "azureml-compute";\nconst c = new pulumi.Config();\nnew ComputeCluster("cpu-train", { workspace: { workspaceName: "mlw-dev", resourceGroupName: "rg-ml" }, vmSize: c.require("size"), maxNodes: c.requireNumber("maxNodes") });\n';
        const yaml = `${PULUMI_YAML}config:\n  size:\n    type: string\n    default: Standard_D4s_v3\n  maxNodes:\n    type: integer\n`;
        const ok = project("config-ok", {
            "Pulumi.yaml": yaml,
            "Pulumi.dev.yaml": "config:\n  my-ml:maxNodes: 3\n",
            "index.ts": program,
        });
        const good = plan(ok, "--json");
        assert.equal(good.code, 0, good.stderr);
        assert.equal(JSON.parse(good.stdout).computes[0].settings.size, "Standard_D4s_v3");

        const missing = project("config-missing", {
            "Pulumi.yaml": yaml,
            "Pulumi.dev.yaml": "config: {}\n",
            "index.ts": program,
        });
        const bad = plan(missing);
        assert.equal(bad.code, 1);
        assert.match(
            bad.stderr,
            /Project config \(Pulumi\.yaml\):\n {2}- my-ml:maxNodes: is declared in Pulumi\.yaml \(type integer\) with no default, and Pulumi\.dev\.yaml does not set it: pulumi config set maxNodes <value>/,
        );

        const wrongType = project("config-type", {
            "Pulumi.yaml": yaml,
            "Pulumi.dev.yaml": 'config:\n  my-ml:maxNodes: "three"\n',
            "index.ts": program,
        });
        assert.match(
            plan(wrongType).stderr,
            /my-ml:maxNodes: must be of type integer \(as Pulumi\.yaml declares it\), got string/,
        );
    });

    it("says which invoke it can't answer and how to give the answer, then uses the answer given", () => {
        const program =
            'import { getSubnetOutput } from "@pulumi/azure-native/network";\nimport { ComputeCluster } from "azureml-compute";\nconst s = getSubnetOutput({ resourceGroupName: "rg", virtualNetworkName: "v", subnetName: "s" });\nnew ComputeCluster("cpu-train", { workspace: { workspaceName: "mlw-dev", resourceGroupName: "rg-ml" }, vmSize: "Standard_DS3_v2", maxNodes: 2, subnet: s.apply((x) => x.id!) });\n';
        const dir = project("invoke", {
            "Pulumi.yaml": PULUMI_YAML,
            "Pulumi.dev.yaml": "config: {}\n",
            "index.ts": program,
        });
        const refused = plan(dir);
        assert.equal(refused.code, 1);
        assert.match(
            refused.stderr,
            /^the offline plan can't answer the invoke azure-native:network:getSubnet \(there is no Azure to ask\): give its result with --invoke-results FILE/m,
        );
        assert.doesNotMatch(refused.stderr, /\n\s+at /, "no stack trace");
        const subnetId = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s`;
        fs.writeFileSync(
            path.join(dir, "answers.json"),
            JSON.stringify({ "azure-native:network:getSubnet": { id: subnetId } }),
        );
        const answered = plan(dir, "--json", "--invoke-results", path.join(dir, "answers.json"));
        assert.equal(answered.code, 0, answered.stderr);
        const doc = JSON.parse(answered.stdout);
        assert.equal(doc.computes[0].inputs.properties.properties.subnet.id, subnetId);
        assert.deepEqual(doc.invokes, [{ token: "azure-native:network:getSubnet", answer: "given" }]);
    });

    it("calls a program that exports a function, and waits for compute declared after a timer", () => {
        const cluster = (name: string, maxNodes: number) =>
            `new ComputeCluster("${name}", { workspace: { workspaceName: "mlw-dev", resourceGroupName: "rg-ml" }, vmSize: "Standard_DS3_v2", maxNodes: ${maxNodes} });`;
        const dir = project("exported-function", {
            "Pulumi.yaml": "name: my-fn\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n",
            "Pulumi.dev.yaml": "config: {}\n",
            "index.js": `const { ComputeCluster } = require("azureml-compute");\nmodule.exports = async () => {\n  await new Promise((r) => setTimeout(r, 300));\n  ${cluster("cpu-late", -5)}\n};\n`,
        });
        const { code, stderr } = plan(dir);
        assert.equal(code, 1);
        assert.match(
            stderr,
            /ComputeCluster "cpu-late" has 1 invalid input:\n {2}- maxNodes: must be at least 0; got -5/,
        );
    });

    it("reads Pulumi.yaml as the CLI does: values as text, secret declarations, stackConfigDir, index.js before index.ts", () => {
        const program = (file: string) =>
            `const pulumi = require("@pulumi/pulumi");\nconst { ComputeCluster } = require("azureml-compute");\nconst c = new pulumi.Config();\nnew ComputeCluster("${file}", { workspace: { workspaceName: "mlw-dev", resourceGroupName: "rg-ml" }, vmSize: "Standard_DS3_v2", maxNodes: c.requireNumber("maxNodes") });\n`;
        const yaml = `${PULUMI_YAML}stackConfigDir: stacks\nconfig:\n  maxNodes:\n    type: integer\n  spare:\n    type: boolean\n    default: false\n  token:\n    type: string\n    secret: true\n    default: none\n`;
        const dir = project("cli-reading", {
            "Pulumi.yaml": yaml,
            "index.js": program("from-js"),
            "index.ts": program("from-ts"),
        });
        fs.mkdirSync(path.join(dir, "stacks"));
        fs.writeFileSync(
            path.join(dir, "stacks", "Pulumi.dev.yaml"),
            'config:\n  my-ml:maxNodes: "3"\n  my-ml:spare: "true"\n',
        );
        const good = plan(dir, "--json");
        assert.equal(good.code, 0, good.stderr);
        const doc = JSON.parse(good.stdout);
        assert.deepEqual(
            doc.computes.map((c: { computeName: string }) => c.computeName),
            ["from-js"],
        );
        assert.equal(doc.computes[0].settings.nodes, "0-3");
        fs.writeFileSync(
            path.join(dir, "stacks", "Pulumi.dev.yaml"),
            "config:\n  my-ml:maxNodes: 3\n  my-ml:token: plain-text\n",
        );
        const bad = plan(dir);
        assert.equal(bad.code, 1);
        assert.match(
            bad.stderr,
            /my-ml:token: must be encrypted, as Pulumi\.yaml declares it secret: pulumi config set --secret token <value>/,
        );
    });

    it("marks a placeholder workspace region where it lands", () => {
        const program =
            'import { getWorkspaceOutput } from "@pulumi/azure-native/machinelearningservices";\nimport { ComputeInstance } from "azureml-compute";\nconst ws = getWorkspaceOutput({ resourceGroupName: "rg-ml", workspaceName: "mlw-dev" });\nnew ComputeInstance("ci-ops", { workspace: { workspaceName: "mlw-dev", resourceGroupName: "rg-ml", location: ws.location.apply((l) => l!) }, vmSize: "Standard_DS3_v2" });\n';
        const dir = project("placeholder-region", {
            "Pulumi.yaml": PULUMI_YAML,
            "Pulumi.dev.yaml": "config: {}\n",
            "index.ts": program,
        });
        const { code, stdout, stderr } = plan(dir, "--json");
        assert.equal(code, 0, stderr);
        assert.deepEqual(JSON.parse(stdout).computes[0].placeholders, ["location"]);
    });

    it("runs a plain JavaScript program (runtime.options.typescript: false)", () => {
        const dir = project("javascript", {
            "Pulumi.yaml": "name: my-js\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n",
            "Pulumi.dev.yaml": "config: {}\n",
            "index.js":
                'const { ComputeCluster } = require("azureml-compute");\nnew ComputeCluster("cpu-train", { workspace: { workspaceName: "mlw-dev", resourceGroupName: "rg-ml" }, vmSize: "Standard_DS3_v2", maxNodes: 2 });\n',
        });
        const { code, stdout, stderr } = plan(dir);
        assert.equal(code, 0, stderr);
        assert.match(stdout, /^Stack dev \(project my-js\): 1 compute target$/m);
    });

    it("says what it can't run, with exit 2 and no stack trace: a YAML or Python program, an ES module", () => {
        for (const runtime of ["yaml", "python"]) {
            const dir = project(`runtime-${runtime}`, {
                "Pulumi.yaml": `name: other\nruntime: ${runtime}\n`,
                "Pulumi.dev.yaml": "config: {}\n",
            });
            const { code, stderr } = plan(dir);
            assert.equal(code, 2);
            assert.match(
                stderr,
                new RegExp(
                    `runtime "${runtime}": the offline plan runs Node.js programs only; run pulumi preview for this project`,
                ),
            );
        }
        const esm = project("esm", {
            "Pulumi.yaml": PULUMI_YAML,
            "Pulumi.dev.yaml": "config: {}\n",
            "package.json": '{"type": "module"}',
            "index.ts": "export {};\n",
        });
        const { code, stderr } = plan(esm);
        assert.equal(code, 2);
        assert.match(
            stderr,
            /"type": "module": the offline plan loads CommonJS programs only; run pulumi preview for an ES module program/,
        );
        assert.doesNotMatch(stderr, /\n\s+at /);
    });

    it("shows which computes would be adopted, with the ARM id they are imported from", () => {
        const dir = project("adopting", {
            "Pulumi.yaml": PULUMI_YAML,
            "Pulumi.dev.yaml": "config: {}\n",
            "index.ts": `
import { ComputeCluster } from "azureml-compute";
const workspace = { workspaceName: "mlw-dev", resourceGroupName: "rg-ml", subscriptionId: "${SUB}" };
new ComputeCluster("cpu-old", { workspace, vmSize: "Standard_DS3_v2", maxNodes: 2, adopt: true });
new ComputeCluster("cpu-new", { workspace, vmSize: "Standard_DS3_v2", maxNodes: 2 });
`,
        });
        const id = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev/computes/cpu-old`;
        const json = plan(dir, "--json");
        assert.equal(json.code, 0, json.stderr);
        const doc = JSON.parse(json.stdout) as { computes: { computeName: string; adoptedFrom: string | null }[] };
        assert.deepEqual(
            doc.computes.map((c) => [c.computeName, c.adoptedFrom]),
            [
                ["cpu-old", id],
                ["cpu-new", null],
            ],
        );
        const text = plan(dir);
        assert.ok(
            text.stdout.includes(
                `Adopted: imported on the first pulumi up, not created (declare what exists: a difference that replaces the compute stops the import):\n  cpu-old: ${id}\n`,
            ),
            text.stdout,
        );
    });
});
