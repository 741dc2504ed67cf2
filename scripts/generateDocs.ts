/** `npm run docs`: rewrites the generated sections of README.md and docs/reference.md from the code. */
import { writeDocs } from "./docs";

const changed = writeDocs();
console.log(changed.length > 0 ? `updated: ${changed.join(", ")}` : "the docs are up to date");
