/**
 * The sources `npm run docs` writes inside the library: each args interface from its table of arg specs
 * (scripts/generateArgs.ts), and the components' part of the package entry from the registry
 * (scripts/generateIndex.ts). The checked-in files must be what the generators write, and the generators must
 * write what the tables say.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { COMPONENT_REGISTRY } from "../components/registry";
import { argsInterfacesTexts } from "../scripts/generateArgs";
import { INDEX_FILE, indexText, publicExportsOf } from "../scripts/generateIndex";

const MARK = (table: string) => `// generated from ${table} by \`npm run docs\`; do not edit`;

/** Writes fixture modules into a fresh folder; returns their paths. */
function fixture(files: Readonly<Record<string, string>>): string[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arg-specs-"));
    return Object.entries(files).map(([name, text]) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        return file;
    });
}

/** The generated interface of a fixture file: the text from its marker on. */
async function generated(files: Readonly<Record<string, string>>, of: string): Promise<string> {
    const paths = fixture(files);
    const texts = await argsInterfacesTexts(paths);
    const file = paths.find((p) => p.endsWith(of))!;
    const text = texts.get(file) ?? fs.readFileSync(file, "utf8");
    return text.slice(text.indexOf("// generated from"));
}

const BASE = `
export const BASE_SPECS = {
    /** The workspace. */
    workspace: arg<WorkspaceRef>().required(workspaceSchema, { lands: {}, replaces: true }),
};

${MARK("BASE_SPECS")}
/** The base. */
export interface Base {}
`;

