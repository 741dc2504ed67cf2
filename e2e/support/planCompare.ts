/**
 * The offline plan (`azureml-compute plan --json`) beside what the simulated Azure received under the real
 * engine: for each compute, every leaf the plan shows as known must arrive in the PUT body, at the same
 * place with the same value, and nothing else may arrive except what the plan could not know (unknowns,
 * placeholders for invoke results, secrets it hides) and the location azure-native fills in.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { ROOT } from "./cli";

interface PlannedCompute {
    readonly name: string;
    readonly computeName: string;
    readonly inputs: Record<string, unknown>;
    readonly unknowns: readonly string[];
    readonly secrets: readonly string[];
    readonly placeholders: readonly string[];
}

/** Runs the offline plan of a project folder's stack. */
export function plannedComputes(dir: string, stack: string): PlannedCompute[] {
    const run = spawnSync(
        process.execPath,
        [path.join(ROOT, "bin/azureml-compute.js"), "plan", "--json", "--cwd", dir, "--stack", stack],
        { encoding: "utf8" },
    );
    if (run.status !== 0) throw new Error(`the plan of ${dir} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    return (JSON.parse(run.stdout) as { computes: PlannedCompute[] }).computes;
}

const PATH_PARAMETERS = new Set(["resourceGroupName", "workspaceName", "computeName"]);

/**
 * azure-native inputs as the REST body azure-native PUTs: path parameters go to the URL, and user-assigned
 * identities go from azure-native's list to the REST map (the stand-in provider does the same, in Go).
 */
export function asRestBody(inputs: Record<string, unknown>): Record<string, unknown> {
    const body = Object.fromEntries(Object.entries(inputs).filter(([k]) => !PATH_PARAMETERS.has(k)));
    const identity = body.identity as { userAssignedIdentities?: unknown } | undefined;
    if (identity && Array.isArray(identity.userAssignedIdentities)) {
        body.identity = {
            ...identity,
            userAssignedIdentities: Object.fromEntries(identity.userAssignedIdentities.map((id: string) => [id, {}])),
        };
    }
    return body;
}

function leaves(value: unknown, at = ""): Map<string, unknown> {
    const out = new Map<string, unknown>();
    const join = (k: string) => (at ? `${at}.${k}` : k);
    if (typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
        for (const [k, v] of Object.entries(value)) for (const [p, leaf] of leaves(v, join(k))) out.set(p, leaf);
    } else if (Array.isArray(value) && value.length > 0) {
        value.forEach((v, i) => {
            for (const [p, leaf] of leaves(v, `${at}[${i}]`)) out.set(p, leaf);
        });
    } else out.set(at, value);
    return out;
}

const under = (p: string, prefixes: readonly string[]) =>
    prefixes.some((x) => p === x || p.startsWith(`${x}.`) || p.startsWith(`${x}[`));

/** Every difference between a planned compute and the body received, as `path: planned X, received Y`. */
export function differences(planned: PlannedCompute, received: Record<string, unknown>): string[] {
    const unknowable = [...planned.unknowns, ...planned.placeholders, ...planned.secrets];
    const want = leaves(asRestBody(planned.inputs));
    const got = leaves(received);
    const problems: string[] = [];
    for (const [p, v] of want) {
        if (under(p, unknowable)) continue;
        if (!got.has(p)) problems.push(`${p}: planned ${JSON.stringify(v)}, not received`);
        else if (JSON.stringify(got.get(p)) !== JSON.stringify(v))
            problems.push(`${p}: planned ${JSON.stringify(v)}, received ${JSON.stringify(got.get(p))}`);
    }
    const filled = want.has("location") ? [] : ["location"];
    for (const [p, v] of got) {
        if (!want.has(p) && !under(p, [...unknowable, ...filled]))
            problems.push(`${p}: not planned, received ${JSON.stringify(v)}`);
    }
    return problems;
}
