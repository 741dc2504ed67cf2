/**
 * The `azureml-compute` command. `plan [--stack <name>] [--cwd <dir>] [--json] [--invoke-results <file>]`:
 * the offline plan (exit codes: 0 valid, 1 validation errors, every one printed, 2 usage errors).
 * `adopt FILE ...`: stack config for computes that exist (../adopt/cli.ts).
 */
import * as path from "node:path";
import { parsePlanArgs, USAGE, UsageError } from "./args";
import { readProject, readStack } from "./project";
import { buildPlan, renderErrors, renderPlan } from "./report";
import { planInvokes, readInvokeResults } from "./invokes";
import { runProgram } from "./run";
import { adoptMain } from "../adopt/cli";

async function main(argv: readonly string[]): Promise<number> {
    if (argv[0] === "adopt") {
        const write = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(text);
        return adoptMain(
            argv.slice(1),
            write(process.stdout),
            write(process.stderr),
            process.env.INIT_CWD ?? process.cwd(),
        );
    }
    let options;
    let project;
    let stackConfig;
    let invokes;
    try {
        if (argv[0] !== "plan" && !["--help", "-h"].includes(argv[0] ?? "")) {
            throw new UsageError(
                argv[0] === undefined
                    ? "which command? (plan, adopt)"
                    : `unknown command ${JSON.stringify(argv[0])} (commands: plan, adopt)`,
            );
        }
        argv = argv[0] === "plan" ? argv.slice(1) : argv;
        // npm runs scripts in the package root (the default project); a relative --cwd is read from
        // where the user typed the command (INIT_CWD).
        options = parsePlanArgs(argv, process.cwd());
        if (options.help) {
            process.stdout.write(`${USAGE}\n`);
            return 0;
        }
        project = readProject(path.resolve(process.env.INIT_CWD ?? process.cwd(), options.cwd));
        stackConfig = readStack(project, options.stack);
        invokes = planInvokes(
            readInvokeResults(
                options.invokeResults === undefined
                    ? undefined
                    : path.resolve(process.env.INIT_CWD ?? process.cwd(), options.invokeResults),
            ),
        );
    } catch (e) {
        if (e instanceof UsageError) {
            process.stderr.write(`plan: ${e.message}\n\n${USAGE}\n`);
            return 2;
        }
        throw e;
    }
    let run;
    try {
        run = await runProgram(project, options.stack, stackConfig, invokes);
    } catch (e) {
        if (e instanceof UsageError) {
            process.stderr.write(`plan: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
    const plan = buildPlan(
        {
            project: project.name,
            stack: options.stack,
            securePaths: stackConfig.securePaths,
            configProblems: stackConfig.problems,
            invokes: invokes.calls,
        },
        run,
    );
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
        process.stderr.write(
            `${process.argv[2] === "adopt" ? "adopt" : "plan"}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
        );
        process.exit(1);
    },
);
