/**
 * One side of one round of the benchmark, in its own process: registers N compute targets under the
 * mock runtime one of three ways and prints `{ side, n, wallMs, maxRssMb }` as JSON.
 *   components: the library's components (validation, mapping, child, outputs);
 *   bare: each Compute inside a ComponentResource that does nothing else (the floor of any component design);
 *   raw: the same Compute payloads declared directly.
 */
import * as pulumi from "@pulumi/pulumi";
import { Compute } from "@pulumi/azure-native/machinelearningservices";
import { COMPONENT_REGISTRY } from "../../components/registry";
import { payload, target } from "./payloads";
import { forgetPendingPromises } from "../../monitor/recordingMonitor";

const COMPUTE = "azure-native:machinelearningservices:Compute";
const CONSTRUCTORS: Record<string, new (name: string, args: unknown) => unknown> = Object.fromEntries(
    COMPONENT_REGISTRY.map((c) => [c.kind.name, c.Component]),
);

class Bare extends pulumi.ComponentResource {
    constructor(name: string, args: ReturnType<typeof payload>, immutable: readonly string[]) {
        super("bench:index:Bare", name, {}, {});
        new Compute(name, args, { parent: this, replaceOnChanges: [...immutable], deleteBeforeReplace: true });
        this.registerOutputs({});
    }
}

async function main(): Promise<void> {
    const [side, nText] = process.argv.slice(2);
    const n = Number(nText);
    let registered = 0;
    let done: () => void = () => {};
    const allRegistered = new Promise<void>((resolve) => (done = resolve));
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                if (args.type === COMPUTE && ++registered === n) done();
                return {
                    id: `${args.name}-id`,
                    state: args.type === COMPUTE ? { ...args.inputs, name: args.inputs.computeName } : args.inputs,
                };
            },
            call: (args) => args.inputs,
        },
        "bench",
        "bench",
        true,
    );
    // Built before the clock starts: only declaring is measured.
    const targets = Array.from({ length: n }, (_, i) => target(i));
    const payloads = side === "components" ? [] : targets.map(payload);
    const start = process.hrtime.bigint();
    targets.forEach((t, i) => {
        if (side === "components") new CONSTRUCTORS[t.kind.name]!(t.name, t.args);
        else if (side === "bare") new Bare(t.name, payloads[i]!, t.kind.immutable);
        else new Compute(t.name, payloads[i]!);
    });
    await allRegistered;
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`${JSON.stringify({ side, n, wallMs, maxRssMb })}\n`);
    // Outputs nobody awaits stay pending under mocks; forget them so the SDK's exit check stays quiet.
    forgetPendingPromises();
    process.exit(0);
}

void main();
