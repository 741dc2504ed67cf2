/**
 * The provider's schema as checked in (provider/schema.json): what YAML, Python, Go and .NET users get, so that a
 * change to it shows in review, as pulumi-awsx keeps its schema. The versions in it (the package's, azure-native's)
 * are replaced by `<version>`: they change with every release, the schema does not. `npm run docs` writes it; a
 * test fails when it differs from what the provider serves.
 */
import * as path from "node:path";
import { AzureMlComputeProvider } from "../provider/provider";
import { writeIfChanged } from "./generateProvider";

export const PROVIDER_SCHEMA_FILE = path.join(__dirname, "../provider/schema.json");

/** Where a version appears in the schema: its own field, a dependency's, and the `/v3.28.0/` of a package's $ref. */
const VERSION_IN_REF = /^(\/[^/]+\/)v\d+\.\d+\.\d+[^/]*(\/schema\.json#)/;

function withoutVersions(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutVersions);
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value).map(([key, inner]) =>
                key === "version" && typeof inner === "string" ? [key, "<version>"] : [key, withoutVersions(inner)],
            ),
        );
    }
    return typeof value === "string" ? value.replace(VERSION_IN_REF, "$1v<version>$2") : value;
}

/** The served schema as the checked-in file holds it: pretty JSON, without versions. */
export async function providerSchemaText(provider = new AzureMlComputeProvider()): Promise<string> {
    return `${JSON.stringify(withoutVersions(JSON.parse(await provider.getSchema())), null, 2)}\n`;
}

/** Rewrites provider/schema.json; says whether it changed. */
export async function writeProviderSchema(): Promise<boolean> {
    return writeIfChanged(PROVIDER_SCHEMA_FILE, await providerSchemaText());
}
