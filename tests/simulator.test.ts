/**
 * The simulated Azure the end-to-end scenarios run against (e2e/simulator): a test double, tested here without
 * the Pulumi CLI, so that what the scenarios conclude from its answers rests on checked behaviour.
 */
import * as assert from "node:assert/strict";
import { SimulatedAzure } from "../e2e/simulator/azure";

const SUB = "/subscriptions/5e1f0000-0000-4000-8000-000000000001";
const WS = `${SUB}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws`;
const API = "?api-version=2025-12-01";

const cluster = (vmSize = "Standard_DS3_v2", maxNodeCount = 2) => ({
    location: "westeurope",
    properties: { computeType: "AmlCompute", properties: { vmSize, scaleSettings: { maxNodeCount, minNodeCount: 0 } } },
});

describe("the simulated Azure", () => {
    let azure: SimulatedAzure;
    let base: string;
    const call = async (method: string, url: string, body?: unknown) => {
        const res = await fetch(url.startsWith("http") ? url : base + url, {
            method,
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        return {
            status: res.status,
            headers: res.headers,
            body: (text ? JSON.parse(text) : undefined) as Record<string, any>,
        };
    };
    /** PUT, then follow the long-running operation to its end. */
    const create = async (name: string, body: unknown) => {
        const put = await call("PUT", `${WS}/computes/${name}${API}`, body);
        const op = put.headers.get("Azure-AsyncOperation");
        if (op) while ((await call("GET", op)).body.status !== "Succeeded");
        return put;
    };

    beforeEach(async () => {
        azure = new SimulatedAzure();
        azure.seed(WS, { location: "westeurope" });
        base = await azure.start();
    });
    afterEach(async () => azure.stop());

    it("answers 404 before creation, runs the PUT as a long-running operation, then answers with the compute", async () => {
        assert.equal((await call("GET", `${WS}/computes/cpu${API}`)).status, 404);
        const put = await call("PUT", `${WS}/computes/cpu${API}`, cluster());
        assert.equal(put.status, 201);
        assert.equal(put.body.properties.provisioningState, "Creating");
        const op = put.headers.get("Azure-AsyncOperation")!;
        assert.equal((await call("GET", op)).body.status, "InProgress");
        assert.equal((await call("GET", op)).body.status, "Succeeded");
        const got = await call("GET", `${WS}/computes/cpu${API}`);
        assert.equal(got.body.properties.provisioningState, "Succeeded");
        assert.equal(got.body.id, `${WS}/computes/cpu`);
        assert.equal(got.body.properties.properties.vmSize, "Standard_DS3_v2");
    });

    it("refuses a body that does not match the REST definitions, naming every problem", async () => {
        const bad = {
            location: "westeurope",
            properties: { computeType: "AmlCompute", properties: { vmSize: 42, scaleSettings: {} } },
        };
        const put = await call("PUT", `${WS}/computes/cpu${API}`, bad);
        assert.equal(put.status, 400);
        assert.equal(put.body.error.code, "BadRequest");
        const targets = (put.body.error.details as { target: string }[]).map((d) => d.target);
        assert.deepEqual(targets, ["properties.properties.vmSize", "properties.properties.scaleSettings.maxNodeCount"]);
        assert.equal(azure.computeIds().length, 0);
    });

    it("updates scale settings in place and refuses a change Azure fixes at creation, naming the property", async () => {
        await create("cpu", cluster());
        const update = await create("cpu", cluster("Standard_DS3_v2", 4));
        assert.equal(update.status, 200);
        const refused = await call("PUT", `${WS}/computes/cpu${API}`, cluster("Standard_DS4_v2", 4));
        assert.equal(refused.status, 400);
        assert.equal(refused.body.error.code, "PropertyChangeNotAllowed");
        assert.equal(
            refused.body.error.message,
            "Changing property 'properties.properties.vmSize' is not allowed: AmlCompute fixes it at creation.",
        );
    });

    it("keeps cluster and instance names unique per region, across workspaces", async () => {
        const other = `${SUB}/resourceGroups/rg2/providers/Microsoft.MachineLearningServices/workspaces/ws2`;
        azure.seed(other, { location: "westeurope" });
        await create("cpu", cluster());
        const clash = await call("PUT", `${other}/computes/CPU${API}`, cluster());
        assert.equal(clash.status, 409);
        assert.equal(clash.body.error.code, "Conflict");
        const elsewhere = await call("PUT", `${other}/computes/cpu${API}`, { ...cluster(), location: "northeurope" });
        assert.equal(elsewhere.status, 201);
    });

    it("needs the parent workspace", async () => {
        const put = await call(
            "PUT",
            `${SUB}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/none/computes/cpu${API}`,
            cluster(),
        );
        assert.equal(put.status, 404);
        assert.equal(put.body.error.code, "ParentResourceNotFound");
    });

    it("never returns x-ms-secret values", async () => {
        const body = cluster();
        (body.properties.properties as Record<string, unknown>).userAccountCredentials = {
            adminUserName: "azureuser",
            adminUserPassword: "Pa55-simulator",
        };
        await create("cpu", body);
        const got = await call("GET", `${WS}/computes/cpu${API}`);
        assert.deepEqual(got.body.properties.properties.userAccountCredentials, { adminUserName: "azureuser" });
        assert.ok(!JSON.stringify(got.body).includes("Pa55-simulator"));
    });

    it("deletes through a Location operation, then answers 404; records every request in order", async () => {
        await create("cpu", cluster());
        const del = await call("DELETE", `${WS}/computes/cpu${API}`);
        assert.equal(del.status, 202);
        const location = del.headers.get("Location")!;
        assert.equal((await call("GET", location)).status, 202);
        assert.equal((await call("GET", location)).status, 200);
        assert.equal((await call("GET", `${WS}/computes/cpu${API}`)).status, 404);
        const computeCalls = azure.requests
            .filter((r) => r.path.includes("/computes/"))
            .map((r) => `${r.method} ${r.status}`);
        assert.deepEqual(computeCalls, ["PUT 201", "DELETE 202", "GET 404"]);
    });

    it("knows computes only at api-version 2025-12-01", async () => {
        const put = await call("PUT", `${WS}/computes/cpu?api-version=2024-04-01`, cluster());
        assert.equal(put.status, 400);
        assert.equal(put.body.error.code, "InvalidApiVersionParameter");
    });
});
