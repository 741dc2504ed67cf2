/**
 * `npm run bench`: what the library adds to the cost of declaring compute.
 *
 * For N = 50, 200 and 500 compute targets, each side (components, bare wrapper, raw Compute) runs in a
 * fresh process per round (the mock runtime keeps every registration), sides alternating in a rotating
 * order so machine noise hits all three; medians over rounds. Then validation throughput per component
 * and the time to load the package. Options: --rounds <n> (default 6: each side goes first, second and
 * third equally often), --sizes 50,200,500.
 */
import { execFileSync } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import { validateValues } from "../../components/core/validation/validate";
import { target } from "./payloads";

const SIDES = ["components", "bare", "raw"] as const;
type Side = (typeof SIDES)[number];

interface Sample {
    readonly wallMs: number;
    readonly maxRssMb: number;
}

function option(name: string, fallback: string): string {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function runSide(side: Side, n: number): Sample {
    const output = execFileSync(process.execPath, [path.join(__dirname, "side.js"), side, String(n)], {
        encoding: "utf8",
    });
    return JSON.parse(output.trim().split("\n").pop()!) as Sample;
}

/** Milliseconds to load modules in a fresh process (median of `times`). */
function loadTime(modules: readonly string[], times: number): number {
    const script = `const t = process.hrtime.bigint(); for (const m of ${JSON.stringify(modules)}) require(m); console.log(Number(process.hrtime.bigint() - t) / 1e6);`;
    const root = path.resolve(__dirname, "../../..");
    return median(
        Array.from({ length: times }, () =>
            Number(execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" }).trim()),
        ),
    );
}

/** Validations per second of each component's args (the library's checks alone, no Pulumi). */
function validationRates(): Record<string, number> {
    const rates: Record<string, number> = {};
    for (let i = 0; i < 10; i++) {
        const t = target(i);
        if (rates[t.kind.name] !== undefined) continue;
        const args = { ...t.args, computeName: t.name };
        const rounds = 2000;
        const start = process.hrtime.bigint();
        for (let r = 0; r < rounds; r++) validateValues(t.kind.rules, args);
        rates[t.kind.name] = Math.round(rounds / (Number(process.hrtime.bigint() - start) / 1e9));
    }
    return rates;
}

function pad(text: string | number, width: number): string {
    return String(text).padStart(width);
}

function main(): void {
    const rounds = Number(option("rounds", "6"));
    const sizes = option("sizes", "50,200,500").split(",").map(Number);
    const samples = new Map<string, Sample[]>();
    for (let round = 0; round < rounds; round++) {
        for (const n of sizes) {
            // Rotate which side goes first, so no side always runs on a warm (or a busy) machine.
            const order = SIDES.map((_, i) => SIDES[(i + round) % SIDES.length]!);
            for (const side of order) {
                const key = `${side}/${n}`;
                samples.set(key, [...(samples.get(key) ?? []), runSide(side, n)]);
            }
        }
        process.stderr.write(`round ${round + 1}/${rounds} done\n`);
    }

    const med = (side: Side, n: number, of: keyof Sample) => median(samples.get(`${side}/${n}`)!.map((s) => s[of]));
    console.log(
        `azureml-compute benchmark: ${rounds} rounds, medians; node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown cpu"})`,
    );
    console.log("");
    console.log(`${pad("N", 5)} ${pad("side", 11)} ${pad("ms/target", 10)} ${pad("peak RSS MB", 12)}`);
    for (const n of sizes) {
        for (const side of SIDES) {
            console.log(
                `${pad(n, 5)} ${pad(side, 11)} ${pad((med(side, n, "wallMs") / n).toFixed(2), 10)} ${pad(med(side, n, "maxRssMb").toFixed(0), 12)}`,
            );
        }
    }
    console.log("");
    console.log(
        `${pad("N", 5)} ${pad("time c/bare", 12)} ${pad("rss c/bare", 11)} ${pad("time c/raw", 11)} ${pad("rss c/raw", 10)}`,
    );
    for (const n of sizes) {
        const r = (a: Side, b: Side, of: keyof Sample) => (med(a, n, of) / med(b, n, of)).toFixed(2);
        console.log(
            `${pad(n, 5)} ${pad(r("components", "bare", "wallMs"), 12)} ${pad(r("components", "bare", "maxRssMb"), 11)} ${pad(r("components", "raw", "wallMs"), 11)} ${pad(r("components", "raw", "maxRssMb"), 10)}`,
        );
    }

    console.log("");
    console.log("validations per second (args of the benchmark mix, checks only):");
    for (const [name, rate] of Object.entries(validationRates())) console.log(`  ${name.padEnd(18)} ${rate}`);

    const deps = loadTime(["@pulumi/pulumi", "@pulumi/azure-native/machinelearningservices"], 5);
    const withPackage = loadTime(
        ["@pulumi/pulumi", "@pulumi/azure-native/machinelearningservices", "./dist-bench/components/index.js"],
        5,
    );
    console.log("");
    console.log(
        `load: @pulumi/pulumi + azure-native machinelearningservices ${deps.toFixed(0)} ms; with the package ${withPackage.toFixed(0)} ms; the package adds ${(withPackage - deps).toFixed(0)} ms`,
    );

    const last = sizes[sizes.length - 1]!;
    const ratio = (b: Side, of: keyof Sample) => (med("components", last, of) / med(b, last, of)).toFixed(2);
    console.log("");
    console.log(
        `over bare: time=${ratio("bare", "wallMs")} rss=${ratio("bare", "maxRssMb")}; over raw: time=${ratio("raw", "wallMs")} at N=${last}`,
    );
}

main();
