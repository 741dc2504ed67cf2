/**
 * Runs a Pulumi program under the SDK's mock runtime with a stack's config, in preview mode, and keeps
 * what it registered, what it warned about and what failed it.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Project, StackConfig } from "./project";
import { captureDeploymentErrors, recordRegistrations, Registration } from "./recordingMonitor";

const REPOSITORY = path.resolve(__dirname, "..");
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
        original(request === PACKAGE_NAME ? path.join(REPOSITORY, "components", "index.ts") : request, ...rest);
    return () => {
        Module._resolveFilename = original;
    };
}

/** Waits until the program stops registering resources (outputs resolve in rounds of the event loop). */
async function quiesce(count: () => number): Promise<void> {
    let last = -1;
    let stableRounds = 0;
    while (stableRounds < 3) {
        await new Promise((r) => setTimeout(r, 20));
        const now = count();
        stableRounds = now === last ? stableRounds + 1 : 0;
        last = now;
    }
}

export async function runProgram(project: Project, stack: string, stackConfig: StackConfig): Promise<ProgramRun> {
    const monitor = await recordRegistrations({ preview: true, project: project.name, stack });
    pulumi.runtime.setAllConfig(stackConfig.config, stackConfig.secretKeys);

    const warnings: string[] = [];
    const capture = captureDeploymentErrors();
    const { errors, record } = capture;
    const saved = { warn: console.warn, log: console.log, info: console.info, debug: console.debug, dir: console.dir };
    // Warnings are collected for the report; anything the program prints goes to stderr, so stdout
    // carries only the plan (the JSON document with --json).
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" ").replace(/^warning: \[runtime\] /, ""));
    const toStderr = (...args: unknown[]) => void process.stderr.write(`${args.map(String).join(" ")}\n`);
    console.log = console.info = console.debug = console.dir = toStderr;
    const stdoutWrite = process.stdout.write;
    process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
    const restoreAlias = aliasPackage();
    try {
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            require(project.main);
        } catch (e) {
            record(e);
        }
        await quiesce(() => monitor.registrations.length + errors.length + warnings.length);
        // A component whose inputs resolve late registers its Compute late: wait for every one (or an error).
        const deadline = Date.now() + CHILD_DEADLINE_MS;
        while (errors.length === 0 && withoutCompute(monitor.registrations).length > 0 && Date.now() < deadline) {
            await new Promise((r) => setTimeout(r, 20));
        }
        if (errors.length === 0) {
            for (const component of withoutCompute(monitor.registrations)) {
                errors.push(new Error(`${component.type.split(":").pop()} "${component.name}" registered no Compute within ${CHILD_DEADLINE_MS / 1000} s: one of its inputs never resolved`));
            }
        }
    } finally {
        process.stdout.write = stdoutWrite;
        restoreAlias();
        Object.assign(console, saved);
        capture.stop();
    }
    return { registrations: monitor.registrations, warnings, errors };
}
