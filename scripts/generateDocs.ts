/** `npm run docs`: rewrites the README's generated reference sections from the code. */
import { writeReadme } from "./docs";

console.log(writeReadme() ? "README.md updated" : "README.md is up to date");
