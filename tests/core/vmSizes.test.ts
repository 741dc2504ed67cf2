import { strict as assert } from "node:assert";
import { setClock } from "../../components/core/azure/clock";
import catalogData from "../../components/core/azure/data/vmSizes.json";
import {
    checkVmSize,
    lookupVmSize,
    readVmSizeName,
    suggestCurrentSize,
    vcpusOf,
    VM_SIZE_MAX_LENGTH,
    VM_SIZE_PATTERN,
    VmType,
    VmSizeFacts,
} from "../../components/core/azure/vmSizes";

/** The error for a value that is not a size name, as users read it. */
const malformed = (shown: string): string =>
    `${shown} is not an Azure VM size name: expected "Standard_" followed by letters, digits, "_" or "-" (at most 64 characters), e.g. "Standard_DS3_v2"`;

/** The warning for a well-formed name that neither the catalog nor the naming convention knows. */
const unknown = (size: string): string =>
    `${size} is not in the library's size catalog and its name does not follow the current Azure naming convention, so its vCPU and GPU counts are unknown; check that the region offers it`;

/** Facts read from a name by the naming convention. */
const named = (name: string, vcpus: number, gpu: boolean): VmSizeFacts => ({
    name,
    vcpus,
    gpus: gpu ? undefined : 0,
    gpu,
    source: "name",
});

// Pins "today" for one test; the afterEach hook below puts the previous clock back.
let restoreClock: (() => void) | undefined;
function pinToday(iso: string): void {
    restoreClock = setClock(() => new Date(iso));
}