describe("generated sources", function () {
    this.timeout(60_000);

    it("every args interface is what its table of arg specs says (run `npm run docs`)", async () => {
        const stale = await argsInterfacesTexts();
        assert.deepEqual(
            [...stale.keys()].map((f) => path.relative(path.join(__dirname, ".."), f)),
            [],
            "these files' args interfaces are stale: run `npm run docs`",
        );
    });

    it("the package entry exports every public declaration of each registered component (run `npm run docs`)", async () => {
        const current = fs.readFileSync(INDEX_FILE, "utf8");
        assert.equal(current, await indexText(COMPONENT_REGISTRY.map((c) => c.docs.source)));
        for (const c of COMPONENT_REGISTRY) assert.ok(current.includes(`  ${c.kind.name},\n`), c.kind.name);
    });

    it("writes each arg as a member: its doc comment, name, requiredness and type; spreads of tables as extends", async () => {
        const text = await generated(
            {
                "base.ts": BASE,
                "thing.ts": `
const THING_SPECS = {
    ...BASE_SPECS,
    /** How many. */
    count: arg<number>().required(count(1), { lands: {}, replaces: false }),
    /**
     * The kind, a plain value.
     * @default "A"
     */
    kind: plainArg<Kind>().optional(choice(Kind), { lands: {}, replaces: true, default: "A" }),
    /** Labels. */
    "labels": arg<Record<string, pulumi.Input<string>>>().optional(f.tags, { lands: {}, replaces: false }),
};

${MARK("THING_SPECS")}
/** A thing's args: this comment and the name stay. */
export interface ThingArgs extends Stale {
    readonly gone?: string;
}
`,
            },
            "thing.ts",
        );
        assert.equal(
            text,
            `${MARK("THING_SPECS")}
/** A thing's args: this comment and the name stay. */
export interface ThingArgs extends Base {
    /** How many. */
    readonly count: pulumi.Input<number>;
    /**
     * The kind, a plain value.
     * @default "A"
     */
    readonly kind?: Kind;
    /** Labels. */
    readonly labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}
`,
        );
    });

    it("reads a table a function returns (the common args take the kind's name rule)", async () => {
        const text = await generated(
            {
                "base.ts": `
export function baseSpecs(name: unknown) {
    return {
        /** The name. */
        name: arg<string>().optional(name, { lands: {}, replaces: true }),
    };
}

${MARK("baseSpecs")}
export interface Base {}
`,
                "thing.ts": `
const THING_SPECS = { ...baseSpecs(z.string()) };

${MARK("THING_SPECS")}
export interface ThingArgs {}
`,
            },
            "base.ts",
        );
        assert.match(
            text,
            /export interface Base \{\n {4}\/\*\* The name\. \*\/\n {4}readonly name\?: pulumi\.Input<string>;\n\}/,
        );
    });

    it("takes a shared arg by name from a table's const (`vmSize: node.vmSize`) as an extends, keeping its place", async () => {
        const text = await generated(
            {
                "base.ts": BASE,
                "thing.ts": `
const base = BASE_SPECS;
const THING_SPECS = {
    /** First. */
    first: arg<number>().required(count(1), { lands: {}, replaces: false }),
    workspace: base.workspace,
};

${MARK("THING_SPECS")}
export interface ThingArgs {}
`,
            },
            "thing.ts",
        );
        assert.match(
            text,
            /export interface ThingArgs extends Base \{\n {4}\/\*\* First\. \*\/\n {4}readonly first: pulumi\.Input<number>;\n\}/,
        );
    });

    it("says where a table holds something else than arg specs, or a spread it can't name", async () => {
        const cases: [string, RegExp][] = [
            [
                `const T = {\n    /** Doc. */\n    size: { lands: {}, replaces: true },\n};\n`,
                /thing\.ts:3: size is not an arg spec: write it as arg<Type>\(\)\.required\(schema, target\)/,
            ],
            [`const T = {\n    size: arg<string>().optional(s, {}),\n};\n`, /thing\.ts:2: size needs a doc comment/],
            [`const T = { ...OTHER };\n`, /thing\.ts:1: the spread is not a table with a generated interface/],
            [
                `const T = {\n    /** Doc. */\n    size: arg<string>().sometimes(s, {}),\n};\n`,
                /size is not an arg spec/,
            ],
        ];
        for (const [table, error] of cases) {
            const [file] = fixture({ "thing.ts": `${table}\n${MARK("T")}\nexport interface TArgs {}\n` });
            await assert.rejects(argsInterfacesTexts([file!]), error);
        }
        const [lonely] = fixture({ "thing.ts": `${MARK("T")}\nexport const x = 1;\n` });
        await assert.rejects(
            argsInterfacesTexts([lonely!]),
            /thing\.ts:1: the marker must be followed by an interface/,
        );
        const [generic] = fixture({ "thing.ts": `const T = {};\n${MARK("T")}\nexport interface TArgs<V> {}\n` });
        await assert.rejects(
            argsInterfacesTexts([generic!]),
            /thing\.ts:3: a generated interface takes no type parameters/,
        );
        const [missing] = fixture({ "thing.ts": `${MARK("NOWHERE")}\nexport interface TArgs {}\n` });
        await assert.rejects(argsInterfacesTexts([missing!]), /no table named NOWHERE in this file/);
    });

    it("reads a marker's table from its own file, and refuses a table name two files share", async () => {
        const table = (arg: string) =>
            `const SPECS = {\n    /** The ${arg}. */\n    ${arg}: arg<string>().optional(s, {}),\n};\n`;
        const elsewhere = fixture({
            "own.ts": `${MARK("SPECS")}\nexport interface OwnArgs {}\n`,
            "other.ts": table("size"),
        });
        await assert.rejects(argsInterfacesTexts(elsewhere), /own\.ts:2: no table named SPECS in this file/);
        const shared = fixture({
            "p.ts": `${table("value")}\n${MARK("SPECS")}\nexport interface PArgs {}\n`,
            "q.ts": `${table("other")}\n${MARK("SPECS")}\nexport interface QArgs {}\n`,
        });
        const local = await generated(
            { "local.ts": `${table("size")}\n${MARK("SPECS")}\ninterface LocalArgs {}\n` },
            "local.ts",
        );
        assert.match(local, /\ninterface LocalArgs \{\n/, "an interface the file keeps to itself stays unexported");
        await assert.rejects(
            argsInterfacesTexts(shared),
            /q\.ts:7: SPECS is also a table in .*p\.ts: give one of them another name/,
        );
    });

    it("the package entry leaves out @internal declarations and names a choice (a const and a type) once", () => {
        const [file] = fixture({
            "choice.ts": `
/** A choice. */
export const Size = { S: "S" } as const;
export type Size = (typeof Size)[keyof typeof Size];
/** Internal: for the provider. @internal */
export function helper() {}
/** @internal */
export const SPECS = {};
const hidden = 1;
export interface Args { readonly size: Size }
export class Thing {}
`,
        });
        assert.deepEqual(publicExportsOf(file!), ["Size", "Args", "Thing"]);
    });
});
