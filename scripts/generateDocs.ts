/**
 * `npm run docs`: rewrites the generated sections of README.md and docs/reference.md from the code, and
 * adopt/data/restFacts.json from the REST definitions.
 */
import * as fs from "node:fs";
import { writeDocs } from "./docs";
import { REST_FACTS_FILE, restFactsText } from "./generateRestFacts";

const changed = writeDocs();
const facts = restFactsText();
if (fs.readFileSync(REST_FACTS_FILE, "utf8") !== facts) {
    fs.writeFileSync(REST_FACTS_FILE, facts);
    changed.push("adopt/data/restFacts.json");
}
console.log(changed.length > 0 ? `updated: ${changed.join(", ")}` : "the docs are up to date");
