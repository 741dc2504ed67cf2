/**
 * The package as a user gets it, in fresh projects outside the repository, with the SDK versions the lockfile
 * pins (from npm's cache when it has them), each then planned with `npx azureml-compute plan`: the installed
 * build, the project's own @pulumi/pulumi, its TypeScript compiled as the Pulumi Node.js host does.
 * - from a tarball (`npm pack`, then `npm install ./azureml-compute-<version>.tgz`);
 * - from a git checkout (`npm install git+file://...`, which builds the package through `prepare`);
 * - an example copied out of the repository, its dependency line changed as its README says.
 */
import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const versionOf = (name: string) =>
    (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string })
        .version;
const SDKS = {
    "@pulumi/pulumi": versionOf("@pulumi/pulumi"),
    "@pulumi/azure-native": versionOf("@pulumi/azure-native"),
};

const npm = (cwd: string, ...args: string[]) =>
    execFileSync(NPM, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** `azureml-compute plan` in a project, as a user runs it there. */
function planIn(dir: string, ...args: string[]) {
    const env = { ...process.env };
    delete env.INIT_CWD;
    const result = spawnSync(NPM, ["exec", "--no", "--", "azureml-compute", "plan", ...args], {
        cwd: dir,
        encoding: "utf8",
        env,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A user's own project: a program of theirs, a Pulumi.yaml default, a stack file read with declareStack. */
function writeUserProject(dir: string): void {
    fs.writeFileSync(
        path.join(dir, "Pulumi.yaml"),
        "name: my-ml-infra\nruntime: nodejs\nconfig:\n  maxNodes:\n    type: integer\n    default: 4\n",
    );
    fs.writeFileSync(
        path.join(dir, "Pulumi.dev.yaml"),
        "config:\n  azureml-compute:workspace:\n    workspaceName: mlw-dev\n    resourceGroupName: rg-ml\n  azureml-compute:computeInstances:\n    ci-ops:\n      vmSize: Standard_DS3_v2\n",
    );
    fs.writeFileSync(
        path.join(dir, "index.ts"),
        [
            'import * as pulumi from "@pulumi/pulumi";',
            'import { Subnet } from "@pulumi/azure-native/network";',
            'import { ComputeCluster, declareStack } from "azureml-compute";',
            'const subnet = new Subnet("training", { resourceGroupName: "rg-ml", virtualNetworkName: "vnet-ml", addressPrefix: "10.0.1.0/24" });',
            'new ComputeCluster("cpu-train", { workspace: { workspaceName: "mlw-dev", resourceGroupName: "rg-ml" }, vmSize: "Standard_DS3_v2", maxNodes: new pulumi.Config().requireNumber("maxNodes"), subnet: subnet.id });',
            "export const computes = declareStack();",
            "",
        ].join("\n"),
    );
}

function assertUserPlan(dir: string): void {
    const { code, stdout, stderr } = planIn(dir, "--stack", "dev", "--json");
    assert.equal(code, 0, stderr);
    const doc = JSON.parse(stdout);
    assert.equal(doc.project, "my-ml-infra");
    assert.deepEqual(
        doc.computes.map((c: { computeName: string; component: string }) => `${c.component} ${c.computeName}`),
        ["ComputeCluster cpu-train", "ComputeInstance ci-ops"],
    );
    assert.equal(doc.computes[0].settings.nodes, "0-4", "the Pulumi.yaml default reached the program");
    assert.deepEqual(doc.computes[0].unknowns, ["properties.properties.subnet"]);
}

describe("installing the package", function () {
    this.timeout(600_000);
    const dirs: string[] = [];
    const fresh = (what: string) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `azureml-compute-${what}-`));
        dirs.push(dir);
        return dir;
    };
    let tarball: string;
    before(() => {
        const packs = fresh("pack");
        tarball = path.join(
            packs,
            npm(ROOT, "pack", "--silent", "--pack-destination", packs).trim().split("\n").pop()!,
        );
    });
    after(() => {
        for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("from a tarball: installs the command and the build, not the sources, and plans the user's program", () => {
        const dir = fresh("tarball");
        fs.writeFileSync(
            path.join(dir, "package.json"),
            JSON.stringify({ name: "my-ml-infra", private: true, dependencies: SDKS }),
        );
        npm(dir, "install", "--prefer-offline", "--no-audit", "--no-fund", tarball);
        const installed = path.join(dir, "node_modules", "azureml-compute");
        assert.ok(fs.existsSync(path.join(dir, "node_modules", ".bin", "azureml-compute")));
        assert.ok(
            fs.existsSync(path.join(installed, "dist", "plan", "cli.js")) &&
                fs.existsSync(path.join(installed, "LICENSE")),
        );
        assert.ok(!fs.existsSync(path.join(installed, "plan")) && !fs.existsSync(path.join(installed, "components")));
        writeUserProject(dir);
        assertUserPlan(dir);
        // The installed command adopts existing compute into a stack file of the user's, which their program plans.
        fs.copyFileSync(path.join(ROOT, "tests/fixtures/adopt/workspace.json"), path.join(dir, "computes.json"));
        const env = { ...process.env };
        delete env.INIT_CWD;
        const adopt = spawnSync(
            NPM,
            ["exec", "--no", "--", "azureml-compute", "adopt", "computes.json", "--stack", "adopted"],
            { cwd: dir, encoding: "utf8", env },
        );
        assert.equal(adopt.status, 0, adopt.stderr);
        const adopted = planIn(dir, "--stack", "adopted", "--json");
        assert.equal(adopted.code, 0, adopted.stderr);
        assert.equal(
            JSON.parse(adopted.stdout).computes.filter((c: { adoptedFrom: string | null }) => c.adoptedFrom !== null)
                .length,
            5,
        );
        // The project's own tsconfig is read, as the host reads it: a broken one is the program's error, said plainly.
        fs.writeFileSync(path.join(dir, "tsconfig.json"), '{ "compilerOptions": { "strict": true, }, oops }');
        const broken = planIn(dir, "--stack", "dev", "--json");
        assert.equal(broken.code, 1);
        const doc = JSON.parse(broken.stdout);
        assert.equal(doc.valid, false);
        assert.match(doc.errors[0].message, /tsconfig/);
        const text = planIn(dir, "--stack", "dev");
        assert.doesNotMatch(text.stderr, /\n\s+at /, "no stack trace");
    });

    it("from a git checkout: npm builds it through prepare, and the user's program plans", () => {
        const dir = fresh("git");
        fs.writeFileSync(
            path.join(dir, "package.json"),
            JSON.stringify({ name: "my-ml-infra", private: true, dependencies: SDKS }),
        );
        npm(dir, "install", "--prefer-offline", "--no-audit", "--no-fund", `git+file://${ROOT}`);
        assert.ok(
            fs.existsSync(path.join(dir, "node_modules", "azureml-compute", "dist", "components", "index.js")),
            "prepare built the package",
        );
        writeUserProject(dir);
        assertUserPlan(dir);
    });

    it("an example copied out of the repository plans, with its dependency line changed as its README says", () => {
        const dir = fresh("example");
        fs.cpSync(path.join(ROOT, "examples", "quickstart"), dir, { recursive: true });
        const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
        assert.equal(
            pkg.dependencies["azureml-compute"],
            "file:../..",
            "the line the example's README tells users to change",
        );
        pkg.dependencies["azureml-compute"] = `file:${tarball}`;
        Object.assign(pkg.dependencies, SDKS);
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg));
        npm(dir, "install", "--prefer-offline", "--no-audit", "--no-fund");
        const { code, stdout, stderr } = planIn(dir, "--stack", "dev");
        assert.equal(code, 0, stderr);
        assert.match(stdout, /^Stack dev \(project quickstart-example\): 5 compute targets$/m);
    });
});
