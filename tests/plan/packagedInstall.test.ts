/**
 * The package as a user gets it: `npm pack` of this repository, installed from the tarball into a fresh
 * project outside the repository (with the SDK versions the lockfile pins, from npm's cache when it has
 * them), and `npx azureml-compute plan` run there: the installed build, the project's own @pulumi/pulumi,
 * its TypeScript compiled as the Pulumi Node.js host does. No clone on the path.
 */
import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const versionOf = (name: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

describe("the packaged install", function () {
    this.timeout(300_000);
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "azureml-compute-user-"));
        const tarball = execFileSync(NPM, ["pack", "--silent", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8" }).trim().split("\n").pop()!;
        fs.writeFileSync(
            path.join(dir, "package.json"),
            JSON.stringify({ name: "my-ml-infra", private: true, dependencies: { "@pulumi/pulumi": versionOf("@pulumi/pulumi"), "@pulumi/azure-native": versionOf("@pulumi/azure-native") } }),
        );
        execFileSync(NPM, ["install", "--prefer-offline", "--no-audit", "--no-fund", path.join(dir, tarball)], { cwd: dir, stdio: "ignore" });
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: my-ml-infra\nruntime: nodejs\nconfig:\n  maxNodes:\n    type: integer\n    default: 4\n");
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  azureml-compute:workspace:\n    workspaceName: mlw-dev\n    resourceGroupName: rg-ml\n  azureml-compute:computeInstances:\n    ci-ops:\n      vmSize: Standard_DS3_v2\n");
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
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("installs the command and the build, not the sources", () => {
        const installed = path.join(dir, "node_modules", "azureml-compute");
        assert.ok(fs.existsSync(path.join(dir, "node_modules", ".bin", "azureml-compute")));
        assert.ok(fs.existsSync(path.join(installed, "dist", "plan", "cli.js")));
        assert.ok(!fs.existsSync(path.join(installed, "plan")) && !fs.existsSync(path.join(installed, "components")));
    });

    it("plans the user's own program and stack with npx azureml-compute plan", () => {
        const env = { ...process.env };
        delete env.INIT_CWD;
        const result = spawnSync(NPM, ["exec", "--no", "--", "azureml-compute", "plan", "--stack", "dev", "--json"], { cwd: dir, encoding: "utf8", env });
        assert.equal(result.status, 0, result.stderr);
        const doc = JSON.parse(result.stdout);
        assert.equal(doc.project, "my-ml-infra");
        assert.deepEqual(doc.computes.map((c: { computeName: string; component: string }) => `${c.component} ${c.computeName}`), ["ComputeCluster cpu-train", "ComputeInstance ci-ops"]);
        assert.equal(doc.computes[0].settings.nodes, "0-4", "the Pulumi.yaml default reached the program");
        assert.deepEqual(doc.computes[0].unknowns, ["properties.properties.subnet"]);
    });
});
