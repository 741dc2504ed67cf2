/**
 * The benchmark's sides run and report what the benchmark reads (not timed: CI never judges the figures).
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");

describe("benchmark sides", function () {
    this.timeout(60000);
    for (const side of ["components", "bare", "raw"]) {
        it(`${side}: registers 10 targets and reports wall time and peak RSS`, () => {
            const output = execFileSync(
                process.execPath,
                [require.resolve("ts-node/dist/bin"), "--transpile-only", "scripts/bench/side.ts", side, "10"],
                { cwd: ROOT, encoding: "utf8" },
            );
            const report = JSON.parse(output.trim().split("\n").pop()!);
            assert.equal(report.side, side);
            assert.equal(report.n, 10);
            assert.ok(report.wallMs > 0 && report.maxRssMb > 0, output);
        });
    }
});
