/**
 * What Azure Resource Manager reports about a workspace's computes, as `adopt` reads it: the REST body of
 * one compute (`az rest --method get --url .../computes/<name>?api-version=...`, `az resource show`), the
 * REST list (`{ "value": [...] }`), or a JSON array of bodies. Each body becomes azure-native's input shape
 * (the shape the field maps speak): the path parameters from its id, and user-assigned identities as a list
 * of ids instead of the REST map.
 */
import { parseResourceId } from "../components/core/azure/resourceIds";
import { isPlainObject } from "../components/core/validation/validate";

/** One compute as Azure reports it. */
export interface ReportedCompute {
    /** Where it is in the file: `value[2]`, or `(body)` for a single body. */
    readonly at: string;
    readonly id: string;
    readonly subscriptionId: string;
    readonly resourceGroupName: string;
    readonly workspaceName: string;
    readonly computeName: string;
    readonly computeType: string | undefined;
    /** The body as azure-native inputs: `workspaceName`, `resourceGroupName`, `computeName`, `location`, `identity`, `tags`, `properties`... */
    readonly reported: Record<string, unknown>;
}

/** A file `adopt` can't read, with what it understands. */
export class ReportedFileError extends Error {}

export const SHAPES_UNDERSTOOD =
    'a compute\'s REST body (as `az rest` or `az resource show` print it), the REST list `{ "value": [...] }`, or a JSON array of bodies';

/** The REST properties that say which resource a body is, not how it is set (`az resource show` adds resourceGroup). */
const IDENTIFYING = new Set(["id", "name", "type", "systemData", "etag", "resourceGroup"]);

/** How deep a body may nest: the deepest compute property is about eight levels. */
const MAX_DEPTH = 32;

/** A copy of parsed JSON without own `__proto__` keys and without values nested past MAX_DEPTH, each said. */
function plainData(value: unknown, at: string, problems: string[], depth = 0): unknown {
    if (Array.isArray(value) || isPlainObject(value)) {
        if (depth >= MAX_DEPTH) {
            problems.push(`${at || "(file)"}: is nested more than ${MAX_DEPTH} levels deep; left out`);
            return undefined;
        }
    }
    if (Array.isArray(value)) return value.map((v, i) => plainData(v, `${at}[${i}]`, problems, depth + 1));
    if (!isPlainObject(value)) return value;
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
        const where = at ? `${at}.${k}` : k;
        if (k === "__proto__") problems.push(`${where}: an own "__proto__" key is no property of a compute; left out`);
        else copy[k] = plainData(v, where, problems, depth + 1);
    }
    return copy;
}

/** Reads the computes a file reports, or says why it can't (a shape it does not understand). */
export function readReported(text: string): { readonly computes: ReportedCompute[]; readonly problems: string[] } {
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (e) {
        // Never the parser's own message: it quotes the file, which may hold a password.
        const at = /at position (\d+)/.exec((e as Error).message)?.[1];
        const where = at === undefined ? "" : ` (at line ${text.slice(0, Number(at)).split("\n").length})`;
        throw new ReportedFileError(`is not JSON${where}; expected ${SHAPES_UNDERSTOOD}`);
    }
    const problems: string[] = [];
    json = plainData(json, "", problems);
    let bodies: [string, unknown][];
    if (looksLikeAzMl(json))
        throw new ReportedFileError(
            `is not a shape adopt reads (it looks like \`az ml compute\` output, which is snake_case and leaves settings out); expected ${SHAPES_UNDERSTOOD}`,
        );
    if (Array.isArray(json)) bodies = json.map((b, i) => [`[${i}]`, b]);
    else if (isPlainObject(json) && Array.isArray(json.value)) {
        bodies = json.value.map((b, i) => [`value[${i}]`, b]);
        if (typeof json.nextLink === "string" && json.nextLink !== "") {
            problems.push(
                `the list has a nextLink: it is one page of the workspace's computes; fetch the others (${json.nextLink}) and adopt them too`,
            );
        }
    } else if (isPlainObject(json) && typeof json.id === "string") bodies = [["(body)", json]];
    else throw new ReportedFileError(`is not a shape adopt reads; expected ${SHAPES_UNDERSTOOD}`);

    const computes: ReportedCompute[] = [];
    for (const [at, body] of bodies) {
        const found = reportedCompute(at, body);
        if (typeof found === "string") problems.push(`${at}: ${found}`);
        else computes.push(found);
    }
    return { computes, problems };
}

/** `az ml compute show/list` print snake_case keys at the top (`provisioning_state`, `size`). */
function looksLikeAzMl(json: unknown): boolean {
    const first = Array.isArray(json) ? json[0] : json;
    return (
        isPlainObject(first) &&
        ("provisioning_state" in first || "resource_id" in first || ("type" in first && !("properties" in first)))
    );
}

function reportedCompute(at: string, body: unknown): ReportedCompute | string {
    if (!isPlainObject(body)) return "is not a compute's REST body (an object with id and properties)";
    const id = body.id;
    const parsed = typeof id === "string" ? parseResourceId(id) : undefined;
    const names = parsed?.names ?? [];
    if (
        parsed === undefined ||
        parsed.provider.toLowerCase() !== "microsoft.machinelearningservices" ||
        parsed.types.map((t) => t.toLowerCase()).join("/") !== "workspaces/computes" ||
        names.length !== 2
    ) {
        return `has no compute id (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<ws>/computes/<name>); got ${JSON.stringify(id)}`;
    }
    const reported: Record<string, unknown> = {
        resourceGroupName: parsed.resourceGroup,
        workspaceName: names[0],
        computeName: names[1],
    };
    for (const [key, value] of Object.entries(body)) if (!IDENTIFYING.has(key)) reported[key] = value;
    if (isPlainObject(body.identity) && isPlainObject(body.identity.userAssignedIdentities)) {
        reported.identity = {
            ...body.identity,
            userAssignedIdentities: Object.keys(body.identity.userAssignedIdentities),
        };
    }
    const properties = isPlainObject(body.properties) ? body.properties : {};
    return {
        at,
        id: id as string,
        subscriptionId: parsed.subscriptionId,
        resourceGroupName: parsed.resourceGroup,
        workspaceName: names[0]!,
        computeName: names[1]!,
        computeType: typeof properties.computeType === "string" ? properties.computeType : undefined,
        reported,
    };
}
