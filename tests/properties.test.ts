/**
 * Property tests over all four components (seeded, so a failure replays): valid args handed over as real
 * programs do give the payload of the plain args, and that payload is what the REST definitions accept;
 * unknowns in preview give a registration with unknowns and the rest as planned; hostile args give a
 * ComputeValidationError, fast, or a payload the REST definitions accept. The same for stack config.
 *
 * These drive the components' own prepare and mapping steps and serialize the child's inputs as the SDK
 * does for the engine, without a resource registration per case, so thousands of cases fit in the test run;
 * tests/realInputs.test.ts drives the same findings through real registrations.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import type * as pulumi from "@pulumi/pulumi";
import { serializeProperties } from "@pulumi/pulumi/runtime/rpc";
import { ComputeValidationError } from "../components";
import { prepareCompute, toComputeArgs } from "../components/core/pulumi/component";
import { readStackConfig } from "../components/stack/readConfig";
import { decodeWire, UNKNOWN } from "../monitor/recordingMonitor";
import { argsOf, asProgramPasses, CASES, hostileArgsOf, withUnknowns } from "./support/arbitraries";
import { Case } from "./support/kinds";
import { recordRegistrations, unknownOutput, valueOf } from "./support/monitor";
import { checkComputePayload } from "./support/restDefinitions";
import { setClock } from "../components/core/azure/clock";
import { FieldTarget, pathsOf } from "../components/core/pulumi/fieldMap";

const SEED = 20261202;
/** Cases per component type and property: a few thousand per component over the properties below. */
const RUNS = { valid: 800, preview: 200, hostile: 1000, stack: 500 };
/** How long one hostile case may take, in milliseconds. */
const HOSTILE_BOUND_MS = 250;

let serial = 0;
/** A fresh compute name for each case, so the per-deployment name check never sees two cases as a clash. */
const nextName = () => `p${(serial++).toString(36).padStart(4, "0")}`;

/** What one declaration would register: prepared and mapped by the component, serialized as the SDK does. */
async function payload(c: Case, args: unknown, options: { awaitChecks?: boolean } = {}) {
    const prepared = prepareCompute(c.stackKind.kind, nextName(), args as never);
    const child = toComputeArgs(prepared.kind, prepared.args);
    if (options.awaitChecks !== false && prepared.checked.gate) await valueOf(prepared.checked.gate);
    return { name: prepared.name, ...decodeWire(await serializeProperties("property test", child as pulumi.Inputs)) };
}

/** The payload of args the component accepts, or undefined for a combination its cross-field rules refuse (no valid case). */
async function validPayload(c: Case, args: unknown) {
    try {
        return await payload(c, args);
    } catch (e) {
        if (ComputeValidationError.isInstance(e)) return undefined;
        throw e;
    }
}

/** Deletes the value at a dotted path of plain data, and returns it. */
function removeAt(tree: Record<string, unknown>, path: string): unknown {
    const segments = path.split(".");
    let at = tree;
    for (const s of segments.slice(0, -1)) at = at[s] as Record<string, unknown>;
    const last = segments[segments.length - 1]!;
    const removed = at[last];
    delete at[last];
    return removed;
}

/** The payload with the compute name taken out (each case gets its own). */
function sameBut(name: string, inputs: Record<string, unknown>) {
    assert.equal(inputs.computeName, name);
    const { computeName: _, ...rest } = inputs;
    return rest;
}

const optionalKeys = (c: Case) =>
    Object.keys(c.stackKind.kind.fieldMap).filter(
        (k) => !(k in c.minimal) && k !== "computeName" && !c.stackKind.kind.plainArgs.includes(k),
    );
const choices = fc.array(fc.nat(4), { minLength: 16, maxLength: 64 });

