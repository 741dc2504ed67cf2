/**
 * `npm run plan -- [--stack <name>] [--cwd <dir>] [--json]`: the offline plan. Exit codes: 0 valid,
 * 1 validation errors (every one printed), 2 usage errors.
 */
import * as path from "node:path";
import { parsePlanArgs, USAGE, UsageError } from "./args";
import { readProject, readStack } from "./project";
import { buildPlan, renderErrors, renderPlan } from "./report";
import { runProgram } from "./run";

async function main(argv: readonly string[]): Promise<number> {
    let options;
    let project;
    let stackConfig;
    try {
        // npm runs scripts in the package root (the default project); a relative --cwd is read from
        // where the user typed the command (INIT_CWD).
        options = parsePlanArgs(argv, process.cwd());
        if (options.help) {
            process.stdout.write(`${USAGE}\n`);
            return 0;
        }
        project = readProject(path.resolve(process.env.INIT_CWD ?? process.cwd(), options.cwd));
        stackConfig = readStack(project, options.stack);
    } catch (e) {
        if (e instanceof UsageError) {
            process.stderr.write(`plan: ${e.message}\n\n${USAGE}\n`);
            return 2;
        }
        throw e;
    }
    const run = await runProgram(project, options.stack, stackConfig);
    const plan = buildPlan({ project: project.name, stack: options.stack, securePaths: stackConfig.securePaths }, run);
    if (options.json) {
        process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
        for (const w of plan.warnings) process.stderr.write(`warning: ${w}\n`);
    } else if (plan.valid) {
        process.stdout.write(renderPlan(plan));
    } else {
        process.stderr.write(renderErrors(plan, run.errors));
    }
    return plan.valid ? 0 : 1;
}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
        process.stderr.write(`plan: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        process.exit(1);
    },
);
