/**
 * `npm run docs`: rewrites the args interfaces from their tables of arg specs (first: everything else reads them),
 * the components' part of the package entry from the registry, the generated sections of README.md and
 * docs/reference.md from the code,
 * adopt/data/restFacts.json from the REST definitions, and the provider's classes and schema snapshot from the
 * registry (the classes first: the schema is inferred from their source).
 */
import { writeArgsInterfaces } from "./generateArgs";
import { COMPONENT_REGISTRY } from "../components/registry";
import { writeDocs } from "./docs";
import { INDEX_FILE, indexText } from "./generateIndex";
import { writeIfChanged, writeProviderComponents } from "./generateProvider";
import { REST_FACTS_FILE, restFactsText } from "./generateRestFacts";
import { writeProviderSchema } from "./providerSchema";

async function main(): Promise<void> {
    // Syntax only, so it runs while stale interfaces keep the rest from compiling (npm run docs transpiles only).
    const changed = await writeArgsInterfaces();
    if (writeIfChanged(INDEX_FILE, await indexText(COMPONENT_REGISTRY.map((c) => c.docs.source))))
        changed.push("components/index.ts");
    changed.push(...writeDocs());
    if (writeIfChanged(REST_FACTS_FILE, restFactsText())) changed.push("adopt/data/restFacts.json");
    if (await writeProviderComponents()) changed.push("provider/components.ts");
    if (await writeProviderSchema()) changed.push("provider/schema.json");
    console.log(changed.length > 0 ? `updated: ${changed.join(", ")}` : "the docs are up to date");
}

void main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
});
