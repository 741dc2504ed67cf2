/**
 * The package as a consumer gets it: the CommonJS build in dist/ (`npm run build`, which `npm test`
 * runs first), loaded with a plain require in a fresh Node process.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..");

function inFreshNode(script: string): string {
    return execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" }).trim();
}

describe("package entry", () => {
    it('require("azureml-compute") gives the components and the error type', () => {
        // Self-reference by package name resolves through package.json "exports", as in a consumer's node_modules.
        const exported = JSON.parse(
            inFreshNode(
                `const m = require("azureml-compute"); console.log(JSON.stringify(["ComputeCluster", "ComputeValidationError", "COMPUTE_CLUSTER_IMMUTABLE"].map((k) => typeof m[k])))`,
            ),
        );
        assert.deepEqual(exported, ["function", "function", "object"]);
    });

    it("loads only the machine-learning module of azure-native, never its root", () => {
        const loaded: string[] = JSON.parse(
            inFreshNode(
                `require("azureml-compute"); console.log(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes("@pulumi/azure-native/")).map((k) => k.split("@pulumi/azure-native/")[1])))`,
            ),
        );
        assert.ok(loaded.includes("machinelearningservices/index.js"), loaded.join());
        assert.ok(!loaded.includes("index.js"), `the azure-native root was loaded: ${loaded.join()}`);
        assert.ok(
            loaded.every(
                (file) =>
                    !/^(?!machinelearningservices\/)[a-z0-9]+\/index\.js$/.test(file) || file.startsWith("types/"),
            ),
            loaded.join(),
        );
    });

    it("publishes types that name no zod type and none of the kinds' internals", function () {
        this.timeout(60_000);
        const entry = path.join(ROOT, "dist/components/index.d.ts");
        const program = ts.createProgram([entry], { strict: true, skipLibCheck: true, noEmit: true });
        const checker = program.getTypeChecker();
        const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
        const exports = checker.getExportsOfModule(module);
        const names = exports.map((e) => e.name);
        for (const internal of ["COMPUTE_CLUSTER", "COMPUTE_INSTANCE", "INFERENCE_CLUSTER", "ATTACHED_COMPUTE"])
            assert.ok(!names.includes(internal), `${internal} is exported`);
        assert.ok(!names.includes("customServiceSchema"), "customServiceSchema is exported");
        const zodIn: string[] = [];
        for (const symbol of exports) {
            const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
            for (const declaration of target.declarations ?? []) {
                // The declaration as published: a class with its members and what it extends, an interface, a const.
                const text = declaration.getSourceFile().text.slice(declaration.pos, declaration.end);
                if (/\bz\.|Zod/.test(text)) zodIn.push(symbol.name);
            }
        }
        assert.ok(names.length > 80, `only ${names.length} exports`);
        assert.deepEqual(zodIn, []);
        // A component module's declarations import zod only when a public type reaches a schema.
        const componentModules = fs.readdirSync(path.join(ROOT, "dist/components")).filter((f) => f.endsWith(".d.ts"));
        assert.ok(componentModules.includes("computeCluster.d.ts"), componentModules.join());
        const importingZod = componentModules.filter((f) =>
            /from "zod"/.test(fs.readFileSync(path.join(ROOT, "dist/components", f), "utf8")),
        );
        assert.deepEqual(importingZod, []);
    });
});
