/**
 * A project copied into `.tmp-projects/e2e/<name>`, with its stack, run by the real CLI against a simulated
 * Azure held in this process (so tests can look at what it received). The copy gets `azureml-compute` as a
 * link to this checkout's built package, as `npm install` of a local folder would give it, and resolves
 * `@pulumi/*` from the checkout's node_modules (one SDK instance for the program and the library).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type CliResult, pulumi, ROOT, type RunOptions } from "./cli";
import { computeArmId, workspaceArmId } from "../../components/core/azure/resourceIds";
import { DEFAULT_SIGNED_IN, SimulatedAzure } from "../simulator/azure";
import { stopLeftovers } from "./leftovers";

export const SUBSCRIPTION = DEFAULT_SIGNED_IN.subscriptionId;

export interface ProjectSource {
    /** The folder to copy from. */
    readonly from: string;
    /** Files to copy (relative to `from`), or `[file, as]` pairs to copy under another name. */
    readonly files: readonly (string | readonly [string, string])[];
    /** Text replacements applied to every copied file, in order. */
    readonly replace?: readonly (readonly [string | RegExp, string])[];
}

/** The ARM id of a workspace (or, with a compute name, of its compute) in the simulated subscription. */
export function workspaceId(resourceGroup: string, workspace: string, compute?: string): string {
    return compute === undefined
        ? workspaceArmId(SUBSCRIPTION, resourceGroup, workspace)
        : computeArmId(SUBSCRIPTION, resourceGroup, workspace, compute);
}

export class SimStack {
    readonly azure = new SimulatedAzure();
    readonly dir: string;
    private endpoint = "";

    constructor(
        name: string,
        source: ProjectSource,
        readonly stack = "dev",
    ) {
        this.dir = path.join(ROOT, ".tmp-projects", "e2e", name);
        fs.rmSync(this.dir, { recursive: true, force: true });
        for (const entry of source.files) {
            const [file, as] = typeof entry === "string" ? [entry, entry] : entry;
            let text = fs.readFileSync(path.join(source.from, file), "utf8");
            for (const [from, to] of source.replace ?? [])
                text = typeof from === "string" ? text.split(from).join(to) : text.replace(from, to);
            fs.mkdirSync(path.dirname(path.join(this.dir, as)), { recursive: true });
            fs.writeFileSync(path.join(this.dir, as), text);
        }
        fs.mkdirSync(path.join(this.dir, "node_modules"), { recursive: true });
        fs.symlinkSync(ROOT, path.join(this.dir, "node_modules", "azureml-compute"), "dir");
    }

    /** Starts the simulated Azure and makes the stack. */
    async start(): Promise<this> {
        this.endpoint = await this.azure.start();
        try {
            await this.ok(["stack", "init"]);
        } catch (e) {
            await this.stop();
            throw e;
        }
        return this;
    }

    /** Stops the simulated Azure and any Pulumi process the engine left in the folder (see leftovers.ts). */
    async stop(): Promise<void> {
        await this.azure.stop();
        await stopLeftovers(this.dir);
    }

    /** Starts the stack, runs `body`, and stops the simulated Azure however `body` ends. */
    async session(body: (stack: this) => Promise<void>): Promise<void> {
        await this.start();
        try {
            await body(this);
        } finally {
            await this.stop();
        }
    }

    /** Adds a resource group and a workspace that exist before the program runs. */
    existingWorkspace(resourceGroup: string, workspace: string, location = "westeurope"): void {
        this.azure.seed(`/subscriptions/${SUBSCRIPTION}/resourceGroups/${resourceGroup}`, { location });
        this.azure.seed(workspaceId(resourceGroup, workspace), { location, properties: {} });
    }

    run(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
        return pulumi(this.dir, this.endpoint, [...args, "--stack", this.stack], options);
    }

    /** Runs the CLI and fails with its output when it exits non-zero. */
    async ok(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
        const result = await this.run(args, options);
        if (result.code !== 0)
            throw new Error(`pulumi ${args.join(" ")} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
        return result;
    }

    up(): Promise<CliResult> {
        return this.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
    }

    /** `pulumi preview --json`, parsed (its steps, diagnostics and summary). */
    async previewJson(extra: readonly string[] = []): Promise<PreviewDocument> {
        const result = await this.run(["preview", "--json", "--non-interactive", ...extra]);
        return {
            code: result.code,
            stderr: result.stderr,
            ...(JSON.parse(result.stdout) as Omit<PreviewDocument, "code" | "stderr">),
        };
    }

    setConfig(key: string, value: string, secret = false): Promise<CliResult> {
        return this.ok(["config", "set", secret ? "--secret" : "--plaintext", key], { stdin: value });
    }

    /**
     * The resource operations `pulumi preview` plans, in the engine's order (`delete-replaced`, `replace`,
     * `create-replacement`, ...), as its streaming JSON events report them: `[op, urn]` pairs.
     */
    async previewOps(): Promise<[string, string][]> {
        const result = await this.run(["preview", "--json", "--non-interactive"], {
            env: { PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" },
        });
        if (result.code !== 0)
            throw new Error(`pulumi preview exited ${result.code}\n${result.stdout}\n${result.stderr}`);
        return result.stdout
            .split("\n")
            .filter((line) => line.trim().startsWith("{"))
            .map(
                (line) =>
                    (JSON.parse(line) as { resourcePreEvent?: { metadata: { op: string; urn: string } } })
                        .resourcePreEvent,
            )
            .filter((e) => e !== undefined)
            .map((e) => [e.metadata.op, e.metadata.urn]);
    }

    /** Rewrites the stack's config file. */
    editStackFile(edit: (text: string) => string): void {
        const file = path.join(this.dir, `Pulumi.${this.stack}.yaml`);
        fs.writeFileSync(file, edit(fs.readFileSync(file, "utf8")));
    }

    /** Requests the simulated Azure received since `from` (an index into its log), for computes only. */
    computeRequests(from = 0): { method: string; path: string; body?: Record<string, unknown> }[] {
        return this.azure.requests
            .slice(from)
            .filter((r) => r.path.toLowerCase().includes("/computes/") && r.method !== "GET");
    }
}

export interface PreviewStep {
    readonly op: string;
    readonly urn: string;
    readonly diffReasons?: readonly string[];
    readonly replaceReasons?: readonly string[];
    readonly detailedDiff?: Record<string, { kind: string }>;
    readonly newState?: { type: string };
    readonly oldState?: { type: string };
}

export interface PreviewDocument {
    readonly code: number;
    readonly stderr: string;
    readonly steps: readonly PreviewStep[];
    readonly diagnostics?: readonly { message: string; severity: string; urn?: string }[];
    readonly changeSummary?: Record<string, number>;
}

/** The steps for resources of one type whose URN ends with `name`. */
export function stepsFor(doc: PreviewDocument, type: string, name: string): PreviewStep[] {
    return doc.steps.filter((s) => s.urn.endsWith(`::${name}`) && s.urn.includes(type));
}
