/**
 * Writing converted stack config: as a stack file's YAML (stdout), or into an existing `Pulumi.<stack>.yaml`
 * without touching what it already declares (comments and other keys stay; a compute it already declares,
 * or another workspace, is refused rather than overwritten).
 */
import * as fs from "node:fs";
import YAML from "yaml";
import { isPlainObject } from "../components/core/validate";

/** The YAML of a stack file declaring `config`, with a comment on where it came from. */
export function stackYaml(config: Record<string, unknown>, comment: string): string {
    const doc = new YAML.Document({ config });
    doc.commentBefore = ` ${comment}`;
    return doc.toString({ lineWidth: 0 });
}

/**
 * Adds `config` to the stack file at `file` (created when absent). Returns the problems instead of writing
 * when the file declares another workspace or one of the same computes already.
 */
export function addToStackFile(file: string, config: Record<string, unknown>, comment: string): string[] {
    if (!fs.existsSync(file)) {
        fs.writeFileSync(file, stackYaml(config, comment));
        return [];
    }
    const doc = YAML.parseDocument(fs.readFileSync(file, "utf8"));
    if (doc.errors.length > 0) return [`${file} is not valid YAML: ${doc.errors[0]!.message}`];
    const problems: string[] = [];
    const existing = (doc.toJS() as { config?: Record<string, unknown> } | null)?.config ?? {};
    for (const [key, value] of Object.entries(config)) {
        const there = existing[key];
        if (there === undefined) continue;
        if (!isPlainObject(value) || !isPlainObject(there)) continue;
        if (key.endsWith(":workspace")) {
            if (JSON.stringify(there) !== JSON.stringify(value)) problems.push(`${file} declares another ${key} (${JSON.stringify(there)}): adopt this workspace's computes into another stack`);
            continue;
        }
        for (const name of Object.keys(value)) if (name in there) problems.push(`${file} already declares ${key}.${name}: remove it there first, or adopt into another stack`);
    }
    if (problems.length > 0) return problems;
    for (const [key, value] of Object.entries(config)) {
        if (!isPlainObject(value) || key.endsWith(":workspace") || existing[key] === undefined) doc.setIn(["config", key], value);
        else for (const [name, entry] of Object.entries(value)) doc.setIn(["config", key, name], entry);
    }
    fs.writeFileSync(file, doc.toString({ lineWidth: 0 }));
    return [];
}
