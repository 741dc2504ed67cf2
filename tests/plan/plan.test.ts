/**
 * The offline plan, run as users run it (`npm run plan -- ...`, here the same script in a child process)
 * on the repository's stacks, the examples and a deliberately broken stack.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { parsePlanArgs, UsageError } from "../../plan/args";
import { readProject, readStack } from "../../plan/project";
import { PLAN_FORMAT_VERSION } from "../../plan/report";
import { isSecretStandIn } from "../../components/core/validation/validate";
import { COMPUTE_CLUSTER_IMMUTABLE } from "../../components";
import type { ResourceValidation, ResourceValidationArgs } from "@pulumi/policy";
import { POLICIES } from "../../policy/policies";

const ROOT = path.resolve(__dirname, "../..");
const BROKEN = path.join(ROOT, "tests/fixtures/broken-stack");

function plan(...args: string[]): { code: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [path.join(ROOT, "bin/azureml-compute.js"), "plan", ...args], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, INIT_CWD: ROOT },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("plan command", function () {
    this.timeout(60000);

    it("prints the dev stack's compute and exits 0", () => {
        const { code, stdout } = plan("--stack", "dev");
        assert.equal(code, 0);
        assert.match(stdout, /^Stack dev \(project azureml-compute\): 4 compute targets$/m);
        assert.match(
            stdout,
            /^ {2}ComputeCluster +cpu-dev +AmlCompute +size=Standard_DS3_v2 priority=LowPriority nodes=0-2 idle=PT5M /m,
        );
        assert.match(
            stdout,
            /^ {2}ComputeInstance +ci-alice-dev +ComputeInstance +size=Standard_DS3_v2 ssh=Disabled user=11111111-2222-3333-4444-555555555555 idleShutdown=PT30M schedules=1 /m,
        );
        assert.match(
            stdout,
            /^ {2}InferenceCluster +aks-devtest +AKS +cluster=new size=Standard_DS3_v2 nodes=1 purpose=DevTest ssl=Disabled loadBalancer=PublicIp$/m,
        );
        assert.match(stdout, /^ {2}gpu-dev: workspace, computeName, vmSize, vmPriority, subnet, admin, /m);
    });

    it("writes only the JSON document to stdout with --json, secrets hidden", () => {
        const { code, stdout } = plan("--stack", "prod", "--json");
        assert.equal(code, 0);
        const doc = JSON.parse(stdout);
        assert.equal(doc.version, PLAN_FORMAT_VERSION);
        assert.equal(doc.valid, true);
        assert.deepEqual(
            doc.computes.map((c: { computeName: string }) => c.computeName),
            ["cpu-prod", "gpu-prod", "ci-ops-prod", "aks-prod", "dsvm-prod"],
        );
        const gpu = doc.computes[1];
        assert.equal(gpu.component, "ComputeCluster");
        assert.equal(gpu.computeType, "AmlCompute");
        assert.deepEqual(gpu.replaceOnChanges, [...COMPUTE_CLUSTER_IMMUTABLE]);
        // The admin's public key is secret, as the REST spec marks it.
        assert.deepEqual(gpu.secrets, ["properties.properties.userAccountCredentials.adminUserSshPublicKey"]);
        assert.equal(gpu.settings.nodes, "0-8");
        assert.equal(gpu.settings.admin, "azureuser, ssh key");
        assert.ok(!stdout.includes("v1:"), "the ciphertext is not printed");
        assert.ok(!stdout.includes("not decrypted by the offline plan"), "the stand-in is shown as [secret]");
        assert.match(
            doc.notes[0],
            /^3 secure config values were not decrypted \(that needs the Pulumi CLI\): azureml-compute:inferenceClusters.aks-prod.ssl.cert, /,
        );
        const aks = doc.computes[3];
        assert.deepEqual(aks.secrets, [
            "properties.properties.sslConfiguration.cert",
            "properties.properties.sslConfiguration.key",
        ]);
        assert.equal(aks.inputs.properties.properties.sslConfiguration.key, "[secret]");
        assert.equal(aks.settings.purpose, "FastProd");
        // Only the args that apply to the compute's type: no Kubernetes namespace on AKS compute.
        assert.deepEqual(aks.replacingFields, [
            "workspace",
            "computeName",
            "computeType",
            "clusterResourceId",
            "vmSize",
            "clusterPurpose",
            "location",
            "network",
        ]);
        const dsvm = doc.computes[4];
        assert.equal(dsvm.component, "AttachedCompute");
        assert.equal(dsvm.computeType, "VirtualMachine");
        assert.deepEqual(dsvm.secrets, ["properties.properties.administratorAccount.privateKeyData"]);
        assert.equal(dsvm.settings.account, "azureuser, private key [secret]");
        assert.deepEqual(dsvm.replacingFields, [
            "workspace",
            "computeName",
            "type",
            "resourceId",
            "address",
            "sshPort",
            "credentials",
        ]);
    });

    it("fails a broken stack with exit 1, naming every config path", () => {
        const { code, stdout, stderr } = plan("--cwd", BROKEN);
        assert.equal(code, 1);
        assert.equal(stdout, "");
        assert.equal(
            stderr,
            [
                "Stack dev (project azureml-compute) is not valid:",
                "",
                'Stack "dev" config has 4 invalid inputs:',
                '  - azureml-compute:computeCluster: unknown config key "computeCluster" (did you mean "computeClusters"?)',
                "  - azureml-compute:computeClusters.gpu-train.maxNodes: must be at least minNodes (4)",
                '  - azureml-compute:computeClusters.cpu-small: unknown field "vmPriorty" (did you mean "vmPriority"?)',
                '  - azureml-compute:computeClusters.cluster-1: "cluster-1": a "-" must be followed by at least one letter later in the name',
                "",
            ].join("\n"),
        );
    });

    it("reports a broken stack in the JSON document too", () => {
        const { code, stdout } = plan("--cwd", BROKEN, "--json");
        assert.equal(code, 1);
        const doc = JSON.parse(stdout);
        assert.equal(doc.valid, false);
        assert.deepEqual(doc.errors[1], {
            subject: 'Stack "dev" config',
            path: "azureml-compute:computeClusters.gpu-train.maxNodes",
            message: "must be at least minNodes (4)",
            code: "compute-cluster/max-nodes-below-min",
        });
    });

    it("plans the full-workspace example, whose compute takes the workspace, a subnet, an identity and the caller from the program", () => {
        const { code, stdout } = plan("--cwd", "examples/full-workspace", "--json");
        assert.equal(code, 0);
        const doc = JSON.parse(stdout);
        assert.deepEqual(
            doc.computes.map((c: { computeName: string }) => c.computeName),
            ["cpu-cluster", "gpu-cluster", "ci-owner"],
        );
        // The workspace's name is fixed by its input, so known in preview; the subnet's and identity's ids are not.
        assert.equal(doc.computes[0].inputs.workspaceName, "mlw-mlfulldev");
        assert.deepEqual(doc.computes[1].unknowns, ["identity", "properties.properties.subnet"]);
        assert.deepEqual(doc.computes[2].placeholders, [
            "properties.properties.personalComputeInstanceSettings.assignedUser.objectId",
            "properties.properties.personalComputeInstanceSettings.assignedUser.tenantId",
        ]);
        assert.deepEqual(doc.otherResources.map((r: { type: string }) => r.type).sort(), [
            "azure-native:applicationinsights:Component",
            "azure-native:keyvault:Vault",
            "azure-native:machinelearningservices:Workspace",
            "azure-native:managedidentity:UserAssignedIdentity",
            "azure-native:network:Subnet",
            "azure-native:network:VirtualNetwork",
            "azure-native:resources:ResourceGroup",
            "azure-native:storage:StorageAccount",
        ]);
    });

    it("plans the quickstart example, wired to a subnet and an identity it creates and to the caller", () => {
        const { code, stdout, stderr } = plan("--cwd", "examples/quickstart", "--json");
        assert.equal(code, 0, stderr);
        const doc = JSON.parse(stdout);
        const byName = Object.fromEntries(doc.computes.map((c: { computeName: string }) => [c.computeName, c]));
        assert.deepEqual(byName["gpu-train"].unknowns, ["identity", "properties.properties.subnet"]);
        assert.equal(byName["ci-alice"].placeholders.length, 2);
        assert.deepEqual(doc.invokes.map((i: { token: string }) => i.token).sort(), [
            "azure-native:authorization:getClientConfig",
            "azure-native:machinelearningservices:getCompute",
        ]);
    });

    it("waits for inputs that resolve late, and keeps stdout for the JSON document", () => {
        const { code, stdout, stderr } = plan("--cwd", path.join(ROOT, "tests/fixtures/late-program"), "--json");
        assert.equal(code, 1);
        const doc = JSON.parse(stdout);
        assert.deepEqual(doc.errors, [
            {
                subject: 'ComputeCluster "late-cpu"',
                path: "maxNodes",
                message: "must be at least minNodes (4)",
                code: "compute-cluster/max-nodes-below-min",
            },
        ]);
        assert.match(stderr, /a program writing to stdout/);
    });

    for (const stack of ["dev", "prod"]) {
        it(`the ${stack} stack passes every mandatory policy of the policy pack`, () => {
            const doc = JSON.parse(plan("--stack", stack, "--json").stdout);
            const violations: string[] = [];
            for (const compute of doc.computes) {
                for (const policy of POLICIES.filter((p) => p.enforcementLevel === "mandatory")) {
                    const args = {
                        type: "azure-native:machinelearningservices:Compute",
                        props: compute.inputs,
                        urn: `urn:pulumi:${stack}::azureml-compute::azure-native:machinelearningservices:Compute::${compute.name}`,
                        name: compute.name,
                        getConfig: () => ({}),
                    } as unknown as ResourceValidationArgs;
                    (policy.validateResource as ResourceValidation)(
                        args,
                        (m) => void violations.push(`${policy.name}: ${m}`),
                    );
                }
            }
            assert.deepEqual(violations, []);
        });
    }

    const usage: [string[], string][] = [
        [
            ["--stack", "staging"],
            `plan: no stack "staging": ${path.join(ROOT, "Pulumi.staging.yaml")} does not exist (stacks here: dev, prod)`,
        ],
        [["--verbose"], 'plan: unknown flag "--verbose"'],
        [
            ["--cwd", "tests"],
            `plan: no Pulumi.yaml in ${path.join(ROOT, "tests")}: --cwd must be a Pulumi project directory`,
        ],
    ];
    for (const [args, message] of usage) {
        it(`exits 2 for ${args.join(" ")}`, () => {
            const { code, stderr } = plan(...args);
            assert.equal(code, 2);
            assert.equal(stderr.split("\n")[0], message);
        });
    }
});

describe("plan arguments", () => {
    it("defaults to the dev stack of the given directory", () =>
        assert.deepEqual(parsePlanArgs([], "/p"), { stack: "dev", cwd: "/p", json: false, help: false }));
    it("takes --flag value and --flag=value", () =>
        assert.deepEqual(parsePlanArgs(["--stack=prod", "--cwd", "x", "--json"], "/p"), {
            stack: "prod",
            cwd: "x",
            json: true,
            help: false,
        }));
    const bad: [string[], string][] = [
        [["--stack"], "--stack needs a value"],
        [["--stack", "a/b"], '--stack "a/b": a stack name has only letters, digits, "_", "-" and "."'],
        [["prod"], 'unknown argument "prod"'],
    ];
    for (const [args, message] of bad) {
        it(`refuses ${args.join(" ")}`, () =>
            assert.throws(
                () => parsePlanArgs(args, "/p"),
                (e: Error) => e instanceof UsageError && e.message === message,
            ));
    }
});

describe("stack files", () => {
    it("namespaces bare keys with the project, keeps objects as JSON, and replaces secure values", () => {
        const project = readProject(ROOT);
        assert.equal(project.name, "azureml-compute");
        assert.equal(project.main, path.join(ROOT, "index.ts"));
        const stack = readStack(project, "prod");
        assert.deepEqual(stack.secretKeys, ["azureml-compute:inferenceClusters", "azureml-compute:attachedComputes"]);
        assert.deepEqual(stack.securePaths, [
            "azureml-compute:inferenceClusters.aks-prod.ssl.cert",
            "azureml-compute:inferenceClusters.aks-prod.ssl.key",
            "azureml-compute:attachedComputes.dsvm-prod.credentials.privateKey",
        ]);
        const attached = JSON.parse(stack.config["azureml-compute:attachedComputes"]!);
        assert.ok(isSecretStandIn(attached["dsvm-prod"].credentials.privateKey));
        assert.equal(
            readStack(readProject(path.join(ROOT, "examples/quickstart")), "dev").config[
                "quickstart-example:workspaceName"
            ],
            "mlw-dev",
        );
    });
});
