/**
 * `npm run -s sim -- DIR PULUMI_ARGS...`: the real Pulumi CLI in project folder DIR against the SIMULATED
 * Azure, for trying a project under the real engine without Azure. State lives in `DIR/.sim/` (keep it out
 * of git): the CLI's file backend and home, and the simulated Azure's resources in `azure.json`, so `up`
 * then `preview` works. Resources that exist before the program runs (a workspace made elsewhere) can be
 * added to `azure.json` by hand. stdout is the CLI's own; the exit code is the CLI's.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ensureTools, pulumi } from "./support/cli";
import { readState, SimulatedAzure, writeState } from "./simulator/azure";

async function main(argv: readonly string[]): Promise<number> {
    const [given, ...args] = argv;
    // npm runs scripts in the package's folder; a relative DIR means the caller's folder (npm's INIT_CWD).
    const dir = given === undefined ? undefined : path.resolve(process.env.INIT_CWD ?? process.cwd(), given);
    if (!dir || !fs.existsSync(path.join(dir, "Pulumi.yaml"))) {
        process.stderr.write("usage: npm run -s sim -- DIR PULUMI_ARGS...   (DIR holds a Pulumi.yaml)\n");
        return 2;
    }
    ensureTools();
    const project = dir;
    const stateFile = path.join(project, ".sim", "azure.json");
    fs.mkdirSync(path.dirname(stateFile), { recursive: true });
    const azure = new SimulatedAzure(readState(stateFile));
    const endpoint = await azure.start();
    try {
        return (await pulumi(project, endpoint, args, { inherit: true })).code;
    } finally {
        writeState(stateFile, azure);
        await azure.stop();
    }
}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
        process.stderr.write(`sim: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
    },
);
