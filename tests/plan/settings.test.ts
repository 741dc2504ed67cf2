/**
 * The plan's settings column reads each value where the component's field map lands it.
 */
import { strict as assert } from "node:assert";
import { COMPONENT_REGISTRY } from "../../components/registry";
import { pathsOf } from "../../components/core/pulumi/fieldMap";
import { settingRows, settingsOf } from "../../plan/settings";

describe("plan settings", () => {
    it("every row shows args that land in the child", () => {
        const rows = settingRows();
        assert.ok(rows.length > 30, `only ${rows.length} rows`);
        for (const row of rows) {
            const kind = COMPONENT_REGISTRY.find((c) => c.kind.name === row.kind)!.kind;
            for (const arg of row.args) {
                const target = kind.fieldMap[arg];
                assert.ok(target && pathsOf(target).length > 0, `${row.computeType}: ${arg} lands nowhere`);
            }
        }
    });

    it("reads a value at its field map's landing, and leaves unset settings out", () => {
        const cluster = COMPONENT_REGISTRY.find((c) => c.kind.name === "ComputeCluster")!.kind;
        const [sizePath] = pathsOf(cluster.fieldMap.vmSize!);
        const [minPath] = pathsOf(cluster.fieldMap.minNodes!);
        const [maxPath] = pathsOf(cluster.fieldMap.maxNodes!);
        const inputs: Record<string, unknown> = {};
        for (const [path, value] of [
            [sizePath!, "Standard_NC6s_v3"],
            [minPath!, 0],
            [maxPath!, 4],
        ] as const) {
            const segments = path.split(".");
            let at = inputs;
            for (const s of segments.slice(0, -1)) at = (at[s] ??= {}) as Record<string, unknown>;
            at[segments.at(-1)!] = value;
        }
        assert.deepEqual(settingsOf("AmlCompute", inputs), { size: "Standard_NC6s_v3", nodes: "0-4" });
    });

    it("shows nothing for a compute type it does not know", () => {
        assert.deepEqual(settingsOf("Aisc", { properties: { properties: { vmSize: "x" } } }), {});
        for (const inherited of ["constructor", "toString"]) assert.deepEqual(settingsOf(inherited, {}), {}, inherited);
    });
});
