/**
 * Writes the components' part of the package entry (components/index.ts) from COMPONENT_REGISTRY: for each
 * registered component, every declaration its file exports that is not `@internal`. So a new component, or a
 * new public type in a component's file, reaches users without a hand-kept export list, and the entry still
 * names each export (no `export *`), so that review sees what the package offers.
 *
 * The names are read from the files' syntax, as the build's `stripInternal` reads `@internal`: anywhere in the
 * declaration's leading doc comment.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as prettier from "prettier";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "..");
export const INDEX_FILE = path.join(ROOT, "components/index.ts");

const START = "// The components' exports: generated from COMPONENT_REGISTRY by `npm run docs`; do not edit.";
const END = "// End of the components' exports.";

/** The names a source file exports that the build keeps in its declarations, in source order. */
export function publicExportsOf(file: string, text = fs.readFileSync(file, "utf8")): string[] {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const names: string[] = [];
    for (const statement of source.statements) {
        const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
        if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
        const leading = text.slice(statement.getFullStart(), statement.getStart(source));
        if (leading.includes("@internal")) continue;
        if (ts.isVariableStatement(statement)) {
            for (const d of statement.declarationList.declarations) {
                if (ts.isIdentifier(d.name)) names.push(d.name.text);
            }
        } else if (
            (ts.isFunctionDeclaration(statement) ||
                ts.isClassDeclaration(statement) ||
                ts.isInterfaceDeclaration(statement) ||
                ts.isTypeAliasDeclaration(statement) ||
                ts.isEnumDeclaration(statement)) &&
            statement.name !== undefined
        ) {
            names.push(statement.name.text);
        }
    }
    // A choice is a const and a type of the same name: one export gives both.
    return [...new Set(names)];
}

/** The index's text with its components' part written from these component sources (repository paths). */
export async function indexText(sources: readonly string[], current = fs.readFileSync(INDEX_FILE, "utf8")) {
    const start = current.indexOf(START);
    const end = current.indexOf(END);
    if (start < 0 || end < start) throw new Error(`${INDEX_FILE} lacks the lines "${START}" and "${END}"`);
    // Not named `exports`: compiled to CommonJS, that would hide the module's own.
    const lines = sources.map((source) => {
        const names = publicExportsOf(path.join(ROOT, source));
        const specifier = `./${path.relative("components", source).replace(/\.ts$/, "")}`;
        return `export { ${names.join(", ")} } from "${specifier}";`;
    });
    const text = `${current.slice(0, start)}${START}\n${lines.join("\n")}\n${current.slice(end)}`;
    const options = await prettier.resolveConfig(INDEX_FILE);
    return prettier.format(text, { ...options, filepath: INDEX_FILE });
}