describe("properties of every component's inputs", function () {
    this.timeout(120_000);
    let restoreClock = () => {};
    let restoreWarn = () => {};
    before(() => {
        restoreClock = setClock(() => new Date("2026-01-15T00:00:00Z"));
        // Valid args can draw warnings (a password only, ...): not what these tests are about.
        const warn = console.warn;
        console.warn = () => {};
        restoreWarn = () => (console.warn = warn);
    });
    after(() => {
        restoreClock();
        restoreWarn();
    });

    for (const c of CASES) {
        describe(c.title, () => {
            it(`valid args passed as Outputs, Promises and Output(undefined) give the plain payload, which the REST definitions accept (${RUNS.valid} cases)`, async () => {
                await recordRegistrations();
                let checked = 0;
                await fc.assert(
                    fc.asyncProperty(argsOf(c), choices, async (args, how) => {
                        const plain = await validPayload(c, args);
                        if (plain === undefined) return;
                        checked++;
                        assert.deepEqual(checkComputePayload(plain.inputs, plain.secretPaths), []);
                        const late = await payload(c, asProgramPasses(args, how, optionalKeys(c)));
                        assert.deepEqual(sameBut(late.name, late.inputs), sameBut(plain.name, plain.inputs));
                        assert.deepEqual(late.secretPaths, plain.secretPaths);
                        assert.deepEqual(late.unknownPaths, []);
                    }),
                    { seed: SEED, numRuns: RUNS.valid },
                );
                assert.ok(checked > RUNS.valid / 2, `only ${checked} of ${RUNS.valid} generated args were valid`);
            });

            it(`unknowns in preview give a registration with unknowns, the rest as planned (${RUNS.preview} cases)`, async () => {
                await recordRegistrations({ preview: true });
                await fc.assert(
                    fc.asyncProperty(argsOf(c), choices, async (args, how) => {
                        const plain = await validPayload(c, args);
                        if (plain === undefined) return;
                        // Args that are only checked (never sent) can't show as unknown; the control args must be plain.
                        const keep = [
                            "computeType",
                            "type",
                            "workspace",
                            ...Object.entries<FieldTarget>(c.stackKind.kind.fieldMap)
                                .filter(([, f]) => pathsOf(f).length === 0)
                                .map(([k]) => k),
                        ];
                        const { args: partly, count } = withUnknowns(args, how, () => unknownOutput(), keep);
                        const got = await payload(c, partly, { awaitChecks: false });
                        if (count > 0) assert.ok(got.unknownPaths.length > 0, "a value not known yet shows as unknown");
                        // Every known part is what the plain args give; an unknown stands for a whole arg's landing.
                        const known = JSON.parse(JSON.stringify(sameBut(got.name, got.inputs)));
                        const expected = JSON.parse(JSON.stringify(sameBut(plain.name, plain.inputs)));
                        for (const path of got.unknownPaths) {
                            assert.equal(removeAt(known, path), UNKNOWN);
                            removeAt(expected, path);
                        }
                        assert.deepEqual(known, expected);
                    }),
                    { seed: SEED, numRuns: RUNS.preview },
                );
            });

            it(`hostile args give a ComputeValidationError within ${HOSTILE_BOUND_MS} ms, or a payload the REST definitions accept (${RUNS.hostile} cases)`, async () => {
                await recordRegistrations();
                await fc.assert(
                    fc.asyncProperty(hostileArgsOf(c), async (args) => {
                        const started = Date.now();
                        try {
                            const got = await payload(c, args);
                            assert.deepEqual(checkComputePayload(got.inputs, got.secretPaths), []);
                        } catch (e) {
                            assert.ok(
                                ComputeValidationError.isInstance(e),
                                `expected a ComputeValidationError, got ${String(e)}`,
                            );
                            assert.ok(e.message.length < 10_000, `a message of ${e.message.length} characters`);
                            assert.ok(!/\n\s+at /.test(e.message), "no stack trace in the message");
                        }
                        assert.ok(Date.now() - started < HOSTILE_BOUND_MS, `${Date.now() - started} ms`);
                    }),
                    { seed: SEED, numRuns: RUNS.hostile },
                );
            });
        });
    }

    it(`stack config: any entry text gives entries or one ComputeValidationError, fast (${RUNS.stack} cases)`, () => {
        const entry = fc.oneof(
            fc.jsonValue({ maxDepth: 4 }),
            fc.constantFrom(
                '{"__proto__": {"x": 1}}',
                `${"[".repeat(3000)}${"]".repeat(3000)}`,
                '{"cpu": {"vmSize": "Standard_DS3_v2", "maxNodes": 2}}',
            ),
        );
        fc.assert(
            fc.property(
                fc.constantFrom(
                    "computeClusters",
                    "computeInstances",
                    "inferenceClusters",
                    "attachedComputes",
                    "workspace",
                    "other",
                ),
                entry,
                (key, value) => {
                    const text = typeof value === "string" ? value : JSON.stringify(value);
                    const config = {
                        "azureml-compute:workspace": '{"workspaceName": "mlw-dev", "resourceGroupName": "rg-ml"}',
                        [`azureml-compute:${key}`]: text,
                    };
                    const started = Date.now();
                    try {
                        readStackConfig(config);
                    } catch (e) {
                        assert.ok(
                            ComputeValidationError.isInstance(e),
                            `expected a ComputeValidationError, got ${String(e)}`,
                        );
                        assert.ok(e.message.length < 10_000);
                    }
                    assert.ok(Date.now() - started < HOSTILE_BOUND_MS);
                },
            ),
            { seed: SEED, numRuns: RUNS.stack },
        );
    });
});
