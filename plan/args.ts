/** The plan command's flags: `--stack <name>` (default dev), `--cwd <dir>`, `--json`, `--help`. */

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {
    override readonly name = "UsageError";
}

export interface PlanOptions {
    readonly stack: string;
    /** The Pulumi project directory (holding Pulumi.yaml and the stack files). */
    readonly cwd: string;
    readonly json: boolean;
    readonly help: boolean;
    /** A JSON file with the results of invokes the plan can't answer itself. */
    readonly invokeResults?: string;
}

export const USAGE = `usage: azureml-compute plan [--stack <name>] [--cwd <project dir>] [--json] [--invoke-results <file>]
       (in this repository: npm run plan -- ...)

Runs a Pulumi project's program with a stack's config under the Pulumi SDK's mock runtime, as pulumi preview
would judge it (no Azure, no Pulumi CLI), and prints the compute it would declare, or every validation error.

  --stack <name>            the stack whose Pulumi.<name>.yaml to use (default: dev)
  --cwd <dir>               the project directory (default: the current directory)
  --json                    print only the JSON plan document on stdout (warnings and logs go to stderr)
  --invoke-results <file>   a JSON map from invoke token to its result, for invokes the plan can't answer
  --help                    print this help

exit codes: 0 the stack is valid; 1 it has validation errors; 2 a usage error`;

const STACK_NAME = /^[A-Za-z0-9_.-]+$/;

/** Parses the command line (without node and the script). */
export function parsePlanArgs(argv: readonly string[], defaultCwd: string): PlanOptions {
    let stack = "dev";
    let cwd = defaultCwd;
    let json = false;
    let help = false;
    let invokeResults: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!;
        const [flag, inline] =
            arg.startsWith("--") && arg.includes("=")
                ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
                : [arg, undefined];
        const value = () => {
            const v = inline ?? argv[++i];
            if (v === undefined || v === "") throw new UsageError(`${flag} needs a value`);
            return v;
        };
        switch (flag) {
            case "--stack":
                stack = value();
                if (!STACK_NAME.test(stack))
                    throw new UsageError(
                        `--stack ${JSON.stringify(stack)}: a stack name has only letters, digits, "_", "-" and "."`,
                    );
                break;
            case "--cwd":
                cwd = value();
                break;
            case "--json":
                json = true;
                break;
            case "--invoke-results":
                invokeResults = value();
                break;
            case "--help":
            case "-h":
                help = true;
                break;
            default:
                throw new UsageError(`unknown ${arg.startsWith("-") ? "flag" : "argument"} ${JSON.stringify(arg)}`);
        }
    }
    return { stack, cwd, json, help, ...(invokeResults !== undefined ? { invokeResults } : {}) };
}
