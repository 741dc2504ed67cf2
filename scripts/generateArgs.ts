/**
 * Writes each args interface from its table of arg specs (components/core/pulumi/argSpecs.ts), so that an arg is
 * one statement: its doc comment, name, type and requiredness are said in the table, and the interface below the
 * marker
 *
 *     // generated from COMPUTE_CLUSTER_SETTING_SPECS by `npm run docs`; do not edit
 *
 * is rewritten from it (its own doc comment and name stay as written). A spread in a table (`...NODE_SPECS`, or
 * `...baseArgSpecs(name)`) becomes an `extends` of the interface generated from that table, and so does a member
 * taken from one by name (`vmSize: node.vmSize`, where `const node = nodeArgSpecs(...)`), which keeps a shared
 * arg where its component lists it.
 *
 * It reads the sources' syntax only and imports none of them, so it runs when the interfaces are stale and the
 * code does not compile yet. `npm run docs` calls it first; a test fails when a checked-in interface is stale.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as prettier from "prettier";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "..");
const COMPONENTS = path.join(ROOT, "components");

/** The line that marks an interface generated from a table; the table's name is its one group. */
export const MARKER = /^\/\/ generated from (\w+) by `npm run docs`; do not edit$/gm;

/** The builders of an arg spec (argSpecs.ts), and how each one's type is given in the interface. */
const BUILDERS: Readonly<Record<string, (type: string) => string>> = {
    arg: (type) => `pulumi.Input<${type}>`,
    plainArg: (type) => type,
};

/** Every TypeScript source of the library, except generated folders. */
export function argSourceFiles(dir = COMPONENTS): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) =>
            e.isDirectory()
                ? argSourceFiles(path.join(dir, e.name))
                : e.name.endsWith(".ts")
                  ? [path.join(dir, e.name)]
                  : [],
        )
        .sort();
}

/** A failure a maintainer acts on: the file, the line, what is wrong. */
class SpecError extends Error {}

function where(source: ts.SourceFile, node: ts.Node): string {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return `${path.relative(ROOT, source.fileName)}:${line + 1}`;
}

/** An interface to generate: where it is, and the table it is generated from. */
interface Region {
    readonly source: ts.SourceFile;
    readonly table: string;
    readonly declaration: ts.InterfaceDeclaration;
}

function regionsOf(source: ts.SourceFile): Region[] {
    const regions: Region[] = [];
    for (const match of source.text.matchAll(MARKER)) {
        const after = match.index + match[0].length;
        // The marker is a comment before the interface: part of its leading trivia.
        const declaration = source.statements.find((s) => s.pos <= match.index && after <= s.getStart(source));
        if (declaration === undefined || !ts.isInterfaceDeclaration(declaration)) {
            const line = source.getLineAndCharacterOfPosition(match.index).line + 1;
            throw new SpecError(
                `${path.relative(ROOT, source.fileName)}:${line}: the marker must be followed by an interface`,
            );
        }
        regions.push({ source, table: match[1]!, declaration });
    }
    return regions;
}

/** Strips the wrappers a table may wear (`as const`, `satisfies`, parentheses). */
function unwrap(e: ts.Expression): ts.Expression {
    while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
    return e;
}

/** The object literal a function returns, for a table that takes options (`baseArgSpecs(name)`). */
function returned(body: ts.ConciseBody | undefined): ts.Expression | undefined {
    if (body === undefined) return undefined;
    if (!ts.isBlock(body)) return body;
    const last = body.statements.find(ts.isReturnStatement);
    return last?.expression;
}