describe("core/vmSizes", () => {
    afterEach(() => {
        restoreClock?.();
        restoreClock = undefined;
    });

    describe("lookupVmSize: catalog sizes, case-insensitive, catalog spelling", () => {
        const cases: ReadonlyArray<{ input: string; expected: VmSizeFacts }> = [
            {
                input: "standard_ds3_v2",
                expected: {
                    name: "Standard_DS3_v2",
                    vcpus: 4,
                    gpus: 0,
                    gpu: false,
                    series: "DSv2",
                    retires: "2028-05-01",
                    source: "catalog",
                },
            },
            {
                input: "STANDARD_DS3_V2",
                expected: {
                    name: "Standard_DS3_v2",
                    vcpus: 4,
                    gpus: 0,
                    gpu: false,
                    series: "DSv2",
                    retires: "2028-05-01",
                    source: "catalog",
                },
            },
            {
                input: "Standard_DS3_v2",
                expected: {
                    name: "Standard_DS3_v2",
                    vcpus: 4,
                    gpus: 0,
                    gpu: false,
                    series: "DSv2",
                    retires: "2028-05-01",
                    source: "catalog",
                },
            },
            {
                input: "standard_d2s_v3",
                expected: { name: "Standard_D2s_v3", vcpus: 2, gpus: 0, gpu: false, series: "Dsv3", source: "catalog" },
            },
            {
                input: "STANDARD_NC24ADS_A100_V4",
                expected: {
                    name: "Standard_NC24ads_A100_v4",
                    vcpus: 24,
                    gpus: 1,
                    gpu: true,
                    series: "NC_A100_v4",
                    source: "catalog",
                },
            },
            {
                input: "Standard_NC6",
                expected: {
                    name: "Standard_NC6",
                    vcpus: 6,
                    gpus: 1,
                    gpu: true,
                    series: "NC",
                    retires: "2023-08-31",
                    source: "catalog",
                },
            },
            {
                input: "standard_nd40rs_v2",
                expected: {
                    name: "Standard_ND40rs_v2",
                    vcpus: 40,
                    gpus: 8,
                    gpu: true,
                    series: "NDv2",
                    source: "catalog",
                },
            },
            {
                // a GPU partition: 1/6 of an A10, still a GPU size
                input: "Standard_NV6ads_A10_v5",
                expected: {
                    name: "Standard_NV6ads_A10_v5",
                    vcpus: 6,
                    gpus: 0.1667,
                    gpu: true,
                    series: "NVadsA10_v5",
                    source: "catalog",
                },
            },
            {
                input: "standard_f72s_v2",
                expected: {
                    name: "Standard_F72s_v2",
                    vcpus: 72,
                    gpus: 0,
                    gpu: false,
                    series: "Fsv2",
                    retires: "2028-11-15",
                    source: "catalog",
                },
            },
            {
                input: "STANDARD_NC24RS_V2",
                expected: {
                    name: "Standard_NC24rs_v2",
                    vcpus: 24,
                    gpus: 4,
                    gpu: true,
                    series: "NCv2",
                    retires: "2023-08-31",
                    source: "catalog",
                },
            },
            {
                input: "standard_nd6s",
                expected: {
                    name: "Standard_ND6s",
                    vcpus: 6,
                    gpus: 1,
                    gpu: true,
                    series: "ND",
                    retires: "2023-08-31",
                    source: "catalog",
                },
            },
            {
                // constrained HB: the active vCPUs
                input: "Standard_HB60-45rs",
                expected: {
                    name: "Standard_HB60-45rs",
                    vcpus: 45,
                    gpus: 0,
                    gpu: false,
                    series: "HB",
                    retires: "2024-08-31",
                    source: "catalog",
                },
            },
        ];
        for (const { input, expected } of cases) {
            it(`${JSON.stringify(input)} -> ${expected.name} (${expected.vcpus} vCPUs, ${expected.gpus} GPUs)`, () => {
                assert.deepEqual(lookupVmSize(input), expected);
            });
        }

        const byName: ReadonlyArray<{ input: string; expected: VmSizeFacts | undefined }> = [
            // not catalogued: read from the name
            { input: "Standard_D16ds_v5", expected: named("Standard_D16ds_v5", 16, false) },
            { input: "Standard_E8-4ds_v5", expected: named("Standard_E8-4ds_v5", 4, false) },
            { input: "Standard_ND96amsr_A100_v4", expected: named("Standard_ND96amsr_A100_v4", 96, true) },
            // neither catalogued nor readable
            { input: "Standard_A2_v2", expected: undefined },
            { input: "Standard_NP10s", expected: undefined },
            { input: "DS3_v2", expected: undefined },
            { input: "", expected: undefined },
        ];
        for (const { input, expected } of byName) {
            it(`${JSON.stringify(input)} -> ${expected === undefined ? "undefined" : `${expected.vcpus} vCPUs from the name`}`, () => {
                assert.deepEqual(lookupVmSize(input), expected);
            });
        }

        it("the catalog wins over the name for a catalogued size that the convention can also read", () => {
            assert.deepEqual(readVmSizeName("Standard_NC24ads_A100_v4"), named("Standard_NC24ads_A100_v4", 24, true));
            assert.equal(lookupVmSize("Standard_NC24ads_A100_v4")?.source, "catalog");
            assert.equal(lookupVmSize("Standard_NC24ads_A100_v4")?.gpus, 1);
        });

        it("undefined for a value that is not a string", () => {
            assert.equal(lookupVmSize(undefined as unknown as string), undefined);
            assert.equal(lookupVmSize(42 as unknown as string), undefined);
        });

        it("hands out frozen catalog facts", () => {
            const facts = lookupVmSize("Standard_DS3_v2");
            assert.equal(Object.isFrozen(facts), true);
            assert.throws(() => {
                (facts as { vcpus: number }).vcpus = 99;
            }, TypeError);
            assert.equal(lookupVmSize("Standard_DS3_v2")?.vcpus, 4);
        });
    });

    describe("old families: digits are not vCPUs, so counts come from the catalog only", () => {
        const cases: ReadonlyArray<{ size: string; vcpus: number }> = [
            { size: "Standard_D3_v2", vcpus: 4 },
            { size: "Standard_D4_v2", vcpus: 8 },
            { size: "Standard_D11_v2", vcpus: 2 },
            { size: "Standard_D15_v2", vcpus: 20 },
            { size: "Standard_DS11_v2", vcpus: 2 },
            { size: "Standard_DS14_v2", vcpus: 16 },
            // retired or retiring older families
            { size: "Standard_A5", vcpus: 2 },
            { size: "Standard_A9", vcpus: 16 },
            { size: "Standard_D3", vcpus: 4 },
            { size: "Standard_DS11", vcpus: 2 },
            { size: "Standard_D14", vcpus: 16 },
            { size: "Standard_H16mr", vcpus: 16 },
            { size: "Standard_NC12s_v2", vcpus: 12 },
            { size: "Standard_ND24rs", vcpus: 24 },
        ];
        for (const { size, vcpus } of cases) {
            it(`${size}: not read from the name; catalog says ${vcpus} vCPUs`, () => {
                assert.equal(readVmSizeName(size), undefined);
                const facts = lookupVmSize(size);
                assert.equal(facts?.source, "catalog");
                assert.equal(facts?.vcpus, vcpus);
                assert.equal(vcpusOf(size), vcpus);
            });
        }
    });

    describe("readVmSizeName", () => {
        const cases: ReadonlyArray<{ input: string; expected: VmSizeFacts | undefined; note?: string }> = [
            { input: "Standard_D16ds_v5", expected: named("Standard_D16ds_v5", 16, false) },
            { input: "Standard_D2s_v3", expected: named("Standard_D2s_v3", 2, false) },
            {
                input: "Standard_E8-4ds_v5",
                expected: named("Standard_E8-4ds_v5", 4, false),
                note: "constrained: active vCPUs",
            },
            { input: "Standard_HB120rs_v3", expected: named("Standard_HB120rs_v3", 120, false) },
            {
                input: "Standard_HB120-16rs_v3",
                expected: named("Standard_HB120-16rs_v3", 16, false),
                note: "constrained",
            },
            {
                input: "STANDARD_D16DS_V5",
                expected: named("STANDARD_D16DS_V5", 16, false),
                note: "upper case, name kept as given",
            },
            { input: "standard_d16ds_v5", expected: named("standard_d16ds_v5", 16, false), note: "lower case" },
            // GPU families: NC (and NCC), ND, NV, NG; the GPU count is not in the name
            { input: "Standard_NC4as_T4_v3", expected: named("Standard_NC4as_T4_v3", 4, true) },
            { input: "Standard_NCC40ads_H100_v5", expected: named("Standard_NCC40ads_H100_v5", 40, true) },
            { input: "Standard_ND96amsr_A100_v4", expected: named("Standard_ND96amsr_A100_v4", 96, true) },
            { input: "Standard_NV32as_v4", expected: named("Standard_NV32as_v4", 32, true) },
            {
                input: "Standard_NG32ads_V620_v3",
                expected: named("Standard_NG32ads_V620_v3", 32, true),
                note: "NG at v3",
            },
            // NP has FPGAs, not GPUs (Azure's NP sizes are unversioned; a v3 name is used to reach the reader)
            { input: "Standard_NP10s_v3", expected: named("Standard_NP10s_v3", 10, false), note: "FPGA, not GPU" },
            // not readable
            { input: "Standard_NP10s", expected: undefined, note: "unversioned" },
            { input: "Standard_NG8ads_V620_v1", expected: undefined, note: "v1" },
            { input: "Standard_F2s_v2", expected: undefined, note: "v2" },
            { input: "Standard_D3_v2", expected: undefined, note: "old family" },
            { input: "Standard_DS11_v2", expected: undefined, note: "old family" },
            { input: "Standard_NC6", expected: undefined, note: "unversioned" },
            { input: "Standard_E8-8ds_v5", expected: undefined, note: "active vCPUs not fewer than total" },
            { input: "Standard_E8-16ds_v5", expected: undefined, note: "active vCPUs more than total" },
            { input: "Standard_D016ds_v5", expected: undefined, note: "leading zero" },
            { input: "Standard_D16ds_v0", expected: undefined, note: "version 0" },
            { input: "Standard_D16ds_v5_v5", expected: undefined, note: "doubled version" },
            { input: "Standard_DC4as_cc_v5", expected: undefined, note: "_cc is not an accelerator" },
            { input: "Standard_Dds_v5", expected: undefined, note: "no vCPU count" },
            { input: "Standard_D16ds_v5 ", expected: undefined, note: "trailing space" },
            { input: "D16ds_v5", expected: undefined, note: "no prefix" },
            { input: "", expected: undefined, note: "empty" },
        ];
        for (const { input, expected, note } of cases) {
            const outcome =
                expected === undefined ? "undefined" : `${expected.vcpus} vCPUs, ${expected.gpu ? "GPU" : "not GPU"}`;
            it(`${JSON.stringify(input)} -> ${outcome}${note ? ` (${note})` : ""}`, () => {
                assert.deepEqual(readVmSizeName(input), expected);
            });
        }

        it("undefined for a value that is not a string", () => {
            assert.equal(readVmSizeName(undefined as unknown as string), undefined);
            assert.equal(readVmSizeName(16 as unknown as string), undefined);
        });
    });

    describe("GPU or not", () => {
        const cases: ReadonlyArray<{ size: string; gpu: boolean }> = [
            { size: "Standard_NC6", gpu: true },
            { size: "Standard_NC24ads_A100_v4", gpu: true },
            { size: "Standard_ND40rs_v2", gpu: true },
            { size: "Standard_NV12s_v3", gpu: true },
            { size: "Standard_NV6ads_A10_v5", gpu: true },
            { size: "Standard_NG32ads_V620_v3", gpu: true },
            { size: "Standard_NCC40ads_H100_v5", gpu: true },
            { size: "Standard_NP20s_v3", gpu: false },
            { size: "Standard_DS3_v2", gpu: false },
            { size: "Standard_E8-4ds_v5", gpu: false },
            { size: "Standard_HB120rs_v3", gpu: false },
            { size: "Standard_NC6s_v2", gpu: true },
            { size: "Standard_ND24rs", gpu: true },
            { size: "Standard_H16r", gpu: false },
            { size: "Standard_HB60rs", gpu: false },
            { size: "Standard_A8", gpu: false },
        ];
        for (const { size, gpu } of cases) {
            it(`${size} -> ${gpu ? "GPU" : "not GPU"}`, () => {
                assert.equal(lookupVmSize(size)?.gpu, gpu);
            });
        }
    });

    describe("vcpusOf", () => {
        const cases: ReadonlyArray<{ size: string; expected: number | undefined }> = [
            { size: "standard_ds3_v2", expected: 4 },
            { size: "Standard_D3_v2", expected: 4 },
            { size: "Standard_NC80adis_H100_v5", expected: 80 },
            { size: "Standard_D16ds_v5", expected: 16 },
            { size: "Standard_E8-4ds_v5", expected: 4 },
            { size: "Standard_A2_v2", expected: undefined },
            { size: "not a size", expected: undefined },
        ];
        for (const { size, expected } of cases) {
            it(`${JSON.stringify(size)} -> ${expected}`, () => {
                assert.equal(vcpusOf(size), expected);
            });
        }
    });

    describe("checkVmSize: malformed names are errors", () => {
        const justRight = `Standard_${"D".repeat(55)}`; // 64 characters
        const tooLong = `Standard_${"D".repeat(56)}`; // 65 characters
        const cases: ReadonlyArray<{ title: string; input: string; shown: string }> = [
            { title: "no Standard_ prefix", input: "DS3_v2", shown: '"DS3_v2"' },
            { title: "other prefix", input: "Basic_A1", shown: '"Basic_A1"' },
            { title: "spaces", input: "Standard DS3 v2", shown: '"Standard DS3 v2"' },
            { title: "trailing space", input: "Standard_DS3_v2 ", shown: '"Standard_DS3_v2 "' },
            { title: "trailing newline (shown escaped)", input: "Standard_DS3_v2\n", shown: '"Standard_DS3_v2\\n"' },
            { title: "a dot", input: "Standard_DS3.v2", shown: '"Standard_DS3.v2"' },
            { title: "prefix only", input: "Standard_", shown: '"Standard_"' },
            { title: "65 characters", input: tooLong, shown: `"${tooLong}"` },
            { title: "empty", input: "", shown: '""' },
            { title: "200 characters, echoed whole", input: "y".repeat(200), shown: `"${"y".repeat(200)}"` },
            { title: "201 characters, echoed cut to 40", input: "x".repeat(201), shown: `"${"x".repeat(40)}…"` },
        ];
        for (const { title, input, shown } of cases) {
            it(`${title}: ${JSON.stringify(input.length > 70 ? input.slice(0, 20) + "..." : input)} -> error echoing ${shown.length > 70 ? shown.slice(0, 20) + "..." : shown}`, () => {
                assert.deepEqual(checkVmSize(input, undefined), { errors: [malformed(shown)], warnings: [] });
            });
        }

        it("a value that is not a string is echoed as a string", () => {
            assert.deepEqual(checkVmSize(42 as unknown as string, "CPU"), {
                errors: [malformed('"42"')],
                warnings: [],
            });
            assert.deepEqual(checkVmSize(null as unknown as string, undefined), {
                errors: [malformed('"null"')],
                warnings: [],
            });
        });

        it(`64 characters (VM_SIZE_MAX_LENGTH = ${VM_SIZE_MAX_LENGTH}) is well formed: only the unknown-size warning`, () => {
            assert.equal(justRight.length, 64);
            assert.deepEqual(checkVmSize(justRight, undefined), { errors: [], warnings: [unknown(justRight)] });
        });
    });

    describe("checkVmSize: well-formed sizes nobody knows warn", () => {
        const cases: ReadonlyArray<{ input: string; vmType: VmType | undefined }> = [
            { input: "Standard_A2_v2", vmType: undefined },
            { input: "Standard_NP10s", vmType: "CPU" },
            { input: "Standard_NG8ads_V620_v1", vmType: "CPU" },
            { input: "Standard_Foo", vmType: "GPU" },
            { input: "STANDARD_M416MS_V2", vmType: undefined },
        ];
        for (const { input, vmType } of cases) {
            it(`${input} (vmType ${vmType ?? "unset"}) -> unknown-size warning, no errors`, () => {
                assert.deepEqual(checkVmSize(input, vmType), { errors: [], warnings: [unknown(input)] });
            });
        }
    });

    describe("checkVmSize: known current sizes pass", () => {
        const cases: ReadonlyArray<{ input: string; vmType: VmType | undefined; name: string }> = [
            { input: "Standard_D4s_v3", vmType: "CPU", name: "Standard_D4s_v3" },
            { input: "standard_d4s_v3", vmType: undefined, name: "Standard_D4s_v3" },
            { input: "Standard_NC4as_T4_v3", vmType: "GPU", name: "Standard_NC4as_T4_v3" },
            { input: "Standard_D16ds_v5", vmType: "CPU", name: "Standard_D16ds_v5" },
            { input: "Standard_NCC40ads_H100_v5", vmType: "GPU", name: "Standard_NCC40ads_H100_v5" },
        ];
        for (const { input, vmType, name } of cases) {
            it(`${input} (vmType ${vmType ?? "unset"}) -> no errors or warnings, facts for ${name}`, () => {
                pinToday("2025-06-15T12:00:00Z");
                const result = checkVmSize(input, vmType);
                assert.deepEqual(result.errors, []);
                assert.deepEqual(result.warnings, []);
                assert.equal(result.facts?.name, name);
            });
        }
    });

    describe("checkVmSize: retirement against a pinned today", () => {
        const cases: ReadonlyArray<{
            today: string;
            size: string;
            errors: readonly string[];
            warnings: readonly string[];
        }> = [
            // retired before today
            {
                today: "2025-06-15T12:00:00Z",
                size: "Standard_NC6",
                errors: [
                    "Standard_NC6 was retired on 2023-08-31; use a current size such as Standard_NC8as_T4_v3 (8 vCPUs, 1 GPU)",
                ],
                warnings: [],
            },
            {
                today: "2025-06-15T12:00:00Z",
                size: "standard_nc6",
                errors: [
                    "Standard_NC6 was retired on 2023-08-31; use a current size such as Standard_NC8as_T4_v3 (8 vCPUs, 1 GPU)",
                ],
                warnings: [],
            },
            {
                today: "2025-06-15T12:00:00Z",
                size: "Standard_NC24rs_v3",
                errors: [
                    "Standard_NC24rs_v3 was retired on 2025-03-31; use a current size such as Standard_NV48s_v3 (48 vCPUs, 4 GPUs)",
                ],
                warnings: [],
            },
            {
                today: "2025-06-15T12:00:00Z",
                size: "Standard_NV12",
                errors: [
                    "Standard_NV12 was retired on 2023-08-31; use a current size such as Standard_NV24s_v3 (24 vCPUs, 2 GPUs)",
                ],
                warnings: [],
            },
            {
                // NVv3 now retires within the year, so it is no longer suggested
                today: "2026-01-01T12:00:00Z",
                size: "Standard_NV12",
                errors: [
                    "Standard_NV12 was retired on 2023-08-31; use a current size such as Standard_NC48ads_A100_v4 (48 vCPUs, 2 GPUs)",
                ],
                warnings: [],
            },
            {
                today: "2028-06-01T12:00:00Z",
                size: "Standard_D15_v2",
                errors: [
                    "Standard_D15_v2 was retired on 2028-05-01; use a current size such as Standard_D32s_v3 (32 vCPUs)",
                ],
                warnings: [],
            },
            // retiring exactly today counts as retired
            {
                today: "2028-05-01T00:00:00Z",
                size: "Standard_DS3_v2",
                errors: [
                    "Standard_DS3_v2 was retired on 2028-05-01; use a current size such as Standard_D4s_v3 (4 vCPUs)",
                ],
                warnings: [],
            },
            {
                today: "2025-09-30T23:59:59Z",
                size: "Standard_NC6s_v3",
                errors: [
                    "Standard_NC6s_v3 was retired on 2025-09-30; use a current size such as Standard_NC8as_T4_v3 (8 vCPUs, 1 GPU)",
                ],
                warnings: [],
            },
            // the day before: a warning, not yet retired
            {
                today: "2025-09-29T23:59:59Z",
                size: "Standard_NC6s_v3",
                errors: [],
                warnings: [
                    "Standard_NC6s_v3 retires on 2025-09-30; plan a move to a current size such as Standard_NC8as_T4_v3 (8 vCPUs, 1 GPU)",
                ],
            },
            {
                // today is a UTC date: 00:00 at +02:00 is still the 29th in UTC
                today: "2025-09-30T00:00:00+02:00",
                size: "Standard_NC6s_v3",
                errors: [],
                warnings: [
                    "Standard_NC6s_v3 retires on 2025-09-30; plan a move to a current size such as Standard_NC8as_T4_v3 (8 vCPUs, 1 GPU)",
                ],
            },
            // retiring within 365 days warns
            {
                today: "2025-06-15T12:00:00Z",
                size: "Standard_NC6s_v3",
                errors: [],
                warnings: [
                    "Standard_NC6s_v3 retires on 2025-09-30; plan a move to a current size such as Standard_NC8as_T4_v3 (8 vCPUs, 1 GPU)",
                ],
            },
            {
                today: "2027-06-01T12:00:00Z",
                size: "Standard_DS3_v2",
                errors: [],
                warnings: [
                    "Standard_DS3_v2 retires on 2028-05-01; plan a move to a current size such as Standard_D4s_v3 (4 vCPUs)",
                ],
            },
            // exactly 365 days ahead still warns; 366 days ahead does not
            {
                today: "2024-09-30T12:00:00Z",
                size: "Standard_NC6s_v3",
                errors: [],
                warnings: [
                    "Standard_NC6s_v3 retires on 2025-09-30; plan a move to a current size such as Standard_NC8as_T4_v3 (8 vCPUs, 1 GPU)",
                ],
            },
            { today: "2024-09-29T12:00:00Z", size: "Standard_NC6s_v3", errors: [], warnings: [] },
            {
                // across 29 February 2028: 2027-11-16 + 365 days = 2028-11-15; Fsv2 itself is not suggested
                today: "2027-11-16T12:00:00Z",
                size: "Standard_F2s_v2",
                errors: [],
                warnings: [
                    "Standard_F2s_v2 retires on 2028-11-15; plan a move to a current size such as Standard_D2s_v3 (2 vCPUs)",
                ],
            },
            { today: "2027-11-15T12:00:00Z", size: "Standard_F2s_v2", errors: [], warnings: [] },
            // retiring after 365 days: nothing
            { today: "2025-06-15T12:00:00Z", size: "Standard_DS3_v2", errors: [], warnings: [] },
            { today: "2025-06-15T12:00:00Z", size: "Standard_NV12s_v3", errors: [], warnings: [] },
        ];
        for (const { today, size, errors, warnings } of cases) {
            const outcome = errors.length > 0 ? "retired" : warnings.length > 0 ? "retiring" : "no retirement message";
            it(`today ${today}: ${size} -> ${outcome}`, () => {
                pinToday(today);
                const result = checkVmSize(size, undefined);
                assert.deepEqual(result.errors, errors);
                assert.deepEqual(result.warnings, warnings);
            });
        }

        it("the clock is read on each call (setClock's restore puts the previous clock back)", () => {
            const restoreOuter = setClock(() => new Date("2025-06-15T12:00:00Z"));
            try {
                assert.equal(checkVmSize("Standard_NC6s_v3", undefined).warnings.length, 1);
                const restoreInner = setClock(() => new Date("2025-10-01T12:00:00Z"));
                assert.equal(checkVmSize("Standard_NC6s_v3", undefined).errors.length, 1);
                restoreInner();
                assert.deepEqual(checkVmSize("Standard_NC6s_v3", undefined).errors, []);
                assert.equal(checkVmSize("Standard_NC6s_v3", undefined).warnings.length, 1);
            } finally {
                restoreOuter();
            }
        });

        it("works a size out once per day: the same answer, frozen, until the day changes", () => {
            pinToday("2025-06-15T12:00:00Z");
            const first = checkVmSize("Standard_NC6s_v3", undefined);
            assert.equal(checkVmSize("Standard_NC6s_v3", undefined), first);
            assert.ok(Object.isFrozen(first));
            assert.notEqual(checkVmSize("Standard_NC6s_v3", "GPU"), first, "another vmType is another question");
            pinToday("2025-10-01T12:00:00Z");
            assert.notEqual(checkVmSize("Standard_NC6s_v3", undefined), first);
        });
    });

    describe("checkVmSize: vmType must agree with the size", () => {
        const cases: ReadonlyArray<{ size: string; vmType: VmType | undefined; errors: readonly string[] }> = [
            {
                size: "Standard_NC4as_T4_v3",
                vmType: "CPU",
                errors: ['Standard_NC4as_T4_v3 is a GPU size, but vmType is "CPU"'],
            },
            {
                size: "standard_nc4as_t4_v3",
                vmType: "CPU",
                errors: ['Standard_NC4as_T4_v3 is a GPU size, but vmType is "CPU"'],
            },
            {
                size: "Standard_NV6ads_A10_v5",
                vmType: "CPU",
                errors: ['Standard_NV6ads_A10_v5 is a GPU size, but vmType is "CPU"'],
            },
            {
                size: "Standard_ND96amsr_A100_v4",
                vmType: "CPU",
                errors: ['Standard_ND96amsr_A100_v4 is a GPU size, but vmType is "CPU"'],
            },
            { size: "Standard_D4s_v3", vmType: "GPU", errors: ['Standard_D4s_v3 is a CPU size, but vmType is "GPU"'] },
            { size: "STANDARD_D4S_V3", vmType: "GPU", errors: ['Standard_D4s_v3 is a CPU size, but vmType is "GPU"'] },
            {
                size: "Standard_E8-4ds_v5",
                vmType: "GPU",
                errors: ['Standard_E8-4ds_v5 is a CPU size, but vmType is "GPU"'],
            },
            {
                size: "Standard_NP20s_v3",
                vmType: "GPU",
                errors: ['Standard_NP20s_v3 is a CPU size, but vmType is "GPU"'],
            },
            { size: "Standard_NC4as_T4_v3", vmType: "GPU", errors: [] },
            { size: "Standard_D4s_v3", vmType: "CPU", errors: [] },
            { size: "Standard_NC4as_T4_v3", vmType: undefined, errors: [] },
            { size: "Standard_D4s_v3", vmType: undefined, errors: [] },
            {
                // a retired size of the wrong type: both errors, retirement first
                size: "Standard_NC6",
                vmType: "CPU",
                errors: [
                    "Standard_NC6 was retired on 2023-08-31; use a current size such as Standard_NC8as_T4_v3 (8 vCPUs, 1 GPU)",
                    'Standard_NC6 is a GPU size, but vmType is "CPU"',
                ],
            },
        ];
        for (const { size, vmType, errors } of cases) {
            it(`${size} with vmType ${vmType ?? "unset"} -> ${errors.length === 0 ? "no errors" : errors.join(" | ")}`, () => {
                pinToday("2025-06-15T12:00:00Z");
                const result = checkVmSize(size, vmType);
                assert.deepEqual(result.errors, errors);
                assert.deepEqual(result.warnings, []);
            });
        }
    });

    describe("checkVmSize: retired older families are in the catalog, with their date and a current size", () => {
        const cases: ReadonlyArray<{ family: string; today: string; size: string; vmType: VmType; error: string }> = [
            {
                family: "NCv2",
                today: "2025-06-15T12:00:00Z",
                size: "Standard_NC6s_v2",
                vmType: "GPU",
                error: "Standard_NC6s_v2 was retired on 2023-08-31; use a current size such as Standard_NC8as_T4_v3 (8 vCPUs, 1 GPU)",
            },
            {
                family: "ND",
                today: "2025-06-15T12:00:00Z",
                size: "standard_nd12s",
                vmType: "GPU",
                error: "Standard_ND12s was retired on 2023-08-31; use a current size such as Standard_NV24s_v3 (24 vCPUs, 2 GPUs)",
            },
            {
                family: "ND",
                // NVv3 retires within the year, so the next 4-GPU size up
                today: "2026-01-01T12:00:00Z",
                size: "Standard_ND24rs",
                vmType: "GPU",
                error: "Standard_ND24rs was retired on 2023-08-31; use a current size such as Standard_NC64as_T4_v3 (64 vCPUs, 4 GPUs)",
            },
            {
                family: "Av1",
                today: "2025-06-15T12:00:00Z",
                size: "Standard_A4",
                vmType: "CPU",
                error: "Standard_A4 was retired on 2024-08-31; use a current size such as Standard_D4_v2 (8 vCPUs)",
            },
            {
                family: "A8-A11",
                today: "2025-06-15T12:00:00Z",
                size: "Standard_A9",
                vmType: "CPU",
                error: "Standard_A9 was retired on 2021-03-01; use a current size such as Standard_D5_v2 (16 vCPUs)",
            },
            {
                family: "D/DS v1",
                today: "2028-06-01T12:00:00Z",
                size: "Standard_DS3",
                vmType: "CPU",
                error: "Standard_DS3 was retired on 2028-05-01; use a current size such as Standard_D4s_v3 (4 vCPUs)",
            },
            {
                family: "D/DS v1 (memory)",
                // retiring exactly today counts as retired
                today: "2028-05-01T00:00:00Z",
                size: "STANDARD_D14",
                vmType: "CPU",
                error: "Standard_D14 was retired on 2028-05-01; use a current size such as Standard_D16s_v3 (16 vCPUs)",
            },
            {
                family: "H",
                today: "2025-06-15T12:00:00Z",
                size: "Standard_H16r",
                vmType: "CPU",
                error: "Standard_H16r was retired on 2022-08-31; use a current size such as Standard_D5_v2 (16 vCPUs)",
            },
            {
                family: "HB",
                today: "2025-06-15T12:00:00Z",
                size: "Standard_HB60-45rs",
                vmType: "CPU",
                error: "Standard_HB60-45rs was retired on 2024-08-31; use a current size such as Standard_D48s_v3 (48 vCPUs)",
            },
        ];
        for (const { family, today, size, vmType, error } of cases) {
            it(`${family}: today ${today}: ${size} -> retired on its date, a current size suggested`, () => {
                pinToday(today);
                const result = checkVmSize(size, vmType);
                assert.deepEqual(result.errors, [error]);
                assert.deepEqual(result.warnings, []);
                assert.equal(result.retired, error);
                assert.equal(result.facts?.source, "catalog");
            });
        }

        it("D/DS v1 before retirement: a warning within the year, nothing earlier", () => {
            pinToday("2027-06-01T12:00:00Z");
            assert.deepEqual(checkVmSize("Standard_D3", "CPU"), {
                errors: [],
                warnings: [
                    "Standard_D3 retires on 2028-05-01; plan a move to a current size such as Standard_D4s_v3 (4 vCPUs)",
                ],
                facts: lookupVmSize("Standard_D3"),
                retired: undefined,
                retiring:
                    "Standard_D3 retires on 2028-05-01; plan a move to a current size such as Standard_D4s_v3 (4 vCPUs)",
            });
            pinToday("2025-06-15T12:00:00Z");
            const early = checkVmSize("Standard_D3", "CPU");
            assert.deepEqual(early.errors, []);
            assert.deepEqual(early.warnings, []);
            assert.equal(early.retiring, undefined);
        });

        it("Basic A sizes are not Standard_ names, so they stay malformed rather than catalogued", () => {
            assert.equal(lookupVmSize("Basic_A2"), undefined);
            assert.deepEqual(checkVmSize("Basic_A2", "CPU"), { errors: [malformed('"Basic_A2"')], warnings: [] });
        });
    });

    describe("catalog: the older families never change a suggestion", () => {
        // The families added for computes that still have them. Each sits after the current sizes
        // of its class, so it never wins a tie; and each is retired, or (D/DS v1) has the counts and
        // date of Dv2/DSv2, so it never wins outright either.
        const olderSeries = new Set([
            "A",
            "A (compute-intensive)",
            "D",
            "DS",
            "D (memory)",
            "DS (memory)",
            "H",
            "HB",
            "NCv2",
            "ND",
        ]);
        const older = new Set(catalogData.sizes.filter((e) => olderSeries.has(e.series)).map((e) => e.name));
        const probes: readonly VmSizeFacts[] = [
            ...catalogData.sizes.map((e) => lookupVmSize(e.name)!),
            named("Standard_D128ds_v6", 128, false),
            named("Standard_D12ds_v5", 12, false),
            named("Standard_NC20ads_H100_v5", 20, true),
        ];
        const days = ["2024-09-30", "2025-06-15", "2026-01-01", "2026-10-01", "2027-06-01", "2028-06-01", "2029-01-01"];

        it(`the older families are catalogued (${older.size} sizes)`, () => {
            assert.equal(older.size, 46);
        });

        for (const day of days) {
            it(`today ${day}: no catalog size (nor a few read from their names) is pointed at an older family`, () => {
                pinToday(`${day}T12:00:00Z`);
                const offending = probes
                    .map((facts) => ({ from: facts.name, to: suggestCurrentSize(facts)?.name }))
                    .filter(({ to }) => to !== undefined && older.has(to));
                assert.deepEqual(offending, []);
            });
        }

        it("every catalog name is a Standard_ size name, unique ignoring case, with a YYYY-MM-DD date or null", () => {
            const seen = new Set<string>();
            for (const e of catalogData.sizes) {
                assert.match(e.name, VM_SIZE_PATTERN);
                assert.equal(seen.has(e.name.toLowerCase()), false, `${e.name} appears twice`);
                seen.add(e.name.toLowerCase());
                if (e.retires !== null) {
                    assert.match(e.retires, /^\d{4}-\d{2}-\d{2}$/);
                    assert.equal(new Date(`${e.retires}T00:00:00Z`).toISOString().slice(0, 10), e.retires);
                }
            }
        });
    });

    describe("suggestCurrentSize: same class, enough GPUs, then fewest enough vCPUs", () => {
        const gpuOfUnknownCount = readVmSizeName("Standard_NC20ads_H100_v5");
        const cases: ReadonlyArray<{
            title: string;
            today: string;
            facts: VmSizeFacts | undefined;
            expected: string | undefined;
        }> = [
            {
                title: "retired NC6 (1 GPU, 6 vCPUs)",
                today: "2025-06-15T12:00:00Z",
                facts: lookupVmSize("Standard_NC6"),
                expected: "Standard_NC8as_T4_v3",
            },
            {
                title: "retired NC24 (4 GPUs, 24 vCPUs)",
                today: "2025-06-15T12:00:00Z",
                facts: lookupVmSize("Standard_NC24"),
                expected: "Standard_NV48s_v3",
            },
            {
                title: "retired NC24 once NVv3 retires within the year",
                today: "2026-01-01T12:00:00Z",
                facts: lookupVmSize("Standard_NC24"),
                expected: "Standard_NC64as_T4_v3",
            },
            {
                title: "retiring NV12s_v3 (1 GPU, 12 vCPUs): not itself",
                today: "2026-01-01T12:00:00Z",
                facts: lookupVmSize("Standard_NV12s_v3"),
                expected: "Standard_NC16as_T4_v3",
            },
            {
                title: "GPU partition NV12ads_A10_v5 (1/3 GPU): next partition up",
                today: "2025-06-15T12:00:00Z",
                facts: lookupVmSize("Standard_NV12ads_A10_v5"),
                expected: "Standard_NV18ads_A10_v5",
            },
            {
                title: "ND40rs_v2 (8 GPUs): the other 8-GPU sizes",
                today: "2025-06-15T12:00:00Z",
                facts: lookupVmSize("Standard_ND40rs_v2"),
                expected: "Standard_ND96asr_v4",
            },
            {
                title: "GPU of unknown count (20 vCPUs): skips the GPU step; tie at 24 vCPUs goes to the earlier entry",
                today: "2025-06-15T12:00:00Z",
                facts: gpuOfUnknownCount,
                expected: "Standard_NC24ads_A100_v4",
            },
            {
                title: "CPU DS3_v2 (4 vCPUs): never a GPU size",
                today: "2027-06-01T12:00:00Z",
                facts: lookupVmSize("Standard_DS3_v2"),
                expected: "Standard_D4s_v3",
            },
            {
                title: "CPU D15_v2 (20 vCPUs)",
                today: "2028-06-01T12:00:00Z",
                facts: lookupVmSize("Standard_D15_v2"),
                expected: "Standard_D32s_v3",
            },
            {
                title: "CPU with 128 vCPUs: none has enough, so the most (F72s_v2 while current)",
                today: "2025-06-15T12:00:00Z",
                facts: named("Standard_D128ds_v6", 128, false),
                expected: "Standard_F72s_v2",
            },
            {
                title: "CPU with 128 vCPUs after Fsv2 retires: the most, tie to the earlier entry",
                today: "2028-01-01T12:00:00Z",
                facts: named("Standard_D128ds_v6", 128, false),
                expected: "Standard_D64s_v3",
            },
            {
                title: "16 GPUs: no size has enough",
                today: "2025-06-15T12:00:00Z",
                facts: { name: "Standard_ND192isr_X1_v9", vcpus: 192, gpus: 16, gpu: true, source: "name" },
                expected: undefined,
            },
        ];
        for (const { title, today, facts, expected } of cases) {
            it(`${title} (today ${today.slice(0, 10)}) -> ${expected ?? "undefined"}`, () => {
                assert.notEqual(facts, undefined);
                pinToday(today);
                const suggestion = suggestCurrentSize(facts!);
                assert.equal(suggestion?.name, expected);
                if (suggestion !== undefined) {
                    assert.equal(suggestion.gpu, facts!.gpu);
                    assert.equal(suggestion.source, "catalog");
                }
            });
        }
    });
});

describe("core/vmSizes: families the naming convention does not know", () => {
    it("does not read a made-up family, so it draws the unknown-size warning", () => {
        assert.equal(readVmSizeName("Standard_Q8zz_v9"), undefined);
        assert.deepEqual(checkVmSize("Standard_Q8zz_v9", undefined).warnings, [
            "Standard_Q8zz_v9 is not in the library's size catalog and its name does not follow the current Azure naming convention, so its vCPU and GPU counts are unknown; check that the region offers it",
        ]);
    });
});
