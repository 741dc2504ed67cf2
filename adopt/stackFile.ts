/**
 * Writing converted stack config: as a stack file's YAML (stdout), or into an existing `Pulumi.<stack>.yaml`
 * without touching what it already declares (comments and other keys stay). A compute it already declares
 * under any kind, or another workspace, is refused rather than overwritten; the same workspace gains the keys
 * it lacks (`subscriptionId`).
 *
 * Strings that YAML 1.1 would read as something else (`2026-01-05`, `1_000`, `yes`) are quoted: the Pulumi CLI
 * reads stack files with a YAML library that turns those into dates and numbers.
 */
import * as fs from "node:fs";
import YAML, { isMap, isScalar, Node, visit } from "yaml";
import { isPlainObject } from "../components/core/validation/validate";

/** A YAML node for `value`, its ambiguous strings quoted. */
function nodeFor(doc: YAML.Document, value: unknown): Node {
    const node = doc.createNode(value);
    visit(node, {
        Scalar(_, scalar) {
            if (typeof scalar.value === "string" && YAML.parse(scalar.value, { version: "1.1" }) !== scalar.value)
                scalar.type = "QUOTE_DOUBLE";
        },
    });
    return node;
}

/** The YAML of a stack file declaring `config`, with a comment on where it came from. */
export function stackYaml(config: Record<string, unknown>, comment: string): string {
    const doc = new YAML.Document();
    doc.contents = nodeFor(doc, { config }) as YAML.Document["contents"];
    doc.commentBefore = ` ${comment}`;
    return doc.toString({ lineWidth: 0 });
}

/** A workspace value as it compares: names without case, regions without spaces either (`West Europe` is `westeurope`). */
const normal = (key: string, v: unknown) =>
    typeof v !== "string" ? v : key === "location" ? v.toLowerCase().replace(/\s/g, "") : v.toLowerCase();

/** The workspace keys on which two references disagree (absent keys agree). */
function workspaceDifferences(there: Record<string, unknown>, ours: Record<string, unknown>): string[] {
    return Object.keys(ours).filter((k) => there[k] !== undefined && normal(k, there[k]) !== normal(k, ours[k]));
}

/**
 * Adds `config` to the stack file at `file` (created when absent). Returns the problems instead of writing
 * when the file declares another workspace or one of the same compute names already.
 */
export function addToStackFile(file: string, config: Record<string, unknown>, comment: string): string[] {
    if (!fs.existsSync(file)) {
        fs.writeFileSync(file, stackYaml(config, comment));
        return [];
    }
    const doc = YAML.parseDocument(fs.readFileSync(file, "utf8"));
    if (doc.errors.length > 0) {
        // Never the parser's message: it quotes the file's lines, which may hold values the user keeps to themselves.
        const [line] = doc.errors[0]!.linePos ?? [];
        return [`${file} is not valid YAML${line ? ` (line ${line.line}, column ${line.col})` : ""}: fix it first`];
    }
    const node = doc.get("config", true);
    if (node !== undefined && node !== null && !(isScalar(node) && node.value === null) && !isMap(node))
        return [`${file}: its config is not a map of keys`];
    const existing = (isMap(node) ? (node.toJSON() as Record<string, unknown>) : {}) ?? {};
    const problems: string[] = [];
    const declared = new Map<string, string>();
    for (const [key, value] of Object.entries(existing)) {
        if (key.startsWith("azureml-compute:") && !key.endsWith(":workspace") && isPlainObject(value))
            for (const name of Object.keys(value)) declared.set(name, key);
    }
    for (const [key, value] of Object.entries(config)) {
        if (!isPlainObject(value)) continue;
        const there = existing[key];
        if (key.endsWith(":workspace")) {
            if (there === undefined) continue;
            const differ = isPlainObject(there) ? workspaceDifferences(there, value) : ["(not a map)"];
            if (differ.length > 0)
                problems.push(
                    `${file} declares another ${key} (${differ.map((k) => `${k}: ${JSON.stringify(isPlainObject(there) ? there[k] : there)}`).join(", ")}): adopt this workspace's computes into another stack`,
                );
            continue;
        }
        for (const name of Object.keys(value)) {
            const at = declared.get(name);
            if (at !== undefined)
                problems.push(
                    `${file} already declares ${at}.${name}: a workspace has one compute of each name; remove it there first, or adopt into another stack`,
                );
        }
    }
    if (problems.length > 0) return problems;
    if (!isMap(node)) doc.set("config", doc.createNode({}));
    for (const [key, value] of Object.entries(config)) {
        const there = existing[key];
        if (!isPlainObject(value) || there === undefined) doc.setIn(["config", key], nodeFor(doc, value));
        else
            for (const [name, entry] of Object.entries(value))
                if (!(key.endsWith(":workspace") && isPlainObject(there) && there[name] !== undefined))
                    doc.setIn(["config", key, name], nodeFor(doc, entry));
    }
    fs.writeFileSync(file, doc.toString({ lineWidth: 0 }));
    return [];
}
