/**
 * Pulumi processes a scenario leaves behind in its project folder. The engine runs a Node.js plugin (the component
 * provider) under a language host of its own, and when it kills the plugin at the end of a command it leaves that
 * host running, reparented to init (a known engine behaviour, pulumi/pulumi#8696 and kin): each provider scenario
 * left one per command, and repeated `npm run e2e` runs piled them up. Linux only (it reads /proc); elsewhere it
 * finds none.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The ids of the `pulumi-*` processes whose working folder is `dir`. */
export function pulumiProcessesIn(dir: string): readonly number[] {
    let entries: string[];
    let real: string;
    try {
        entries = fs.readdirSync("/proc");
        real = fs.realpathSync(dir); // /proc gives a process's folder with symlinks resolved.
    } catch {
        return [];
    }
    return entries.filter((e) => /^\d+$/.test(e)).flatMap((e) => (isPulumiIn(Number(e), real) ? [Number(e)] : []));
}

function isPulumiIn(pid: number, dir: string): boolean {
    try {
        const program = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0] ?? "";
        return path.basename(program).startsWith("pulumi-") && fs.readlinkSync(`/proc/${pid}/cwd`) === dir;
    } catch {
        return false; // Gone meanwhile, or not ours to read.
    }
}

/**
 * Stops the `pulumi-*` processes left in `dir`, and waits (up to `patience` ms) until they are gone: a killed
 * process lingers in /proc for a moment. Call it only when no CLI command runs there (after the last one
 * returned): then every such process is a leftover.
 */
export async function stopLeftovers(dir: string, patience = 10_000): Promise<void> {
    for (const pid of pulumiProcessesIn(dir)) {
        try {
            process.kill(pid, "SIGKILL");
        } catch {
            // Already gone.
        }
    }
    for (const until = Date.now() + patience; pulumiProcessesIn(dir).length > 0 && Date.now() < until;)
        await new Promise((resolve) => setTimeout(resolve, 50));
}
