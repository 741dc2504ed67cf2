/**
 * Runs the real Pulumi CLI (built into .tools/bin by scripts/e2e/tools.sh) in a project folder against the
 * simulated Azure: a local file backend and Pulumi home in `DIR/.sim/`, no network, no update checks, no
 * plugin downloads, and the stand-in plugins first on PATH.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const TOOLS_BIN = path.join(ROOT, ".tools", "bin");
/** The passphrase of every simulated stack's secrets: these stacks hold only test values. */
export const PASSPHRASE = "azureml-compute-simulated-stacks";

/** Builds whatever is missing in .tools/bin (synchronously: call it before the simulator starts). */
export function ensureTools(): void {
    // Its output goes to stderr, so that a caller's stdout stays the CLI's own (`preview --json | jq`).
    const built = spawnSync("bash", [path.join(ROOT, "scripts/e2e/tools.sh")], { stdio: ["ignore", 2, 2] });
    if (built.status !== 0) throw new Error(`scripts/e2e/tools.sh failed with exit code ${built.status}`);
}

export interface CliResult {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** The environment the CLI runs with in project folder `dir`, talking to the simulated Azure at `endpoint`. */
export function cliEnv(dir: string, endpoint: string): NodeJS.ProcessEnv {
    const sim = path.join(dir, ".sim");
    fs.mkdirSync(path.join(sim, "backend"), { recursive: true });
    fs.mkdirSync(path.join(sim, "home"), { recursive: true });
    return {
        ...process.env,
        PATH: `${TOOLS_BIN}${path.delimiter}${process.env.PATH ?? ""}`,
        PULUMI_BACKEND_URL: `file://${path.join(sim, "backend")}`,
        PULUMI_HOME: path.join(sim, "home"),
        PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? PASSPHRASE,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
        PULUMI_SUPPRESS_COPILOT_LINK: "true",
        AZURE_SIM_ENDPOINT: endpoint,
        // What the stand-in provider knows of the REST definitions when it imports a compute (read-only properties, defaults).
        AZURE_SIM_REST_FACTS: path.join(ROOT, "adopt/data/restFacts.json"),
    };
}

export interface RunOptions {
    /** Text for the CLI's stdin (a value `pulumi config set` reads). */
    readonly stdin?: string;
    /** Extra environment variables. */
    readonly env?: Readonly<Record<string, string>>;
}

/**
 * Runs `pulumi ARGS` in `dir` without blocking this process's event loop (the simulated Azure serves from
 * it). `inherit` gives the CLI this process's terminal (nothing is captured then).
 */
export function pulumi(
    dir: string,
    endpoint: string,
    args: readonly string[],
    options: RunOptions & { inherit?: boolean } = {},
): Promise<CliResult> {
    return new Promise((resolve, reject) => {
        const env = { ...cliEnv(dir, endpoint), ...options.env };
        if (options.inherit) {
            const child = spawn(path.join(TOOLS_BIN, "pulumi"), [...args], { cwd: dir, env, stdio: "inherit" });
            child.on("error", reject);
            child.on("close", (code) => resolve({ code: code ?? 1, stdout: "", stderr: "" }));
            return;
        }
        const child = spawn(path.join(TOOLS_BIN, "pulumi"), [...args], {
            cwd: dir,
            env,
            stdio: ["pipe", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
        child.stdin.end(options.stdin ?? "");
    });
}