/** The object literal of each table declared at a file's top level, by the table's name. */
function tablesOf(source: ts.SourceFile): Map<string, ts.ObjectLiteralExpression> {
    const tables = new Map<string, ts.ObjectLiteralExpression>();
    const add = (name: string, e: ts.Expression | undefined) => {
        const literal = e === undefined ? undefined : unwrap(e);
        if (literal !== undefined && ts.isObjectLiteralExpression(literal)) tables.set(name, literal);
    };
    for (const statement of source.statements) {
        if (ts.isFunctionDeclaration(statement) && statement.name) add(statement.name.text, returned(statement.body));
        if (!ts.isVariableStatement(statement)) continue;
        for (const d of statement.declarationList.declarations) {
            if (!ts.isIdentifier(d.name) || d.initializer === undefined) continue;
            const init = unwrap(d.initializer);
            add(d.name.text, ts.isArrowFunction(init) || ts.isFunctionExpression(init) ? returned(init.body) : init);
        }
    }
    return tables;
}

/** The doc comment right before a node, re-indented for an interface member. */
function docOf(source: ts.SourceFile, node: ts.Node): string | undefined {
    const comments = ts.getLeadingCommentRanges(source.text, node.pos) ?? [];
    const doc = comments.filter((c) => source.text.startsWith("/**", c.pos)).pop();
    if (doc === undefined) return undefined;
    const lines = source.text.slice(doc.pos, doc.end).split("\n");
    return lines.map((l, i) => (i === 0 ? l.trim() : `     ${l.trim()}`)).join("\n");
}

/** `arg<T>().optional(…)`: the builder, the type text and whether the arg is required. */
function specOf(source: ts.SourceFile, name: string, e: ts.Expression) {
    const call = unwrap(e);
    const inner =
        ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression)
            ? unwrap(call.expression.expression)
            : undefined;
    const finish =
        ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression)
            ? call.expression.name.text
            : undefined;
    if (
        inner === undefined ||
        !ts.isCallExpression(inner) ||
        !ts.isIdentifier(inner.expression) ||
        !(inner.expression.text in BUILDERS) ||
        inner.typeArguments?.length !== 1 ||
        (finish !== "required" && finish !== "optional")
    ) {
        throw new SpecError(
            `${where(source, e)}: ${name} is not an arg spec: write it as arg<Type>().required(schema, target) or .optional(…) (or plainArg<Type>())`,
        );
    }
    return {
        type: BUILDERS[inner.expression.text]!(inner.typeArguments[0]!.getText(source)),
        required: finish === "required",
    };
}

/**
 * The names that stand for a table in a file: the tables themselves, and consts made from one
 * (`const node = nodeArgSpecs({ ... })`), whose members a table may take one by one (`vmSize: node.vmSize`).
 */
function aliasesOf(source: ts.SourceFile): Map<string, string> {
    const aliases = new Map<string, string>();
    for (const statement of source.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const d of statement.declarationList.declarations) {
            if (!ts.isIdentifier(d.name) || d.initializer === undefined) continue;
            const init = unwrap(d.initializer);
            const from = ts.isCallExpression(init) ? init.expression : init;
            if (ts.isIdentifier(from)) aliases.set(d.name.text, from.text);
        }
    }
    return aliases;
}

/** The interface generated from the table an expression names (`NODE_SPECS`, `baseArgSpecs(...)`, `node`). */
function interfaceNamed(
    e: ts.Expression,
    aliases: ReadonlyMap<string, string>,
    interfaces: ReadonlyMap<string, string>,
): string | undefined {
    const inner = unwrap(e);
    const name = ts.isCallExpression(inner) ? inner.expression : inner;
    if (!ts.isIdentifier(name)) return undefined;
    return interfaces.get(name.text) ?? interfaces.get(aliases.get(name.text) ?? "");
}

