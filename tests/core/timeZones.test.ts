import { strict as assert } from "node:assert";
import data from "../../components/core/azure/data/windowsTimeZones.json";
import { checkTimeZone, WINDOWS_TIME_ZONES } from "../../components/core/azure/timeZones";

const EXAMPLES = 'is not a Windows time zone ID such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"';
const IANA_UNMAPPED =
    'is an IANA time zone; Azure ML schedules take Windows time zone IDs such as "UTC" or "W. Europe Standard Time"';
const IANA_USE = "is an IANA time zone; Azure ML schedules take Windows time zone IDs: use";

describe("core/timeZones", () => {
    describe("checkTimeZone", () => {
        const cases: ReadonlyArray<{ value: string; expected: readonly string[] }> = [
            // valid Windows IDs: exact spelling, dots, spaces, signs and parentheses
            { value: "UTC", expected: [] },
            { value: "W. Europe Standard Time", expected: [] },
            { value: "Pacific Standard Time", expected: [] },
            { value: "India Standard Time", expected: [] },
            { value: "UTC+12", expected: [] },
            { value: "UTC-11", expected: [] },
            { value: "Dateline Standard Time", expected: [] },
            { value: "Pacific Standard Time (Mexico)", expected: [] },
            { value: "Russia Time Zone 3", expected: [] },
            { value: "Cen. Australia Standard Time", expected: [] },
            { value: "Turks And Caicos Standard Time", expected: [] },
            { value: "Line Islands Standard Time", expected: [] },
            // case-only differences name the exact ID
            { value: "utc", expected: ['"utc" is not a Windows time zone ID; did you mean "UTC"?'] },
            {
                value: "w. europe standard time",
                expected: [
                    '"w. europe standard time" is not a Windows time zone ID; did you mean "W. Europe Standard Time"?',
                ],
            },
            {
                value: "PACIFIC STANDARD TIME",
                expected: [
                    '"PACIFIC STANDARD TIME" is not a Windows time zone ID; did you mean "Pacific Standard Time"?',
                ],
            },
            {
                value: "Turks and Caicos Standard Time",
                expected: [
                    '"Turks and Caicos Standard Time" is not a Windows time zone ID; did you mean "Turks And Caicos Standard Time"?',
                ],
            },
            { value: "Utc+12", expected: ['"Utc+12" is not a Windows time zone ID; did you mean "UTC+12"?'] },
            // IANA names that CLDR's windowsZones.xml lists
            { value: "Europe/Berlin", expected: [`"Europe/Berlin" ${IANA_USE} "W. Europe Standard Time"`] },
            { value: "America/Los_Angeles", expected: [`"America/Los_Angeles" ${IANA_USE} "Pacific Standard Time"`] },
            { value: "Asia/Calcutta", expected: [`"Asia/Calcutta" ${IANA_USE} "India Standard Time"`] },
            { value: "Europe/Zurich", expected: [`"Europe/Zurich" ${IANA_USE} "W. Europe Standard Time"`] },
            { value: "Etc/UTC", expected: [`"Etc/UTC" ${IANA_USE} "UTC"`] },
            { value: "Etc/GMT", expected: [`"Etc/GMT" ${IANA_USE} "UTC"`] },
            { value: "Etc/GMT+5", expected: [`"Etc/GMT+5" ${IANA_USE} "SA Pacific Standard Time"`] },
            { value: "America/Indiana/Knox", expected: [`"America/Indiana/Knox" ${IANA_USE} "Central Standard Time"`] },
            // IANA names that CLDR lists under an older spelling, reached through tzdata links
            { value: "Asia/Kolkata", expected: [`"Asia/Kolkata" ${IANA_USE} "India Standard Time"`] },
            { value: "Europe/Kyiv", expected: [`"Europe/Kyiv" ${IANA_USE} "FLE Standard Time"`] },
            { value: "America/Nuuk", expected: [`"America/Nuuk" ${IANA_USE} "Greenland Standard Time"`] },
            { value: "Asia/Kathmandu", expected: [`"Asia/Kathmandu" ${IANA_USE} "Nepal Standard Time"`] },
            { value: "US/Pacific", expected: [`"US/Pacific" ${IANA_USE} "Pacific Standard Time"`] },
            { value: "Etc/Universal", expected: [`"Etc/Universal" ${IANA_USE} "UTC"`] },
            // IANA names are recognised whatever their case; the echo keeps the user's spelling
            { value: "europe/berlin", expected: [`"europe/berlin" ${IANA_USE} "W. Europe Standard Time"`] },
            // anything else with a "/" is treated as an IANA name CLDR does not map
            { value: "Mars/Olympus_Mons", expected: [`"Mars/Olympus_Mons" ${IANA_UNMAPPED}`] },
            { value: "Europe/Berln", expected: [`"Europe/Berln" ${IANA_UNMAPPED}`] },
            // near misses get the closest ID
            {
                value: "W. Europe Standard Tme",
                expected: [
                    '"W. Europe Standard Tme" is not a Windows time zone ID; did you mean "W. Europe Standard Time"?',
                ],
            },
            {
                value: "Pacific Standart Time",
                expected: [
                    '"Pacific Standart Time" is not a Windows time zone ID; did you mean "Pacific Standard Time"?',
                ],
            },
            {
                value: "W Europe Standard Time",
                expected: [
                    '"W Europe Standard Time" is not a Windows time zone ID; did you mean "W. Europe Standard Time"?',
                ],
            },
            { value: " UTC", expected: ['" UTC" is not a Windows time zone ID; did you mean "UTC"?'] },
            { value: "UTC\n", expected: ['"UTC\\n" is not a Windows time zone ID; did you mean "UTC"?'] },
            // nothing close: examples of valid IDs
            { value: "xyz", expected: [`"xyz" ${EXAMPLES}`] },
            { value: "", expected: [`"" ${EXAMPLES}`] },
            { value: "Berlin", expected: [`"Berlin" ${EXAMPLES}`] },
            { value: "CET", expected: [`"CET" ${EXAMPLES}`] },
            { value: "a".repeat(100), expected: [`"${"a".repeat(60)}…" ${EXAMPLES}`] },
        ];
        for (const { value, expected } of cases) {
            it(`${JSON.stringify(value)} -> ${expected.length === 0 ? "valid" : "one message"}`, () => {
                assert.deepEqual(checkTimeZone(value), expected);
            });
        }
    });

    describe("the Windows time zone list", () => {
        it("has no duplicates and contains UTC", () => {
            assert.equal(new Set(data.ids).size, data.ids.length);
            assert.ok(data.ids.includes("UTC"));
        });

        it("has no two IDs that differ only in case", () => {
            // checkTimeZone names "the" correctly cased ID for a case-only difference.
            assert.equal(new Set(data.ids.map((id) => id.toLowerCase())).size, data.ids.length);
        });

        it("has no ID containing a slash", () => {
            // checkTimeZone treats any value with "/" as an IANA name.
            assert.deepEqual(
                data.ids.filter((id) => id.includes("/")),
                [],
            );
        });

        it("holds the 139 territory-001 entries of the CLDR file, in its order", () => {
            assert.equal(data.ids.length, 139);
            assert.equal(data.ids[0], "Dateline Standard Time");
            assert.equal(data.ids[1], "UTC-11");
            assert.equal(data.ids[data.ids.length - 1], "Line Islands Standard Time");
            assert.ok(data.ids.indexOf("UTC-02") < data.ids.indexOf("UTC"));
            assert.ok(data.ids.indexOf("UTC") < data.ids.indexOf("UTC+12"));
        });

        it("is what WINDOWS_TIME_ZONES holds", () => {
            assert.deepEqual([...WINDOWS_TIME_ZONES], data.ids);
        });

        it("maps every IANA name to one of the IDs", () => {
            const ids = new Set(data.ids);
            assert.deepEqual(
                Object.entries(data.iana).filter(([, windowsId]) => !ids.has(windowsId)),
                [],
            );
        });

        it("points every tzdata alias at a name CLDR lists, never at another alias", () => {
            const listed = new Set(Object.keys(data.iana));
            assert.deepEqual(
                Object.entries(data.ianaAliases).filter(([alias, name]) => listed.has(alias) || !listed.has(name)),
                [],
            );
        });

        it("records where the list comes from", () => {
            assert.match(data.source, /unicode-org\/cldr/);
            assert.match(data.source, /common\/supplemental\/windowsZones\.xml/);
            assert.match(data.source, /commit [0-9a-f]{40}/);
        });
    });
});

describe("checkTimeZone: fixed offsets", () => {
    const FIXED = '"UTC-11", "UTC-09", "UTC-08", "UTC-02", "UTC+12", "UTC+13"';
    for (const value of ["UTC+1", "UTC-5", "GMT+2", "utc + 3"]) {
        it(`${JSON.stringify(value)} gets the fixed-offset IDs, never a near miss hours off`, () => {
            assert.deepEqual(checkTimeZone(value), [
                `${JSON.stringify(value)} is not a Windows time zone ID: Windows has fixed-offset IDs only for ${FIXED}; otherwise use the named zone of the place, e.g. "W. Europe Standard Time"`,
            ]);
        });
    }
    it("still accepts the fixed-offset IDs themselves", () => assert.deepEqual(checkTimeZone("UTC+12"), []));
});
