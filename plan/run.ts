/**
 * Runs a Pulumi program under the SDK's mock runtime with a stack's config, in preview mode, and keeps
 * what it registered, what it warned about and what failed it.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { UsageError } from "./args";
import { PlanInvokes } from "./invokes";
import { Project, StackConfig } from "./project";
import { previewState, recordRegistrations, Registration } from "../monitor/recordingMonitor";
import { captureDeploymentErrors } from "../monitor/deploymentErrors";

/** Run from this repository's sources (not from the built package): projects inside it use the sources too. */
const FROM_SOURCES = __filename.endsWith(".ts");
/** The package's root: this repository in a checkout (plan/), `node_modules/azureml-compute` once installed (dist/plan/). */
const PACKAGE_ROOT = path.resolve(__dirname, FROM_SOURCES ? ".." : "../..");
const PACKAGE_NAME = "azureml-compute";

/** How long the plan waits for a component's Compute after the program stops registering anything else. */
const CHILD_DEADLINE_MS = 20000;

/** The library's components that have no Compute child yet. */
function withoutCompute(registrations: readonly Registration[]): Registration[] {
    const parents = new Set(registrations.filter((r) => r.custom).map((r) => r.parent));
    return registrations.filter((r) => r.type.startsWith(`${PACKAGE_NAME}:index:`) && !parents.has(r.urn));
}

export interface ProgramRun {
    readonly registrations: readonly Registration[];
    /** What the program and the library logged as warnings, without the runtime's prefix. */
    readonly warnings: readonly string[];
    /** What failed the run: thrown while the program loaded, or rejected while its resources registered. */
    readonly errors: readonly Error[];
}

/**
 * Makes `import ... from "azureml-compute"` in an example load this repository's sources (not a stale
 * build): the plan checks the code as it is, and one copy of the library sees every component.
 */
function aliasPackage(): () => void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Module = require("node:module") as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
    const original = Module._resolveFilename;
    Module._resolveFilename = (request, ...rest) =>
        original(request === PACKAGE_NAME ? path.join(PACKAGE_ROOT, "components", "index.ts") : request, ...rest);
    return () => {
        Module._resolveFilename = original;
    };
}

/** How long nothing new must happen before the program counts as done (a program may await a timer or an invoke first). */
const QUIET_MS = 600;

/** Waits until the program stops registering resources (outputs resolve in rounds of the event loop). */
async function quiesce(count: () => number): Promise<void> {
    let last = -1;
    let stableRounds = 0;
    while (stableRounds < QUIET_MS / 50) {
        await new Promise((r) => setTimeout(r, 50));
        const now = count();
        stableRounds = now === last ? stableRounds + 1 : 0;
        last = now;
    }
}

/**
 * The project's @pulumi/pulumi must be the copy the plan sets its mocks in: a second copy would run the
 * program against Pulumi's real engine connection, which the plan does not have.
 */
function checkSameSdk(project: Project): void {
    const own = require.resolve("@pulumi/pulumi");
    let theirs: string;
    try {
        theirs = createRequire(path.join(project.dir, "package.json")).resolve("@pulumi/pulumi");
    } catch {
        throw new UsageError(`${project.dir} has no @pulumi/pulumi installed: run npm install in the project first`);
    }
    if (fs.realpathSync(theirs) !== fs.realpathSync(own)) {
        throw new UsageError(
            `the project's @pulumi/pulumi (${theirs}) is not the copy azureml-compute uses (${own}): install azureml-compute in the project (npm install) so that both load one copy`,
        );
    }
}

/**
 * Compiles the program's TypeScript as the Pulumi Node.js host does: the project's ts-node and typescript
 * (else the SDK's vendored ones), its tsconfig.json when it has one, type-checked unless
 * PULUMI_NODEJS_TRANSPILE_ONLY=true. Nothing to do for JavaScript, or when TypeScript is already registered.
 */
