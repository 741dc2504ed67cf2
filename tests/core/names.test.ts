import assert from "node:assert/strict";
import {
    checkComputeName,
    checkInferenceOrAttachedName,
    checkInstanceOrClusterName,
    COMPUTE_NAME_RULES,
    INFERENCE_OR_ATTACHED_NAME,
    INSTANCE_OR_CLUSTER_NAME,
    REST_COMPUTE_NAME_PATTERN,
} from "../../components/core/azure/names";

const HYPHEN = 'a "-" must be followed by at least one letter later in the name';
const CHARS = 'only ASCII letters, digits and "-" are allowed';
const long24 = "a".repeat(24);
const long25 = "a".repeat(25);

describe("core/names", () => {
    describe("checkInstanceOrClusterName (3 to 24)", () => {
        const cases: ReadonlyArray<{ name: string; expected: readonly string[] }> = [
            // SPEC 2.1 examples
            { name: "my-cluster1", expected: [] },
            { name: "a-1b", expected: [] },
            { name: "cluster-1", expected: [`"cluster-1": ${HYPHEN}`] },
            { name: "abc-", expected: [`"abc-": ${HYPHEN}`] },
            { name: "gpu-2-4", expected: [`"gpu-2-4": ${HYPHEN}`] },
            // plain valid names
            { name: "cpu", expected: [] },
            { name: "GpuCluster01", expected: [] },
            { name: "a-b-c", expected: [] },
            { name: "a--b", expected: [] },
            { name: "x-1-y2", expected: [] },
            // length
            { name: "", expected: ['"" is 0 characters long; compute names must be 3 to 24 characters'] },
            { name: "a", expected: ['"a" is 1 character long; compute names must be 3 to 24 characters'] },
            { name: "ab", expected: ['"ab" is 2 characters long; compute names must be 3 to 24 characters'] },
            { name: long24, expected: [] },
            {
                name: long25,
                expected: [`"${long25}" is 25 characters long; compute names must be 3 to 24 characters`],
            },
            // characters
            {
                name: "clüster",
                expected: [`"clüster" contains "ü": ${CHARS}`],
            },
            { name: "café-é", expected: [`"café-é" contains "é": ${CHARS}`, `"café-é": ${HYPHEN}`] },
            { name: "gpu🚀", expected: [`"gpu🚀" contains "🚀": ${CHARS}`] },
            { name: "my_cluster", expected: [`"my_cluster" contains "_": ${CHARS}`] },
            { name: "my cluster.1", expected: [`"my cluster.1" contains " ", ".": ${CHARS}`] },
            { name: "a_b_c.d", expected: [`"a_b_c.d" contains "_", ".": ${CHARS}`] },
            { name: "zero\u200bwidth", expected: [`"zero\u200bwidth" contains "\\u200b": ${CHARS}`] },
            { name: "tab\tbed", expected: [`"tab\\tbed" contains "\\t": ${CHARS}`] },
            { name: 'say"hi"', expected: [`"say\\"hi\\"" contains "\\"": ${CHARS}`] },
            // first character
            { name: "1cluster", expected: ['"1cluster": must start with a letter'] },
            { name: "-cluster", expected: ['"-cluster": must start with a letter'] },
            {
                name: "ücluster",
                expected: [`"ücluster" contains "ü": ${CHARS}`, '"ücluster": must start with a letter'],
            },
            // several problems at once, in the fixed order
            {
                name: "1-é",
                expected: [`"1-é" contains "é": ${CHARS}`, '"1-é": must start with a letter', `"1-é": ${HYPHEN}`],
            },
            {
                name: "-",
                expected: [
                    '"-" is 1 character long; compute names must be 3 to 24 characters',
                    '"-": must start with a letter',
                    `"-": ${HYPHEN}`,
                ],
            },
            {
                name: `9_${"b".repeat(30)}-1`,
                expected: [
                    `"9_${"b".repeat(30)}-1" is 34 characters long; compute names must be 3 to 24 characters`,
                    `"9_${"b".repeat(30)}-1" contains "_": ${CHARS}`,
                    `"9_${"b".repeat(30)}-1": must start with a letter`,
                    `"9_${"b".repeat(30)}-1": ${HYPHEN}`,
                ],
            },
        ];
        for (const { name, expected } of cases) {
            it(`${JSON.stringify(name)} -> ${expected.length === 0 ? "valid" : expected.length + " problem(s)"}`, () => {
                assert.deepEqual(checkInstanceOrClusterName(name), expected);
            });
        }

        it("counts code points: 24 emoji are 24 characters, not 48", () => {
            const name = "🚀".repeat(24);
            assert.deepEqual(checkInstanceOrClusterName(name), [
                `"${name}" contains "🚀": ${CHARS}`,
                `"${name}": must start with a letter`,
            ]);
            assert.equal(
                checkInstanceOrClusterName("🚀".repeat(25))[0],
                `"${"🚀".repeat(25)}" is 25 characters long; compute names must be 3 to 24 characters`,
            );
        });

        it("echoes a long name cut to 60 characters", () => {
            const name = "a".repeat(70);
            assert.deepEqual(checkInstanceOrClusterName(name), [
                `"${"a".repeat(60)}…" is 70 characters long; compute names must be 3 to 24 characters`,
            ]);
        });
    });

    describe("checkInferenceOrAttachedName (3 to 16)", () => {
        const cases: ReadonlyArray<{ name: string; expected: readonly string[] }> = [
            { name: "aks-prod", expected: [] },
            { name: "a".repeat(16), expected: [] },
            {
                name: "a".repeat(17),
                expected: [`"${"a".repeat(17)}" is 17 characters long; compute names must be 3 to 16 characters`],
            },
            { name: "ab", expected: ['"ab" is 2 characters long; compute names must be 3 to 16 characters'] },
            { name: "abc", expected: [] },
            { name: "vm-1", expected: [`"vm-1": ${HYPHEN}`] },
        ];
        for (const { name, expected } of cases) {
            it(`${JSON.stringify(name)} -> ${expected.length === 0 ? "valid" : expected.join(" | ")}`, () => {
                assert.deepEqual(checkInferenceOrAttachedName(name), expected);
            });
        }

        it("is checkComputeName with the 3-16 range", () => {
            assert.deepEqual(INFERENCE_OR_ATTACHED_NAME, { min: 3, max: 16 });
            assert.deepEqual(INSTANCE_OR_CLUSTER_NAME, { min: 3, max: 24 });
            assert.deepEqual(
                checkComputeName("x".repeat(17), INFERENCE_OR_ATTACHED_NAME),
                checkInferenceOrAttachedName("x".repeat(17)),
            );
        });
    });

    describe("checkComputeName with a custom range", () => {
        it("uses the range's numbers in the message", () => {
            assert.deepEqual(checkComputeName("abcdef", { min: 2, max: 5 }), [
                '"abcdef" is 6 characters long; compute names must be 2 to 5 characters',
            ]);
            assert.deepEqual(checkComputeName("ab", { min: 2, max: 5 }), []);
        });
    });

    describe("against the REST API pattern", () => {
        // Every string over {a, 1, -} of length 1 to 6 (1092 names), plus longer and mixed-case ones
        // around the 24-character limit and the "-<digits>" ending the pattern's lookahead is about.
        const names: string[] = [];
        const grow = (prefix: string, depth: number): void => {
            if (prefix.length > 0) {
                names.push(prefix);
            }
            if (depth === 0) {
                return;
            }
            for (const c of ["a", "1", "-"]) {
                grow(prefix + c, depth - 1);
            }
        };
        grow("", 6);
        for (const n of [22, 23, 24, 25, 26]) {
            names.push("a".repeat(n), `${"a".repeat(n - 2)}-1`, `${"a".repeat(n - 2)}-b`, `${"a".repeat(n - 1)}-`);
            names.push(`Z${"9".repeat(n - 3)}-x`, `Q${"-".repeat(n - 1)}`, `a-${"1".repeat(n - 2)}`);
        }
        names.push("A-1B", "Gpu-Cluster-2x", "gpu-2-4", "a-1b-", "x--", "ab_c", "abé");

        it(`covers ${names.length} generated names`, () => {
            assert.ok(names.length > 1100);
            // the set exercises both sides: names the rules accept, and names only the pattern accepts
            assert.ok(names.filter((n) => checkInstanceOrClusterName(n).length === 0).length > 50);
            assert.ok(names.filter((n) => REST_COMPUTE_NAME_PATTERN.test(n) && n.endsWith("-")).length > 20);
        });

        it("every name the rules accept (3-24) matches the pattern", () => {
            const acceptedButNotMatching = names.filter(
                (n) => checkInstanceOrClusterName(n).length === 0 && !REST_COMPUTE_NAME_PATTERN.test(n),
            );
            assert.deepEqual(acceptedButNotMatching, []);
        });

        it("every name the rules accept (3-16) matches the pattern too", () => {
            const acceptedButNotMatching = names.filter(
                (n) => checkInferenceOrAttachedName(n).length === 0 && !REST_COMPUTE_NAME_PATTERN.test(n),
            );
            assert.deepEqual(acceptedButNotMatching, []);
        });

        it('the only names the pattern accepts and the rules reject are those ending in "-"', () => {
            for (const n of names) {
                const byRules = checkInstanceOrClusterName(n).length === 0;
                const byPattern = REST_COMPUTE_NAME_PATTERN.test(n) && !n.endsWith("-");
                assert.equal(byRules, byPattern, `disagreement on ${JSON.stringify(n)}`);
            }
        });

        it('known differences: Studio rejects a trailing "-" that the pattern allows', () => {
            const differences = ["abc-", "a-1b-", "aaa-", "a1-", "a--"];
            for (const n of differences) {
                assert.equal(REST_COMPUTE_NAME_PATTERN.test(n), true, `pattern should accept ${n}`);
                assert.deepEqual(checkInstanceOrClusterName(n), [`${JSON.stringify(n)}: ${HYPHEN}`]);
            }
        });
    });

    describe("COMPUTE_NAME_RULES", () => {
        it("states each rule with the real limits", () => {
            assert.deepEqual(COMPUTE_NAME_RULES, [
                "3 to 24 characters for compute instances and compute clusters; 3 to 16 for inference clusters and attached compute",
                'only ASCII letters (a-z, A-Z), digits (0-9) and "-"',
                "must start with a letter",
                'a "-" must be followed by at least one letter later in the name: "my-cluster1" and "a-1b" are valid; ' +
                    '"cluster-1", "abc-" and "gpu-2-4" are not',
                "must be unique among the computes of the Azure region (Azure checks this when it creates the compute)",
            ]);
        });

        it("its examples agree with the checker", () => {
            for (const valid of ["my-cluster1", "a-1b"]) {
                assert.deepEqual(checkInstanceOrClusterName(valid), []);
            }
            for (const invalid of ["cluster-1", "abc-", "gpu-2-4"]) {
                assert.notDeepEqual(checkInstanceOrClusterName(invalid), []);
            }
        });
    });
});