/** The interface's text, from its table. */
function render(region: Region, table: ts.ObjectLiteralExpression, interfaces: ReadonlyMap<string, string>): string {
    const { source } = region;
    const aliases = aliasesOf(source);
    const bases = new Set<string>();
    const members: string[] = [];
    for (const p of table.properties) {
        if (ts.isSpreadAssignment(p)) {
            const base = interfaceNamed(p.expression, aliases, interfaces);
            if (base === undefined)
                throw new SpecError(`${where(source, p)}: the spread is not a table with a generated interface`);
            bases.add(base);
            continue;
        }
        if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
            throw new SpecError(`${where(source, p)}: a table holds arg specs and spreads of tables only`);
        const name = p.name.text;
        // A member taken from a shared table (`vmSize: node.vmSize`) is declared by that table's interface.
        const init = unwrap(p.initializer);
        const shared =
            ts.isPropertyAccessExpression(init) && init.name.text === name
                ? interfaceNamed(init.expression, aliases, interfaces)
                : undefined;
        if (shared !== undefined) {
            bases.add(shared);
            continue;
        }
        const { type, required } = specOf(source, name, p.initializer);
        const doc = docOf(source, p);
        if (doc === undefined) throw new SpecError(`${where(source, p)}: ${name} needs a doc comment`);
        members.push(`    ${doc}\n    readonly ${name}${required ? "" : "?"}: ${type};`);
    }
    const heritage = bases.size > 0 ? ` extends ${[...bases].join(", ")}` : "";
    const { declaration } = region;
    // The header is generated too (its extends come from the spreads): refuse what it would drop, keep `export` as written.
    if (declaration.typeParameters !== undefined)
        throw new SpecError(`${where(source, declaration)}: a generated interface takes no type parameters`);
    const exported = declaration.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ? "export " : "";
    return `${exported}interface ${declaration.name.text}${heritage} {\n${members.join("\n")}\n}`;
}

/** Each library file whose text changes, with its new text (formatted as prettier formats the repository). */
export async function argsInterfacesTexts(files = argSourceFiles()): Promise<Map<string, string>> {
    const sources = files.map((f) => ts.createSourceFile(f, fs.readFileSync(f, "utf8"), ts.ScriptTarget.ES2022, true));
    const regions = sources.flatMap(regionsOf);
    // A spread names a table by its bare name, whichever file holds it: so a name two generated tables share is refused.
    const holder = new Map<string, Region>();
    for (const region of regions) {
        const other = holder.get(region.table);
        if (other !== undefined && other.source !== region.source)
            throw new SpecError(
                `${where(region.source, region.declaration)}: ${region.table} is also a table in ${path.relative(ROOT, other.source.fileName)}: give one of them another name`,
            );
        holder.set(region.table, region);
    }
    const interfaces = new Map([...holder].map(([table, region]) => [table, region.declaration.name.text]));
    const texts = new Map<string, string>();
    for (const source of sources) {
        const own = regions.filter((r) => r.source === source);
        if (own.length === 0) continue;
        let text = source.text;
        // A marker's table is in its own file (render reads the table's doc comments and types from that file's text).
        const tables = tablesOf(source);
        // From the end, so that earlier positions stay valid.
        for (const region of [...own].sort((a, b) => b.declaration.pos - a.declaration.pos)) {
            const table = tables.get(region.table);
            if (table === undefined)
                throw new SpecError(
                    `${where(source, region.declaration)}: no table named ${region.table} in this file`,
                );
            const start = region.declaration.getStart(source);
            text = text.slice(0, start) + render(region, table, interfaces) + text.slice(region.declaration.end);
        }
        // The repository's settings, wherever the file is (a test's fixture lives in a temporary folder).
        const options = await prettier.resolveConfig(path.join(COMPONENTS, "index.ts"));
        const formatted = await prettier.format(text, { ...options, filepath: source.fileName });
        if (formatted !== source.text) texts.set(source.fileName, formatted);
    }
    return texts;
}

/** Rewrites the stale args interfaces; returns the files it changed, relative to the repository. */
export async function writeArgsInterfaces(): Promise<string[]> {
    const texts = await argsInterfacesTexts();
    for (const [file, text] of texts) fs.writeFileSync(file, text);
    return [...texts.keys()].map((f) => path.relative(ROOT, f));
}
