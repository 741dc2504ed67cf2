/**
 * A SIMULATED Azure Resource Manager endpoint for the end-to-end tests: a test double on 127.0.0.1, never
 * Azure. The stand-in azure-native provider (tools/pulumi/cmd/pulumi-resource-azure-native) sends it the
 * ARM requests azure-native sends.
 *
 * What it models, for computes (`.../workspaces/{ws}/computes/{name}`, api-version 2025-12-01 only):
 *  - PUT bodies checked against the REST definitions in shared/reference (400 with every problem otherwise);
 *  - a PUT that changes a property Azure fixes at creation fails with 400 PropertyChangeNotAllowed, the
 *    property named (fixedAtCreation.ts holds which, from Azure's documents, not from the library);
 *  - instance and cluster names unique per region (409 Conflict);
 *  - the parent workspace must exist (404 ParentResourceNotFound);
 *  - long-running operations: PUT answers 201 with Azure-AsyncOperation and provisioningState Creating (or
 *    Updating), the operation reports InProgress once, then Succeeded; DELETE answers 202 with Location;
 *  - GET 404 before creation and after deletion; GETs never return x-ms-secret values.
 * Other resource types (groups, networks, identities, workspaces, ...) are held as sent, created at once.
 * It records every request (method, path, api-version, body) so tests can assert on order and bodies.
 *
 * What it does not model: authentication, quotas, VM size availability, PATCH and POST actions, list
 * operations, throttling, other API versions, validation of non-compute bodies, and anything Azure does
 * behind a compute (nodes, disks, jobs).
 */
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { checkComputeRestBody } from "../../tests/support/restDefinitions";
import { refusedChanges } from "./fixedAtCreation";
import { answer, COMPUTE_TYPE, guidFor, type Held, typeOfId } from "./serverSet";

export const COMPUTE_API_VERSION = "2025-12-01";

export interface RecordedRequest {
    readonly method: string;
    /** The resource id (or simulator path), as sent. */
    readonly path: string;
    readonly apiVersion: string | undefined;
    readonly body?: Record<string, unknown>;
    readonly status: number;
}

/** Who is signed in to the simulated Azure (what getClientConfig reports). */
export interface SignedIn {
    readonly subscriptionId: string;
    readonly tenantId: string;
    readonly clientId: string;
    readonly objectId: string;
}

/** The simulator's state as saved between runs (`DIR/.sim/azure.json`): add resources that exist before a program runs here. */
export interface SavedState {
    readonly signedIn: SignedIn;
    readonly resources: readonly Held[];
}

export const DEFAULT_SIGNED_IN: SignedIn = {
    subscriptionId: "5e1f0000-0000-4000-8000-000000000001",
    tenantId: "5e1f0000-0000-4000-8000-000000000002",
    clientId: "5e1f0000-0000-4000-8000-000000000003",
    objectId: "5e1f0000-0000-4000-8000-000000000004",
};

interface Operation {
    readonly id: string;
    polls: number;
    readonly finish: () => void;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

const armError = (status: number, code: string, message: string, details?: unknown[]): Reply => ({
    status,
    body: { error: { code, message, ...(details ? { details } : {}) } },
});

export class SimulatedAzure {
    readonly requests: RecordedRequest[] = [];
    private readonly held = new Map<string, Held>();
    private readonly operations = new Map<string, Operation>();
    private server?: http.Server;
    private base = "";
    signedIn: SignedIn = DEFAULT_SIGNED_IN;

    constructor(state?: SavedState) {
        if (state) this.load(state);
    }

    load(state: SavedState): void {
        this.signedIn = state.signedIn ?? DEFAULT_SIGNED_IN;
        for (const r of state.resources ?? []) this.held.set(r.id.toLowerCase(), r);
    }

    /** Adds a resource that exists before the program runs (a workspace made elsewhere, say). */
    seed(id: string, body: Record<string, unknown>): void {
        const now = new Date().toISOString();
        this.held.set(id.toLowerCase(), { id, body, provisioningState: "Succeeded", createdOn: now, modifiedOn: now });
    }

    saved(): SavedState {
        return { signedIn: this.signedIn, resources: [...this.held.values()] };
    }

