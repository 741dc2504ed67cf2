/**
 * A Pulumi project and one of its stacks, read the way the Pulumi CLI reads them: `Pulumi.yaml` (name,
 * main) and `Pulumi.<stack>.yaml` (config), turned into the config map a program sees at run time.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { isPlainObject, SECRET_PLACEHOLDER } from "../components/core/validate";
import { UsageError } from "./args";

export interface Project {
    readonly dir: string;
    readonly name: string;
    /** The program's entry file. */
    readonly main: string;
}

export interface StackConfig {
    /** `<namespace>:<key>` -> value text (objects as JSON), as `pulumi.runtime.allConfig()` returns it. */
    readonly config: Record<string, string>;
    /** Keys that hold a `secure:` value anywhere inside: what the CLI would mark secret. */
    readonly secretKeys: string[];
    /** Paths of the `secure:` values (`azureml-compute:computeClusters.gpu.admin.password`), replaced by a placeholder. */
    readonly securePaths: string[];
}

function readYaml(file: string): unknown {
    try {
        return parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new UsageError(`${file} is not valid YAML: ${(e as Error).message.split("\n")[0]}`);
    }
}

/** Reads `Pulumi.yaml` in `dir`. */
export function readProject(dir: string): Project {
    const file = path.join(dir, "Pulumi.yaml");
    if (!fs.existsSync(file)) throw new UsageError(`no Pulumi.yaml in ${dir}: --cwd must be a Pulumi project directory`);
    const project = readYaml(file);
    if (!isPlainObject(project) || typeof project.name !== "string") throw new UsageError(`${file} has no project name`);
    // Pulumi's order: Pulumi.yaml `main`, then package.json `main`, then index.ts / index.js.
    const candidates: string[] = [];
    if (typeof project.main === "string") candidates.push(project.main);
    const packageFile = path.join(dir, "package.json");
    if (fs.existsSync(packageFile)) {
        let pkg: { main?: unknown };
        try {
            pkg = JSON.parse(fs.readFileSync(packageFile, "utf8")) as { main?: unknown };
        } catch (e) {
            throw new UsageError(`${packageFile} is not valid JSON: ${(e as Error).message.split("\n")[0]}`);
        }
        if (typeof pkg.main === "string") candidates.push(pkg.main);
    }
    candidates.push("index.ts", "index.js");
    for (const candidate of candidates) {
        const resolved = path.resolve(dir, candidate);
        const file = fs.existsSync(resolved) && fs.statSync(resolved).isDirectory() ? path.join(resolved, "index.ts") : resolved;
        if (fs.existsSync(file)) return { dir, name: project.name, main: file };
        if (candidate === project.main) throw new UsageError(`${path.join(dir, "Pulumi.yaml")}: main ${JSON.stringify(candidate)} does not exist`);
    }
    throw new UsageError(`${dir} has no program: no main in Pulumi.yaml or package.json, and no index.ts`);
}

/** The stacks a project directory has (`Pulumi.<name>.yaml`). */
export function listStacks(dir: string): string[] {
    return fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((name): name is string => name !== undefined)
        .sort();
}

/** Replaces each `{ secure: ... }` inside a value by the placeholder, recording where it was. */
function stripSecure(value: unknown, at: string, found: string[]): unknown {
    if (isPlainObject(value)) {
        const keys = Object.keys(value);
        if (keys.length === 1 && keys[0] === "secure" && typeof value.secure === "string") {
            found.push(at);
            return SECRET_PLACEHOLDER;
        }
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripSecure(v, `${at}.${k}`, found)]));
    }
    if (Array.isArray(value)) return value.map((v, i) => stripSecure(v, `${at}[${i}]`, found));
    return value;
}

/** Reads `Pulumi.<stack>.yaml` into the config a program would see. */
export function readStack(project: Project, stack: string): StackConfig {
    const file = path.join(project.dir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) {
        const stacks = listStacks(project.dir);
        throw new UsageError(
            `no stack ${JSON.stringify(stack)}: ${file} does not exist` +
                (stacks.length > 0 ? ` (stacks here: ${stacks.join(", ")})` : " (this project has no stack files)"),
        );
    }
    const document = readYaml(file) ?? {};
    if (!isPlainObject(document)) throw new UsageError(`${file} must be a YAML map`);
    const rawConfig = document.config ?? {};
    if (!isPlainObject(rawConfig)) throw new UsageError(`${file}: config must be a map`);
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const securePaths: string[] = [];
    for (const [rawKey, rawValue] of Object.entries(rawConfig)) {
        // A key without a namespace belongs to the project, as the CLI reads it.
        const key = rawKey.includes(":") ? rawKey : `${project.name}:${rawKey}`;
        const before = securePaths.length;
        const value = stripSecure(rawValue, key, securePaths);
        if (securePaths.length > before) secretKeys.push(key);
        config[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return { config, secretKeys, securePaths };
}
