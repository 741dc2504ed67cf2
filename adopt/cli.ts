/**
 * `azureml-compute adopt FILE [--stack NAME] [--cwd DIR]`: stack config for computes that already exist.
 * Exit codes: 0 converted, 1 something to fix first (every problem on stderr), 2 usage errors.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CONFIG_NAMESPACE } from "../components/stack/readConfig";
import { UsageError } from "../plan/args";
import { convert, Finding } from "./convert";
import { readReported, ReportedFileError, SHAPES_UNDERSTOOD } from "./reported";
import { addToStackFile, stackYaml } from "./stackFile";

export const ADOPT_USAGE = `usage: azureml-compute adopt FILE [--stack NAME] [--cwd DIR]

Reads what Azure reports about a workspace's computes from FILE ("-" for stdin): ${SHAPES_UNDERSTOOD}, e.g.
  az rest --method get --url "https://management.azure.com/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<ws>/computes?api-version=2025-12-01" > computes.json
and writes the stack config that declares the same computes with adopt: true, to stdout, or with --stack
into Pulumi.<NAME>.yaml in the project folder (--cwd, default the current folder). Warnings, notes and the
values kept by Azure go to stderr.`;

interface AdoptOptions {
    readonly file: string;
    readonly stack?: string;
    readonly cwd: string;
}

function parseArgs(argv: readonly string[]): AdoptOptions | "help" {
    let file: string | undefined;
    let stack: string | undefined;
    let cwd = ".";
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!;
        if (arg === "--help" || arg === "-h") return "help";
        if (arg === "--stack" || arg === "--cwd") {
            const value = argv[++i];
            if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg} needs a value`);
            if (arg === "--stack") stack = value;
            else cwd = value;
        } else if (arg.startsWith("--")) throw new UsageError(`unknown option ${JSON.stringify(arg)}`);
        else if (file !== undefined)
            throw new UsageError(`one FILE only (got ${JSON.stringify(file)} and ${JSON.stringify(arg)})`);
        else file = arg;
    }
    if (file === undefined) throw new UsageError("which FILE? (the JSON Azure reports about the computes)");
    // The stack file is Pulumi.<name>.yaml: a name, not an org/project/stack path.
    if (stack !== undefined && !/^[A-Za-z0-9_.-]+$/.test(stack))
        throw new UsageError(
            `--stack takes a stack's name as in Pulumi.<name>.yaml (letters, digits, "_", "-", "."), got ${JSON.stringify(stack)}`,
        );
    return { file, stack, cwd };
}

function line(f: Finding): string {
    return `${f.severity}: ${f.subject}: ${f.message}\n`;
}

/** Runs the command; returns its exit code. Output goes to the given streams. */
export function adoptMain(
    argv: readonly string[],
    out: (text: string) => void,
    err: (text: string) => void,
    base = process.cwd(),
): number {
    let options;
    try {
        options = parseArgs(argv);
    } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        err(`adopt: ${e.message}\n\n${ADOPT_USAGE}\n`);
        return 2;
    }
    if (options === "help") {
        out(`${ADOPT_USAGE}\n`);
        return 0;
    }
    let text: string;
    try {
        text = fs.readFileSync(options.file === "-" ? 0 : path.resolve(base, options.file), "utf8");
    } catch (e) {
        err(`adopt: can't read ${options.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
        return 2;
    }
    let read;
    try {
        read = readReported(text);
    } catch (e) {
        if (!(e instanceof ReportedFileError)) throw e;
        err(`adopt: ${options.file} ${e.message}\n`);
        return 1;
    }
    const conversion = convert(read.computes);
    for (const problem of read.problems) err(`warning: ${problem}\n`);
    for (const f of conversion.findings) err(line(f));
    if (conversion.kept.length > 0) {
        err(
            "kept by Azure (never returned, so never declared or sent; to change one, replace the compute after the import):\n",
        );
        for (const k of conversion.kept) err(`  ${k.key}${k.secret ? " (secret)" : ""}\n`);
    }
    const errors = conversion.findings.filter((f) => f.severity === "error").length;
    if (conversion.adopted.length === 0) {
        err(`adopt: ${options.file} reports no compute the library manages\n`);
        return 1;
    }
    const comment = `Written by azureml-compute adopt from ${path.basename(options.file)}: ${conversion.adopted.length} existing compute(s) under ${CONFIG_NAMESPACE}, adopt: true (pulumi up imports them).`;
    if (options.stack === undefined) out(stackYaml(conversion.config, comment));
    else if (errors > 0) {
        err(`adopt: ${errors} problem(s) to fix first: Pulumi.${options.stack}.yaml is left as it is\n`);
        return 1;
    } else {
        const dir = path.resolve(base, options.cwd);
        if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
            err(`adopt: --cwd ${options.cwd} is not a folder\n`);
            return 2;
        }
        const file = path.join(dir, `Pulumi.${options.stack}.yaml`);
        const problems = addToStackFile(file, conversion.config, comment);
        for (const p of problems) err(`error: ${p}\n`);
        if (problems.length > 0) return 1;
        err(`adopt: wrote ${conversion.adopted.length} compute(s) into ${file}\n`);
    }
    return errors > 0 ? 1 : 0;
}
