/**
 * A Pulumi project and one of its stacks, read the way the Pulumi CLI reads them: `Pulumi.yaml` (name,
 * main) and `Pulumi.<stack>.yaml` (config), turned into the config map a program sees at run time.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { isPlainObject, secretStandIn } from "../components/core/validation/validate";
import { UsageError } from "./args";

export interface Project {
    readonly dir: string;
    readonly name: string;
    /** The program's entry file. */
    readonly main: string;
    /** Whether the Node.js host would compile the program as TypeScript (`runtime.options.typescript`, default true). */
    readonly typescript: boolean;
    /** The `config:` of `Pulumi.yaml`: project-wide values and declarations, by full key. */
    readonly config: Readonly<Record<string, ConfigDeclaration>>;
    /** Where the stack files are (`stackConfigDir`, or the project directory). */
    readonly stackDir: string;
}

/** A `Pulumi.yaml` config entry: a value for every stack, or a declaration with a type and a default. */
export interface ConfigDeclaration {
    readonly type?: string;
    /** Declared `secret: true`: a stack must store it encrypted. */
    readonly secret?: boolean;
    /** The value every stack gets unless its own file sets one (`value`, or `default`). */
    readonly value?: unknown;
    /** Declared with a type and no default: every stack must set it. */
    readonly required: boolean;
}

const DECLARATION_KEYS = ["type", "default", "value", "description", "secret", "items"];

/** Reads a `Pulumi.yaml` `config:` map the way the CLI does: project keys get the project's namespace. */
function readConfigDeclarations(file: string, projectName: string, raw: unknown): Record<string, ConfigDeclaration> {
    if (raw === undefined || raw === null) return {};
    if (!isPlainObject(raw)) throw new UsageError(`${file}: config must be a map`);
    const declarations: Record<string, ConfigDeclaration> = {};
    for (const [rawKey, entry] of Object.entries(raw)) {
        const key = fullKey(projectName, rawKey);
        const declaration =
            isPlainObject(entry) &&
            Object.keys(entry).length > 0 &&
            Object.keys(entry).every((k) => DECLARATION_KEYS.includes(k));
        if (!declaration) {
            declarations[key] = { value: entry, required: false };
            continue;
        }
        const type = typeof entry.type === "string" ? entry.type : undefined;
        const value = entry.value !== undefined ? entry.value : entry.default;
        declarations[key] = {
            type,
            value,
            secret: entry.secret === true,
            required: type !== undefined && value === undefined,
        };
    }
    return declarations;
}

/** Why the plan can't run a project's program, when it can't: it runs CommonJS Node.js programs only. */
function unsupportedRuntime(file: string, runtime: unknown): string | undefined {
    const name = isPlainObject(runtime) ? runtime.name : runtime;
    if (name === "nodejs") return undefined;
    if (name === undefined)
        return `${file} has no runtime: a Pulumi project says which language runs it (runtime: nodejs)`;
    return `${file}: runtime ${JSON.stringify(name)}: the offline plan runs Node.js programs only; run pulumi preview for this project`;
}

export interface StackConfig {
    /** What the CLI would refuse before running the program (a declared key no stack value or default sets). */
    readonly problems: readonly { readonly key: string; readonly message: string }[];
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
    if (!fs.existsSync(file))
        throw new UsageError(`no Pulumi.yaml in ${dir}: --cwd must be a Pulumi project directory`);
    const project = readYaml(file);
    if (!isPlainObject(project) || typeof project.name !== "string")
        throw new UsageError(`${file} has no project name`);
    const unsupported = unsupportedRuntime(file, project.runtime);
    if (unsupported !== undefined) throw new UsageError(unsupported);
    const options =
        isPlainObject(project.runtime) && isPlainObject(project.runtime.options) ? project.runtime.options : {};
    const typescript = options.typescript !== false;
    // `config: <dir>` is the old spelling of `stackConfigDir`.
    const stackConfigDir =
        typeof project.stackConfigDir === "string"
            ? project.stackConfigDir
            : typeof project.config === "string"
              ? project.config
              : undefined;
    const stackDir = stackConfigDir === undefined ? dir : path.resolve(dir, stackConfigDir);
    const config = readConfigDeclarations(
        file,
        project.name,
        typeof project.config === "string" ? undefined : project.config,
    );
    // Pulumi's order: Pulumi.yaml `main`, then package.json `main`, then index.ts / index.js.
    const candidates: string[] = [];
    if (typeof project.main === "string") candidates.push(project.main);
    const packageFile = path.join(dir, "package.json");
    if (fs.existsSync(packageFile)) {
        let pkg: { main?: unknown; type?: unknown };
        try {
            pkg = JSON.parse(fs.readFileSync(packageFile, "utf8")) as { main?: unknown; type?: unknown };
        } catch (e) {
            throw new UsageError(`${packageFile} is not valid JSON: ${(e as Error).message.split("\n")[0]}`);
        }
        if (pkg.type === "module")
            throw new UsageError(
                `${packageFile}: "type": "module": the offline plan loads CommonJS programs only; run pulumi preview for an ES module program`,
            );
        if (typeof pkg.main === "string") candidates.push(pkg.main);
    }
    // The host runs the directory, which Node resolves to index.js first: index.ts only when there is no index.js.
    candidates.push("index.js", ...(typescript ? ["index.ts"] : []));
    for (const candidate of candidates) {
        const resolved = path.resolve(dir, candidate);
        const file =
            fs.existsSync(resolved) && fs.statSync(resolved).isDirectory()
                ? ([path.join(resolved, "index.ts"), path.join(resolved, "index.js")].find((f) => fs.existsSync(f)) ??
                  resolved)
                : resolved;
        if (/\.m[jt]s$/.test(file))
            throw new UsageError(
                `${file}: the offline plan loads CommonJS programs only; run pulumi preview for an ES module program`,
            );
        if (fs.existsSync(file)) return { dir, name: project.name, main: file, typescript, config, stackDir };
        if (candidate === project.main)
            throw new UsageError(`${path.join(dir, "Pulumi.yaml")}: main ${JSON.stringify(candidate)} does not exist`);
    }
    throw new UsageError(
        `${dir} has no program: no main in Pulumi.yaml or package.json, and no ${typescript ? "index.ts or " : ""}index.js`,
    );
}

