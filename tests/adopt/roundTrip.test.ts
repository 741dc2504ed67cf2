/**
 * `azureml-compute adopt` end to end, as a user runs it: REST bodies in, a stack file out, then the offline plan
 * of that stack (a user's program with `declareStack`, and the repository's own program). What the plan would
 * send must equal what Azure reported, leaf by leaf, except exactly the differences adopt announced.
 *
 * The bodies: the REST examples' GET bodies (shared/reference), with well-formed values where they hold refused
 * ones, and tests/fixtures/adopt/workspace.json for what the examples lack.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { readReported } from "../../adopt/reported";
import { leaves } from "../../adopt/convert";

const ROOT = path.resolve(__dirname, "../..");
export const EXAMPLES = path.join(ROOT, "../shared/reference/rest-examples-2025-12-01/Compute");
const PROJECTS = path.join(ROOT, ".tmp-projects");
const SUB = "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345";
const SUBNET = `/subscriptions/${SUB}/resourceGroups/testrg123/providers/Microsoft.Network/virtualNetworks/vnet-ml/subnets/default`;

/** An example's response body. */
export function exampleBody(file: string, status = "200"): Record<string, any> {
    return JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), "utf8")).responses[status].body;
}

export function cli(args: readonly string[], cwd = ROOT) {
    const run = spawnSync(process.execPath, [path.join(ROOT, "bin/azureml-compute.js"), ...args], {
        cwd,
        encoding: "utf8",
        env: { ...process.env, INIT_CWD: cwd },
    });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A compute body renamed (id and name), so the examples' computes can share one workspace. */
function renamed(body: Record<string, any>, name: string): Record<string, any> {
    return { ...body, name, id: body.id.replace(/\/computes\/[^/]+$/, `/computes/${name}`) };
}

/** The examples' GET bodies with well-formed values in place of the ones the library refuses (the other test names them). */
function wellFormedExamples(): Record<string, any>[] {
    const cluster = renamed(exampleBody("get/AmlCompute.json"), "cluster123");
    cluster.properties.properties.subnet = { id: SUBNET };
    const instance = renamed(exampleBody("get/ComputeInstance.json"), "instance123");
    instance.properties.properties.subnet = { id: SUBNET };
    // The example enables SSH on an instance created for another user, which Azure ML does not take: no SSH here.
    instance.properties.properties.sshSettings.sshPublicAccess = "Disabled";
    // Azure reports the public IP setting of instances made since its introduction; the 2021 example predates it.
    instance.properties.properties.enableNodePublicIp = true;
    const aks = { ...renamed(exampleBody("get/AKSCompute.json"), "aks123"), location: "eastus2" };
    const k8s: Record<string, any> = {
        ...renamed(exampleBody("get/KubernetesCompute.json"), "k8s123"),
        location: "eastus2",
    };
    // Azure ML's extension names the default instance type defaultinstancetype (a Kubernetes name: lower case).
    const k8sProps = k8s.properties.properties;
    k8sProps.instanceTypes = { defaultinstancetype: k8sProps.instanceTypes.defaultInstanceType };
    k8sProps.defaultInstanceType = "defaultinstancetype";
    return [cluster, instance, aks, k8s];
}

function project(name: string, stackFile?: string): string {
    const dir = path.join(PROJECTS, name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: my-ml\nruntime: nodejs\n");
    fs.writeFileSync(
        path.join(dir, "index.ts"),
        'import { declareStack } from "azureml-compute";\nexport const computes = declareStack();\n',
    );
    if (stackFile !== undefined) fs.writeFileSync(path.join(dir, "Pulumi.prod.yaml"), stackFile);
    return dir;
}

interface Planned {
    readonly computeName: string;
    readonly inputs: Record<string, unknown>;
    readonly importId: string | undefined;
    readonly adoptedFrom?: string;
}

const facts: Record<string, { readOnly: string[]; defaults: Record<string, unknown> }> = JSON.parse(
    fs.readFileSync(path.join(ROOT, "adopt/data/restFacts.json"), "utf8"),
).computeTypes;
const pattern = (p: string, end: string) =>
    new RegExp(`^${p.replace(/[.]/g, "\\.").replace(/\[\]/g, "\\[\\d+\\]").replace(/\*/g, "[^.]+")}${end}`);

/**
 * Where what the plan sends differs from what Azure reported, as paths: read-only leaves are not compared, and
 * a REST default the plan sends where Azure reports nothing is no difference (azure-native's diff skips it).
 */
function differences(
    computeType: string,
    reported: Record<string, unknown>,
    planned: Record<string, unknown>,
): string[] {
    const readOnly = facts[computeType]!.readOnly.map((p) => pattern(p, "(?=$|[.[])"));
    const defaults = Object.entries(facts[computeType]!.defaults).map(([p, v]) => [pattern(p, "$"), v] as const);
    const want = new Map(leaves(reported).filter(([p]) => !readOnly.some((r) => r.test(p))));
    const got = new Map(leaves(planned));
    const isDefault = (p: string) =>
        !want.has(p) && defaults.some(([r, v]) => r.test(p) && JSON.stringify(v) === JSON.stringify(got.get(p)));
    const paths = [...new Set([...want.keys(), ...got.keys()])];
    return paths.filter((p) => JSON.stringify(want.get(p)) !== JSON.stringify(got.get(p)) && !isDefault(p)).sort();
}

describe("azureml-compute adopt, round trip through the offline plan", function () {
    this.timeout(120_000);
    after(() => fs.rmSync(PROJECTS, { recursive: true, force: true }));

    const bodies = [
        ...wellFormedExamples(),
        ...JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/adopt/workspace.json"), "utf8")).value,
    ];

    /** Per compute: the paths where the plan's payload may differ from what Azure reported, each announced by adopt. */
    const ANNOUNCED: Record<string, { readonly paths: readonly string[]; readonly says: RegExp }[]> = {
        instance123: [
            {
                paths: ["properties.properties.computeInstanceAuthorizationType"],
                says: /computeInstanceAuthorizationType is "personal", Azure's default/,
            },
        ],
        aks123: [
            {
                paths: ["properties.properties.sslConfiguration.status"],
                says: /sslConfiguration\.status: the library sends "Disabled", which Azure does not report; the first pulumi up after the import updates it in place/,
            },
        ],
        k8s123: [
            {
                paths: ["properties.properties.extensionInstanceReleaseTrain"],
                says: /extensionInstanceReleaseTrain is "stable", a setting the library can't declare/,
            },
        ],
        "ci-alice": [
            {
                paths: ["properties.properties.computeInstanceAuthorizationType"],
                says: /computeInstanceAuthorizationType is "personal", Azure's default/,
            },
        ],
        dsvm: [
            {
                paths: ["properties.properties.virtualMachineSize"],
                says: /virtualMachineSize is "Standard_DS3_v2", a setting the library can't declare/,
            },
            {
                paths: ["properties.properties.isNotebookInstanceCompute"],
                says: /isNotebookInstanceCompute is false, a setting the library can't declare/,
            },
        ],
    };

    let stackFile: string;
    let stderr: string;
    before(() => {
        const dir = project("adopt-source");
        fs.writeFileSync(path.join(dir, "computes.json"), JSON.stringify({ value: bodies }));
        const run = cli(["adopt", "computes.json", "--stack", "prod"], dir);
        assert.equal(run.code, 0, run.stderr);
        stderr = run.stderr;
        stackFile = fs.readFileSync(path.join(dir, "Pulumi.prod.yaml"), "utf8");
    });

    it("converts every compute type the library manages, skips the one it does not, and errors on nothing", () => {
        assert.doesNotMatch(stderr, /^error:/m);
        assert.match(stderr, /^note: factory: is DataFactory compute, which the library does not manage: skipped$/m);
        assert.match(stderr, /^adopt: wrote 9 compute\(s\) into .*Pulumi\.prod\.yaml$/m);
        for (const [name, announced] of Object.entries(ANNOUNCED))
            for (const a of announced)
                assert.match(stderr, new RegExp(`^(warning|note): \\w+\\.${name}: .*${a.says.source}`, "m"));
    });

    it("lists what Azure keeps and never returns, and declares it kept, not a value", () => {
        const kept = stderr
            .slice(stderr.indexOf("kept by Azure"))
            .split("\n")
            .slice(1)
            .filter((l) => l.startsWith("  "))
            .map((l) => l.trim());
        assert.deepEqual(kept, [
            "azureml-compute:computeClusters.gpu-train.admin.sshPublicKey (secret)",
            "azureml-compute:computeClusters.gpu-train.admin.password (secret)",
            "azureml-compute:attachedComputes.dsvm.credentials.privateKey (secret)",
            "azureml-compute:attachedComputes.dsvm.credentials.password (secret)",
            "azureml-compute:attachedComputes.dsvm.credentials.publicKey (secret)",
            "azureml-compute:attachedComputes.dbx.accessToken (secret)",
        ]);
        assert.match(
            stackFile,
            /\n {6}admin:\n {8}username: azureuser\n {8}sshPublicKey: "\[kept by Azure\]"\n {8}password: "\[kept by Azure\]"\n/,
        );
    });

    for (const [title, dir] of [
        ["a user's program (declareStack)", () => project("adopt-user", stackFile)],
        ["the repository's own program", () => ROOT],
    ] as const) {
        it(`plans with ${title}: every payload is what Azure reported, but for what adopt announced; every compute is imported from its id`, () => {
            const where = dir();
            const stack = where === ROOT ? "adopt-roundtrip" : "prod";
            const file = path.join(where, `Pulumi.${stack}.yaml`);
            if (where === ROOT) fs.writeFileSync(file, stackFile);
            try {
                const run = cli(["plan", "--json", "--cwd", where, "--stack", stack]);
                assert.equal(run.code, 0, run.stderr);
                const planned: Planned[] = JSON.parse(run.stdout).computes;
                const reported = readReported(JSON.stringify({ value: bodies })).computes.filter(
                    (c) => c.computeType !== "DataFactory",
                );
                assert.deepEqual(planned.map((p) => p.computeName).sort(), reported.map((r) => r.computeName).sort());
                for (const r of reported) {
                    const p = planned.find((x) => x.computeName === r.computeName)!;
                    assert.equal(p.adoptedFrom, r.id);
                    const announced = (ANNOUNCED[r.computeName] ?? []).flatMap((a) => a.paths);
                    const unexpected = differences(r.computeType!, r.reported, p.inputs).filter(
                        (d) => !announced.some((a) => d === a || d.startsWith(a)),
                    );
                    assert.deepEqual(
                        unexpected,
                        [],
                        `${r.computeName}: the plan differs from what Azure reported where adopt said nothing`,
                    );
                }
            } finally {
                if (where === ROOT) fs.rmSync(file, { force: true });
            }
        });
    }
});