    /** The held resource with this id (any case), as last PUT. */
    resource(id: string): Held | undefined {
        return this.held.get(id.toLowerCase());
    }

    /** The ids of the computes held now. */
    computeIds(): string[] {
        return [...this.held.values()].filter((h) => typeOfId(h.id).toLowerCase() === COMPUTE_TYPE).map((h) => h.id);
    }

    get endpoint(): string {
        return this.base;
    }

    async start(): Promise<string> {
        this.server = http.createServer((req, res) => void this.serve(req, res));
        await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
        this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
        return this.base;
    }

    async stop(): Promise<void> {
        await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    }

    private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const url = new URL(req.url ?? "/", this.base);
        const text = Buffer.concat(chunks).toString("utf8");
        let body: Record<string, unknown> | undefined;
        let reply: Reply;
        try {
            body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
            reply = this.route(req.method ?? "GET", url, body);
        } catch (e) {
            reply = armError(
                400,
                "InvalidRequestContent",
                `The request content is not valid JSON: ${(e as Error).message}`,
            );
        }
        this.requests.push({
            method: req.method ?? "GET",
            path: url.pathname,
            apiVersion: url.searchParams.get("api-version") ?? undefined,
            body,
            status: reply.status,
        });
        res.writeHead(reply.status, {
            "Content-Type": "application/json",
            "x-ms-simulated": "true",
            ...(reply.headers ?? {}),
        });
        res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
    }

    private route(method: string, url: URL, body: Record<string, unknown> | undefined): Reply {
        const path = url.pathname;
        if (path === "/simulator/signed-in") return { status: 200, body: this.signedIn };
        if (path.startsWith("/simulator/operations/"))
            return this.poll(path.slice("/simulator/operations/".length), url.searchParams.get("kind"));
        if (!path.toLowerCase().startsWith("/subscriptions/"))
            return armError(404, "NotFound", `The simulated Azure has no ${path}`);
        const isCompute = typeOfId(path).toLowerCase() === COMPUTE_TYPE;
        const apiVersion = url.searchParams.get("api-version");
        if (!apiVersion)
            return armError(
                400,
                "MissingApiVersionParameter",
                "The api-version query parameter (?api-version=) is required for all requests.",
            );
        if (isCompute && apiVersion !== COMPUTE_API_VERSION) {
            return armError(
                400,
                "InvalidApiVersionParameter",
                `The simulated Azure knows computes only at api-version ${COMPUTE_API_VERSION}, not '${apiVersion}'.`,
            );
        }
        switch (method) {
            case "GET":
                return this.get(path);
            case "PUT":
                return isCompute ? this.putCompute(path, body ?? {}) : this.putOther(path, body ?? {});
            case "DELETE":
                return this.remove(path, isCompute);
            default:
                return armError(405, "MethodNotAllowed", `The simulated Azure does not model ${method}.`);
        }
    }

    private get(id: string): Reply {
        const held = this.resource(id);
        if (!held)
            return armError(
                404,
                "ResourceNotFound",
                `The Resource '${typeOfId(id)}/${id.split("/").pop()}' was not found.`,
            );
        return { status: 200, body: this.answerFor(held) };
    }

    private answerFor(held: Held): Record<string, unknown> {
        const secrets =
            typeOfId(held.id).toLowerCase() === COMPUTE_TYPE ? checkComputeRestBody(held.body).secretLeaves : [];
        return answer(held, this.signedIn.tenantId, secrets);
    }

    private putOther(id: string, body: Record<string, unknown>): Reply {
        const existing = this.resource(id);
        const now = new Date().toISOString();
        const held: Held = {
            id: existing?.id ?? id,
            body,
            provisioningState: "Succeeded",
            createdOn: existing?.createdOn ?? now,
            modifiedOn: now,
        };
        this.held.set(id.toLowerCase(), held);
        return { status: existing ? 200 : 201, body: this.answerFor(held) };
    }

