import { strict as assert } from "node:assert";
import {
    checkDuration,
    describeSeconds,
    DurationInput,
    normalizeDuration,
    parseDurationSeconds,
    toIsoDuration,
} from "../../components/core/azure/durations";

/** The bounds of an idle-time field: 15 minutes to 3 days. */
const BOUNDS = { min: 900, max: 259200 } as const;

const CALENDAR = 'years, months and weeks are not fixed lengths; use days, hours, minutes or seconds (e.g. "P7D")';
const NOT_A_DURATION = 'is not a duration: give a number of seconds or an ISO 8601 duration such as "PT2M"';

describe("core/durations", () => {
    describe("parseDurationSeconds", () => {
        const cases: ReadonlyArray<{ input: string; expected: number | undefined }> = [
            { input: "PT2M", expected: 120 },
            { input: "PT1H30M", expected: 5400 },
            { input: "P1D", expected: 86400 },
            { input: "PT0.5S", expected: 0.5 },
            { input: "PT0S", expected: 0 },
            { input: "P0D", expected: 0 },
            { input: "PT120S", expected: 120 },
            { input: "PT90M", expected: 5400 },
            { input: "PT1H", expected: 3600 },
            { input: "P1DT1H", expected: 90000 },
            { input: "P2DT3H4M5S", expected: 183845 },
            { input: "P1DT2H3M4.5S", expected: 93784.5 },
            { input: "PT15M", expected: 900 },
            { input: "P3D", expected: 259200 },
            // not durations this library accepts
            { input: "P", expected: undefined },
            { input: "PT", expected: undefined },
            { input: "P1DT", expected: undefined },
            { input: "pt2m", expected: undefined },
            { input: "PT2m", expected: undefined },
            { input: " PT2M", expected: undefined },
            { input: "PT2M ", expected: undefined },
            { input: "P1W", expected: undefined },
            { input: "P1M", expected: undefined },
            { input: "P1Y", expected: undefined },
            { input: "2M", expected: undefined },
            { input: "T2M", expected: undefined },
            { input: "", expected: undefined },
            { input: "120", expected: 120 },
            { input: "0", expected: 0 },
            { input: "12.5", expected: undefined },
            { input: "-5", expected: undefined },
            { input: "PT1.5M", expected: undefined },
            { input: "P1.5D", expected: undefined },
            { input: "PT.5S", expected: undefined },
            { input: "PT-1S", expected: undefined },
            { input: "PT2M1H", expected: undefined },
            { input: "PT2M\n", expected: undefined },
        ];
        for (const { input, expected } of cases) {
            it(`${JSON.stringify(input)} -> ${expected}`, () => {
                assert.equal(parseDurationSeconds(input), expected);
            });
        }
    });

    describe("toIsoDuration", () => {
        const cases: ReadonlyArray<{ seconds: number; expected: string }> = [
            { seconds: 120, expected: "PT2M" },
            { seconds: 90, expected: "PT1M30S" },
            { seconds: 86400, expected: "P1D" },
            { seconds: 0, expected: "PT0S" },
            { seconds: 3700, expected: "PT1H1M40S" },
            { seconds: 1.5, expected: "PT1.5S" },
            { seconds: 1, expected: "PT1S" },
            { seconds: 60, expected: "PT1M" },
            { seconds: 3600, expected: "PT1H" },
            { seconds: 5400, expected: "PT1H30M" },
            { seconds: 86401, expected: "P1DT1S" },
            { seconds: 90061, expected: "P1DT1H1M1S" },
            { seconds: 172800, expected: "P2D" },
            { seconds: 259200, expected: "P3D" },
            // days are never folded into months or years
            { seconds: 34560000, expected: "P400D" },
            { seconds: 0.25, expected: "PT0.25S" },
            { seconds: 59.5, expected: "PT59.5S" },
            { seconds: 60.125, expected: "PT1M0.125S" },
            // fractions are kept to 100 ns
            { seconds: 0.0000001, expected: "PT0.0000001S" },
            { seconds: 0.00000001, expected: "PT0S" },
            { seconds: 0.99999999, expected: "PT1S" },
            { seconds: 59.99999999, expected: "PT1M" },
        ];
        for (const { seconds, expected } of cases) {
            it(`${seconds} -> ${expected}`, () => {
                assert.equal(toIsoDuration(seconds), expected);
            });
        }

        const invalid: ReadonlyArray<{ seconds: number; message: string }> = [
            {
                seconds: -1,
                message: "-1 has no ISO 8601 duration: give a number of seconds from 0 to 9007199254740991",
            },
            {
                seconds: -0.5,
                message: "-0.5 has no ISO 8601 duration: give a number of seconds from 0 to 9007199254740991",
            },
            {
                seconds: Infinity,
                message: "Infinity has no ISO 8601 duration: give a number of seconds from 0 to 9007199254740991",
            },
            {
                seconds: -Infinity,
                message: "-Infinity has no ISO 8601 duration: give a number of seconds from 0 to 9007199254740991",
            },
            {
                seconds: NaN,
                message: "NaN has no ISO 8601 duration: give a number of seconds from 0 to 9007199254740991",
            },
            {
                seconds: 1e300,
                message: "1e+300 has no ISO 8601 duration: give a number of seconds from 0 to 9007199254740991",
            },
        ];
        for (const { seconds, message } of invalid) {
            it(`${seconds} -> RangeError "${message}"`, () => {
                assert.throws(
                    () => toIsoDuration(seconds),
                    (err: unknown) => {
                        assert.ok(err instanceof RangeError, `expected a RangeError, got ${String(err)}`);
                        assert.equal(err.message, message);
                        return true;
                    },
                );
            });
        }
    });

    describe("normalizeDuration", () => {
        const cases: ReadonlyArray<{ input: DurationInput; expected: string }> = [
            { input: 120, expected: "PT2M" },
            { input: "PT120S", expected: "PT2M" },
            { input: "PT2M", expected: "PT2M" },
            { input: 900, expected: "PT15M" },
            { input: "PT900S", expected: "PT15M" },
            { input: "PT90M", expected: "PT1H30M" },
            { input: "PT24H", expected: "P1D" },
            { input: "PT86400S", expected: "P1D" },
            { input: "P0D", expected: "PT0S" },
            { input: 0, expected: "PT0S" },
            { input: 1.5, expected: "PT1.5S" },
            { input: "P1DT24H", expected: "P2D" },
            // not valid durations: returned unchanged, for checkDuration to report
            { input: "P1W", expected: "P1W" },
            { input: "P1M", expected: "P1M" },
            { input: "pt2m", expected: "pt2m" },
            { input: " PT2M", expected: " PT2M" },
            { input: "2 minutes", expected: "2 minutes" },
            { input: "", expected: "" },
            { input: "P", expected: "P" },
            { input: -5, expected: "-5" },
            { input: NaN, expected: "NaN" },
            { input: Infinity, expected: "Infinity" },
        ];
        for (const { input, expected } of cases) {
            it(`${typeof input === "string" ? JSON.stringify(input) : input} -> ${JSON.stringify(expected)}`, () => {
                assert.equal(normalizeDuration(input), expected);
            });
        }

        it("values of other types come back as String(value), without throwing", () => {
            assert.equal(normalizeDuration(true as unknown as DurationInput), "true");
            assert.equal(normalizeDuration(null as unknown as DurationInput), "null");
            assert.equal(normalizeDuration(undefined as unknown as DurationInput), "undefined");
        });
    });

    describe("checkDuration with bounds 900 to 259200 seconds", () => {
        const cases: ReadonlyArray<{ input: DurationInput; expected: readonly string[] }> = [
            // in range, bounds inclusive
            { input: 900, expected: [] },
            { input: 259200, expected: [] },
            { input: 3600, expected: [] },
            { input: "PT15M", expected: [] },
            { input: "PT900S", expected: [] },
            { input: "P3D", expected: [] },
            { input: "PT72H", expected: [] },
            { input: "P1DT12H", expected: [] },
            { input: "PT900.5S", expected: [] },
            { input: "PT1H30M", expected: [] },
            // out of range
            { input: 899, expected: ["899 (14 minutes 59 seconds) is outside 15 minutes to 3 days"] },
            { input: 259201, expected: ["259201 (3 days 1 second) is outside 15 minutes to 3 days"] },
            { input: 0, expected: ["0 (0 seconds) is outside 15 minutes to 3 days"] },
            { input: 120, expected: ["120 (2 minutes) is outside 15 minutes to 3 days"] },
            { input: "PT2M", expected: ['"PT2M" (2 minutes) is outside 15 minutes to 3 days'] },
            { input: "PT0S", expected: ['"PT0S" (0 seconds) is outside 15 minutes to 3 days'] },
            { input: "P4D", expected: ['"P4D" (4 days) is outside 15 minutes to 3 days'] },
            { input: "P3DT1S", expected: ['"P3DT1S" (3 days 1 second) is outside 15 minutes to 3 days'] },
            { input: "PT899.5S", expected: ['"PT899.5S" (14 minutes 59.5 seconds) is outside 15 minutes to 3 days'] },
            { input: 300000, expected: ["300000 (3 days 11 hours 20 minutes) is outside 15 minutes to 3 days"] },
            // calendar units
            { input: "P1W", expected: [`"P1W": ${CALENDAR}`] },
            { input: "P1M", expected: [`"P1M": ${CALENDAR}`] },
            { input: "P1Y", expected: [`"P1Y": ${CALENDAR}`] },
            { input: "P1Y2M3DT4H", expected: [`"P1Y2M3DT4H": ${CALENDAR}`] },
            { input: "P2WT1H", expected: [`"P2WT1H": ${CALENDAR}`] },
            // not a duration
            { input: "2 minutes", expected: [`"2 minutes" ${NOT_A_DURATION}`] },
            { input: "pt15m", expected: [`"pt15m" ${NOT_A_DURATION}`] },
            { input: " PT15M", expected: [`" PT15M" ${NOT_A_DURATION}`] },
            { input: "", expected: [`"" ${NOT_A_DURATION}`] },
            { input: "P", expected: [`"P" ${NOT_A_DURATION}`] },
            { input: "PT", expected: [`"PT" ${NOT_A_DURATION}`] },
            { input: "900", expected: [] },
            { input: "899", expected: ['"899" (14 minutes 59 seconds) is outside 15 minutes to 3 days'] },
            { input: "PT1.5M", expected: [`"PT1.5M" ${NOT_A_DURATION}`] },
            { input: "PT15M\n", expected: [`"PT15M\\n" ${NOT_A_DURATION}`] },
            { input: `P${"1".repeat(70)}X`, expected: [`"P${"1".repeat(59)}…" ${NOT_A_DURATION}`] },
            // numbers that are not whole seconds, 0 or more
            { input: 900.5, expected: ["must be a whole number of seconds, 0 or more; got 900.5"] },
            { input: -1, expected: ["must be a whole number of seconds, 0 or more; got -1"] },
            { input: -900, expected: ["must be a whole number of seconds, 0 or more; got -900"] },
            { input: NaN, expected: ["must be a whole number of seconds, 0 or more; got NaN"] },
            { input: Infinity, expected: ["must be a whole number of seconds, 0 or more; got Infinity"] },
        ];
        for (const { input, expected } of cases) {
            const shown =
                typeof input === "string"
                    ? JSON.stringify(input.length > 30 ? `${input.slice(0, 20)}...` : input)
                    : String(input);
            it(`${shown} -> ${expected.length === 0 ? "ok" : expected[0]!.slice(0, 90)}`, () => {
                assert.deepEqual(checkDuration(input, BOUNDS), expected);
            });
        }

        it("values of other types are not durations", () => {
            assert.deepEqual(checkDuration(true as unknown as DurationInput, BOUNDS), [`"true" ${NOT_A_DURATION}`]);
            assert.deepEqual(checkDuration(null as unknown as DurationInput, BOUNDS), [`"null" ${NOT_A_DURATION}`]);
        });

        it("uses the bounds it is given", () => {
            assert.deepEqual(checkDuration(30, { min: 60, max: 3600 }), [
                "30 (30 seconds) is outside 1 minute to 1 hour",
            ]);
            assert.deepEqual(checkDuration("PT2H", { min: 60, max: 3600 }), [
                '"PT2H" (2 hours) is outside 1 minute to 1 hour',
            ]);
            assert.deepEqual(checkDuration(0, { min: 0, max: 0 }), []);
        });
    });

    describe("describeSeconds", () => {
        const cases: ReadonlyArray<{ seconds: number; expected: string }> = [
            { seconds: 900, expected: "15 minutes" },
            { seconds: 259200, expected: "3 days" },
            { seconds: 5400, expected: "1 hour 30 minutes" },
            { seconds: 45, expected: "45 seconds" },
            { seconds: 0, expected: "0 seconds" },
            { seconds: 1, expected: "1 second" },
            { seconds: 2, expected: "2 seconds" },
            { seconds: 60, expected: "1 minute" },
            { seconds: 61, expected: "1 minute 1 second" },
            { seconds: 3600, expected: "1 hour" },
            { seconds: 7200, expected: "2 hours" },
            { seconds: 86400, expected: "1 day" },
            { seconds: 90061, expected: "1 day 1 hour 1 minute 1 second" },
            { seconds: 86401, expected: "1 day 1 second" },
            { seconds: 899, expected: "14 minutes 59 seconds" },
            { seconds: 34560000, expected: "400 days" },
            { seconds: 0.5, expected: "0.5 seconds" },
            { seconds: 1.5, expected: "1.5 seconds" },
            { seconds: 61.25, expected: "1 minute 1.25 seconds" },
            { seconds: 86400.5, expected: "1 day 0.5 seconds" },
            { seconds: 0.99999999, expected: "1 second" },
            // sub-microsecond parts in decimal digits, never exponent notation
            { seconds: 1e-7, expected: "0.0000001 seconds" },
            { seconds: 9e-7, expected: "0.0000009 seconds" },
            // never throws
            { seconds: 1e300, expected: "1e+300 seconds" },
            { seconds: -1, expected: "-1 seconds" },
            { seconds: NaN, expected: "NaN seconds" },
            { seconds: Infinity, expected: "Infinity seconds" },
        ];
        for (const { seconds, expected } of cases) {
            it(`${seconds} -> ${JSON.stringify(expected)}`, () => {
                assert.equal(describeSeconds(seconds), expected);
            });
        }
    });
});
