import assert from "node:assert/strict";
import { closest, quote, unknownFieldMessage } from "../../components/core/validation/suggest";

const FIELDS = ["vmSize", "vmPriority", "minNodeCount", "maxNodeCount", "idleTimeBeforeScaleDown", "subnet"] as const;

describe("core/suggest", () => {
    describe("quote", () => {
        const cases: ReadonlyArray<{ value: string; max?: number; expected: string }> = [
            { value: "abc", expected: '"abc"' },
            { value: "", expected: '""' },
            { value: 'say "hi"\n', expected: '"say \\"hi\\"\\n"' },
            { value: "a".repeat(60), expected: `"${"a".repeat(60)}"` },
            { value: "a".repeat(61), expected: `"${"a".repeat(60)}…"` },
            { value: "🚀".repeat(61), expected: `"${"🚀".repeat(60)}…"` },
            { value: "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ", max: 20, expected: '"ssh-rsa AAAAB3NzaC1y…"' },
        ];
        for (const { value, max, expected } of cases) {
            it(`${Array.from(value).length} characters (max ${max ?? 60}) -> ${Array.from(expected).slice(0, 24).join("")}`, () => {
                assert.equal(quote(value, max), expected);
            });
        }
    });

    describe("closest", () => {
        const cases: ReadonlyArray<{ word: string; candidates: readonly string[]; expected: string | undefined }> = [
            { word: "vmPriorty", candidates: FIELDS, expected: "vmPriority" }, // deletion
            { word: "vmPirority", candidates: FIELDS, expected: "vmPriority" }, // adjacent swap = 1 edit
            { word: "vmsize", candidates: FIELDS, expected: "vmSize" }, // case only
            { word: "VMSIZE", candidates: FIELDS, expected: "vmSize" },
            { word: "maxNodes", candidates: FIELDS, expected: undefined }, // 4 edits > max(2, 2)
            { word: "maxNodeCont", candidates: FIELDS, expected: "maxNodeCount" },
            { word: "minNodeCount", candidates: FIELDS, expected: "minNodeCount" },
            { word: "idleTimeBeforeScaledown", candidates: FIELDS, expected: "idleTimeBeforeScaleDown" },
            { word: "idleTimeBfrScaleDwn", candidates: FIELDS, expected: "idleTimeBeforeScaleDown" }, // 5 <= floor(19/3)=6
            { word: "zzz", candidates: FIELDS, expected: undefined },
            { word: "subnets", candidates: FIELDS, expected: "subnet" },
            { word: "x", candidates: ["y"], expected: undefined }, // nothing in common: no suggestion
            { word: "ab", candidates: ["xy"], expected: undefined },
            { word: "ab", candidates: ["ac"], expected: "ac" },
            { word: "anything", candidates: [], expected: undefined },
            // ties: an exact match beats a case-only match, otherwise the first candidate wins
            { word: "name", candidates: ["Name", "name"], expected: "name" },
            { word: "NAME", candidates: ["Name", "name"], expected: "Name" },
            { word: "cat", candidates: ["bat", "cot"], expected: "bat" },
            { word: "cat", candidates: ["cot", "bat"], expected: "cot" },
            // the closer one wins regardless of order
            { word: "vmSizes", candidates: ["vmSizesXY", "vmSize"], expected: "vmSize" },
        ];
        for (const { word, candidates, expected } of cases) {
            it(`${JSON.stringify(word)} in [${candidates.join(", ")}] -> ${String(expected)}`, () => {
                assert.equal(closest(word, candidates), expected);
            });
        }
    });

    describe("unknownFieldMessage", () => {
        const cases: ReadonlyArray<{ field: string; known: readonly string[]; expected: string }> = [
            { field: "vmPriorty", known: FIELDS, expected: 'unknown field "vmPriorty" (did you mean "vmPriority"?)' },
            { field: "zzz", known: ["a", "b", "c"], expected: 'unknown field "zzz" (known fields: a, b, c)' },
            {
                field: "location",
                known: FIELDS,
                expected:
                    'unknown field "location" (known fields: vmSize, vmPriority, minNodeCount, maxNodeCount, idleTimeBeforeScaleDown, subnet)',
            },
            { field: "x", known: [], expected: 'unknown field "x" (no fields are allowed here)' },
            {
                field: "y".repeat(70),
                known: ["a"],
                expected: `unknown field "${"y".repeat(60)}…" (known fields: a)`,
            },
        ];
        for (const { field, known, expected } of cases) {
            it(expected.slice(0, 70), () => {
                assert.equal(unknownFieldMessage(field, known), expected);
            });
        }
    });
});