/** The stacks a project directory has (`Pulumi.<name>.yaml`). */
export function listStacks(dir: string): string[] {
    return fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((name): name is string => name !== undefined)
        .sort();
}

/** Whether a config value is an encrypted one, as the CLI writes it: `{ secure: "v1:..." }`. */
function isSecure(value: unknown): boolean {
    return isPlainObject(value) && Object.keys(value).length === 1 && typeof value.secure === "string";
}

/** A config key as the CLI reads it: a key without a namespace belongs to the project. */
function fullKey(projectName: string, rawKey: string): string {
    return rawKey.includes(":") ? rawKey : `${projectName}:${rawKey}`;
}

/** A project key as `pulumi config set` takes it: without the project's namespace. */
function setKey(projectName: string, key: string): string {
    return key.startsWith(`${projectName}:`) ? key.slice(projectName.length + 1) : key;
}

/** Replaces each `{ secure: ... }` inside a value by the placeholder, recording where it was. */
function stripSecure(value: unknown, at: string, found: string[]): unknown {
    if (isPlainObject(value)) {
        if (isSecure(value)) {
            found.push(at);
            return secretStandIn();
        }
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripSecure(v, `${at}.${k}`, found)]));
    }
    if (Array.isArray(value)) return value.map((v, i) => stripSecure(v, `${at}[${i}]`, found));
    return value;
}

/** Why a stack value does not have its declared type, as the CLI checks it. */
function typeMismatch(type: string, value: unknown): string | undefined {
    if (isSecure(value)) return undefined;
    // As the CLI reads them: `pulumi config set` writes every value as text, so "3" is an integer and "true" a boolean.
    const text = typeof value === "string" ? value : undefined;
    const ok =
        type === "string"
            ? typeof value === "string"
            : type === "integer"
              ? Number.isInteger(value) || (text !== undefined && /^[+-]?\d+$/.test(text))
              : type === "boolean"
                ? typeof value === "boolean" || text === "true" || text === "false"
                : type === "array"
                  ? Array.isArray(value)
                  : true;
    return ok
        ? undefined
        : `must be of type ${type} (as Pulumi.yaml declares it), got ${Array.isArray(value) ? "a list" : typeof value}`;
}

/** Reads `Pulumi.<stack>.yaml` into the config a program would see, over `Pulumi.yaml`'s values and defaults. */
export function readStack(project: Project, stack: string): StackConfig {
    const file = path.join(project.stackDir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) {
        const stacks = listStacks(project.stackDir);
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
    const set = (key: string, raw: unknown) => {
        const before = securePaths.length;
        const value = stripSecure(raw, key, securePaths);
        if (securePaths.length > before) secretKeys.push(key);
        config[key] = typeof value === "string" ? value : JSON.stringify(value);
    };
    // Pulumi.yaml's values and defaults first; the stack's own file wins.
    for (const [key, declaration] of Object.entries(project.config))
        if (declaration.value !== undefined) set(key, declaration.value);
    const own = new Map<string, unknown>();
    for (const [rawKey, rawValue] of Object.entries(rawConfig)) {
        const key = fullKey(project.name, rawKey);
        own.set(key, rawValue);
        set(key, rawValue);
    }
    const problems: { key: string; message: string }[] = [];
    for (const [key, declaration] of Object.entries(project.config)) {
        if (declaration.required && !own.has(key)) {
            problems.push({
                key,
                message: `is declared in Pulumi.yaml (type ${declaration.type}) with no default, and ${path.basename(file)} does not set it: pulumi config set ${setKey(project.name, key)} <value>`,
            });
        } else if (declaration.type !== undefined && own.has(key)) {
            const wrong = typeMismatch(declaration.type, own.get(key));
            if (wrong !== undefined) problems.push({ key, message: wrong });
        }
        const ownValue = own.get(key);
        if (declaration.secret && ownValue !== undefined && !isSecure(ownValue)) {
            problems.push({
                key,
                message: `must be encrypted, as Pulumi.yaml declares it secret: pulumi config set --secret ${setKey(project.name, key)} <value>`,
            });
        }
    }
    return { config, secretKeys, securePaths, problems };
}