function registerTypeScript(project: Project): void {
    if (!project.typescript || !project.main.endsWith(".ts") || require.extensions[".ts"] !== undefined) return;
    const fromProject = createRequire(path.join(project.dir, "package.json"));
    const vendor = path.join(path.dirname(require.resolve("@pulumi/pulumi/package.json")), "vendor");
    const resolve = (name: string, vendored: string) => {
        try {
            return fromProject.resolve(name);
        } catch {
            return path.join(vendor, vendored);
        }
    };
    const compiler = resolve("typescript", "typescript@3.8.3/typescript.js");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tsVersion: string = require(compiler).version;
    const nodeNext = Number(tsVersion.split(".")[0]) * 100 + Number(tsVersion.split(".")[1]) >= 407;
    const tsconfig = path.join(project.dir, "tsconfig.json");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tsNode = require(resolve("ts-node", "ts-node@7.0.1")) as { register(options: object): void };
    tsNode.register({
        compiler,
        transpileOnly:
            process.env.PULUMI_NODEJS_TRANSPILE_ONLY === undefined
                ? undefined
                : process.env.PULUMI_NODEJS_TRANSPILE_ONLY === "true",
        project: tsconfig,
        skipProject: !fs.existsSync(tsconfig),
        compilerOptions: {
            target: "ES2020",
            module: nodeNext ? "nodenext" : "commonjs",
            moduleResolution: nodeNext ? "nodenext" : "node",
            sourceMap: "true",
        },
    });
}

export async function runProgram(
    project: Project,
    stack: string,
    stackConfig: StackConfig,
    invokes: PlanInvokes,
): Promise<ProgramRun> {
    checkSameSdk(project);
    // As pulumi preview has it: what the program creates has no id yet, and only the outputs its inputs fix.
    const monitor = await recordRegistrations({
        preview: true,
        project: project.name,
        stack,
        state: previewState,
        call: invokes.call,
        ids: "preview",
    });
    pulumi.runtime.setAllConfig(stackConfig.config, stackConfig.secretKeys);

    const warnings: string[] = [];
    const capture = captureDeploymentErrors();
    const { errors, record } = capture;
    const saved = { warn: console.warn, log: console.log, info: console.info, debug: console.debug, dir: console.dir };
    // Warnings are collected for the report; anything the program prints goes to stderr, so stdout
    // carries only the plan (the JSON document with --json).
    console.warn = (...args: unknown[]) =>
        void warnings.push(
            args
                .map(String)
                .join(" ")
                .replace(/^warning: \[runtime\] /, ""),
        );
    const toStderr = (...args: unknown[]) => void process.stderr.write(`${args.map(String).join(" ")}\n`);
    console.log = console.info = console.debug = console.dir = toStderr;
    const stdoutWrite = process.stdout.write;
    process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
    const inside = !path.relative(PACKAGE_ROOT, project.dir).startsWith("..");
    const restoreAlias = FROM_SOURCES && inside ? aliasPackage() : () => {};
    const previousCwd = process.cwd();
    // The Pulumi host runs the program in its project directory (relative paths, ts-node's tsconfig).
    process.chdir(project.dir);
    try {
        try {
            registerTypeScript(project);
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const exported: unknown = require(project.main);
            // As the Node.js host does: a program that exports a function is that function, called and awaited.
            const entry =
                typeof exported === "function" ? exported : (exported as { default?: unknown } | null)?.default;
            if (typeof entry === "function") await (entry as () => unknown)();
        } catch (e) {
            record(
                (e as { code?: string }).code === "ERR_REQUIRE_ESM"
                    ? new Error(
                          `${project.main} is an ES module: the offline plan loads CommonJS programs only; run pulumi preview for it`,
                      )
                    : e,
            );
        }
        await quiesce(() => monitor.registrations.length + errors.length + warnings.length);
        // A component whose inputs resolve late registers its Compute late: wait for every one (or an error).
        const deadline = Date.now() + CHILD_DEADLINE_MS;
        while (errors.length === 0 && withoutCompute(monitor.registrations).length > 0 && Date.now() < deadline) {
            await new Promise((r) => setTimeout(r, 20));
        }
        if (errors.length === 0) {
            for (const component of withoutCompute(monitor.registrations)) {
                errors.push(
                    new Error(
                        `${component.type.split(":").pop()} "${component.name}" registered no Compute within ${CHILD_DEADLINE_MS / 1000} s: one of its inputs never resolved`,
                    ),
                );
            }
        }
    } finally {
        process.chdir(previousCwd);
        process.stdout.write = stdoutWrite;
        restoreAlias();
        Object.assign(console, saved);
        capture.stop();
    }
    return { registrations: monitor.registrations, warnings, errors };
}