    private putCompute(id: string, body: Record<string, unknown>): Reply {
        const { problems } = checkComputeRestBody(body);
        if (problems.length > 0) {
            const details = problems.map((p) => ({
                code: "InvalidRequestContent",
                target: p.path,
                message: `${p.path || "(body)"}: ${p.message}`,
            }));
            return armError(
                400,
                "BadRequest",
                `The compute body does not match the REST definitions: ${details.map((d) => d.message).join("; ")}`,
                details,
            );
        }
        const workspaceId = id.split("/").slice(0, -2).join("/");
        const workspace = this.resource(workspaceId);
        if (!workspace) {
            return armError(
                404,
                "ParentResourceNotFound",
                `Can not perform requested operation on nested resource. Parent resource '${workspaceId.split("/").pop()}' not found in the simulated Azure.`,
            );
        }
        const properties = (body.properties ?? {}) as Record<string, unknown>;
        const computeType = String(properties.computeType);
        const location = String(body.location ?? workspace.body.location ?? "");
        const stored = { ...body, location };
        const existing = this.resource(id);
        if (existing) {
            const before = existing.body.properties as Record<string, unknown> | undefined;
            if (before?.computeType !== computeType) {
                return armError(
                    400,
                    "PropertyChangeNotAllowed",
                    `Changing property 'properties.computeType' is not allowed (from ${String(before?.computeType)} to ${computeType}).`,
                );
            }
            const refused = refusedChanges(computeType, existing.body, stored);
            if (refused.length > 0) {
                const names = refused.map((p) => `'${p}'`).join(", ");
                return armError(
                    400,
                    "PropertyChangeNotAllowed",
                    `Changing property ${names} is not allowed: ${computeType} fixes it at creation.`,
                );
            }
        } else if (computeType === "ComputeInstance" || computeType === "AmlCompute") {
            const name = id.split("/").pop()!.toLowerCase();
            const clash = [...this.held.values()].find(
                (h) =>
                    typeOfId(h.id).toLowerCase() === COMPUTE_TYPE &&
                    h.id.split("/").pop()!.toLowerCase() === name &&
                    String(h.body.location) === location,
            );
            if (clash)
                return armError(
                    409,
                    "Conflict",
                    `A compute named '${name}' already exists in region ${location} (names of instances and clusters are unique per region).`,
                );
        }
        const now = new Date().toISOString();
        const state = existing ? "Updating" : "Creating";
        const held: Held = {
            id: existing?.id ?? id,
            body: stored,
            provisioningState: state,
            createdOn: existing?.createdOn ?? now,
            modifiedOn: now,
        };
        this.held.set(id.toLowerCase(), held);
        const op = this.operation(() => this.held.set(id.toLowerCase(), { ...held, provisioningState: "Succeeded" }));
        return {
            status: existing ? 200 : 201,
            body: this.answerFor(held),
            headers: { "Azure-AsyncOperation": `${this.base}/simulator/operations/${op}` },
        };
    }

    private remove(id: string, isCompute: boolean): Reply {
        const held = this.resource(id);
        if (!held) return { status: 204 };
        if (!isCompute) {
            this.held.delete(id.toLowerCase());
            return { status: 200 };
        }
        this.held.set(id.toLowerCase(), { ...held, provisioningState: "Deleting" });
        const op = this.operation(() => this.held.delete(id.toLowerCase()));
        return { status: 202, headers: { Location: `${this.base}/simulator/operations/${op}?kind=location` } };
    }

    private operation(finish: () => void): string {
        const id = guidFor(`${Date.now()}/${this.operations.size}/${Math.random()}`);
        this.operations.set(id, { id, polls: 0, finish });
        return id;
    }

    /** One poll: InProgress the first time, then done (Succeeded, or 200 for a Location poll). */
    private poll(id: string, kind: string | null): Reply {
        const op = this.operations.get(id);
        if (!op) return armError(404, "NotFound", `No operation ${id}.`);
        op.polls += 1;
        if (op.polls === 1)
            return kind === "location"
                ? { status: 202, headers: { "Retry-After": "0" } }
                : { status: 200, body: { status: "InProgress" } };
        op.finish();
        this.operations.delete(id);
        return kind === "location" ? { status: 200 } : { status: 200, body: { status: "Succeeded" } };
    }
}

/** Reads a saved state file, or nothing when there is none yet. */
export function readState(file: string): SavedState | undefined {
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as SavedState) : undefined;
}

export function writeState(file: string, azure: SimulatedAzure): void {
    fs.writeFileSync(file, `${JSON.stringify(azure.saved(), null, 2)}\n`);
}
