/**
 * The component provider, built and driven with the SDK's own machinery (no CLI): the schema it serves,
 * and components constructed through its construct path, compared with direct TypeScript use.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import * as lib from "../components";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { AzureMlComputeProvider } from "../provider/provider";
import { unknown } from "@pulumi/pulumi/output";
import { COMPUTE_CLUSTER } from "../components/computeCluster";
import { COMPUTE_INSTANCE } from "../components/computeInstance";
import { validateValues } from "../components/core/validation/validate";
import { COMPONENT_REGISTRY } from "../components/registry";
import type { AnyComputeKind } from "../components/core/pulumi/component";
import { recordRegistrations, RecordingMonitor, settle } from "./support/monitor";
import { SUBNET_ID, SUBSCRIPTION, WORKSPACE } from "./support/fixtures";

const TOKENS = COMPONENT_REGISTRY.map((c) => `azureml-compute:index:${c.kind.name}`);
const FIELD_MAPS: Record<string, object> = Object.fromEntries(
    COMPONENT_REGISTRY.map((c) => [c.kind.name, c.kind.fieldMap]),
);

type Prop = { type?: string; $ref?: string; description?: string; secret?: boolean };
interface Schema {
    resources: Record<
        string,
        { inputProperties: Record<string, Prop>; requiredInputs?: string[]; properties: Record<string, Prop> }
    >;
    types: Record<string, { properties?: Record<string, Prop>; enum?: { value: string }[] }>;
}

describe("component provider", function () {
    this.timeout(180000);
    const provider = new AzureMlComputeProvider();
    let schema: Schema;
    before(async () => {
        schema = JSON.parse(await provider.getSchema()) as Schema;
    });

    describe("schema", () => {
        it("serves the four components under azureml-compute:index:<Name>", () => {
            assert.deepEqual(Object.keys(schema.resources).sort(), [...TOKENS].sort());
        });

        for (const [name, fields] of Object.entries(FIELD_MAPS)) {
            it(`${name}: every arg is an input with a type and the doc comment as its description`, () => {
                const inputs = schema.resources[`azureml-compute:index:${name}`]!.inputProperties;
                assert.deepEqual(Object.keys(inputs).sort(), Object.keys(fields).sort());
                for (const [input, property] of Object.entries(inputs)) {
                    assert.ok(
                        property.type !== undefined ||
                            (property.$ref !== undefined && property.$ref !== "pulumi.json#/Any"),
                        `${name}.${input} has no type`,
                    );
                    assert.ok((property.description ?? "").length > 10, `${name}.${input} has no description`);
                }
            });
        }

        it("knows the required inputs", () => {
            assert.deepEqual(
                [...(schema.resources["azureml-compute:index:ComputeCluster"]!.requiredInputs ?? [])].sort(),
                ["maxNodes", "vmSize", "workspace"],
            );
            assert.deepEqual(
                [...(schema.resources["azureml-compute:index:AttachedCompute"]!.requiredInputs ?? [])].sort(),
                ["resourceId", "type", "workspace"],
            );
        });

        it("marks the secret inputs secret, and only those", () => {
            const secretsOf = (type: string) =>
                Object.entries(schema.types[`azureml-compute:index:${type}`]!.properties!)
                    .filter(([, p]) => p.secret)
                    .map(([n]) => n)
                    .sort();
            // What the REST spec marks x-ms-secret: the admin's public key too.
            assert.deepEqual(secretsOf("ClusterAdmin"), ["password", "sshPublicKey"]);
            assert.deepEqual(secretsOf("InferenceSsl"), ["cert", "key"]);
            assert.deepEqual(secretsOf("SshCredentials"), ["password", "privateKey", "publicKey"]);
            const attached = schema.resources["azureml-compute:index:AttachedCompute"]!.inputProperties;
            assert.deepEqual(
                Object.entries(attached)
                    .filter(([, p]) => p.secret)
                    .map(([n]) => n),
                ["accessToken"],
            );
        });

        it("turns the as-const choices into enums", () => {
            assert.deepEqual(
                schema.types["azureml-compute:index:VmPriority"]!.enum!.map((e) => e.value),
                ["Dedicated", "LowPriority"],
            );
            assert.deepEqual(
                schema.types["azureml-compute:index:AttachedComputeType"]!.enum!.map((e) => e.value),
                ["VirtualMachine", "Databricks", "DataLakeAnalytics", "HDInsight", "SynapseSpark"],
            );
        });

        it("serves the surface added for adoption and identity", () => {
            const inputs = (name: string) =>
                Object.keys(schema.resources[`azureml-compute:index:${name}`]!.inputProperties);
            for (const name of ["ComputeCluster", "ComputeInstance", "InferenceCluster", "AttachedCompute"])
                assert.ok(inputs(name).includes("adopt"), name);
            assert.ok(inputs("ComputeInstance").includes("customServices"));
            for (const input of ["identity", "disableLocalAuth", "location"])
                assert.ok(inputs("AttachedCompute").includes(input), input);
            assert.deepEqual(
                schema.types["azureml-compute:index:ClusterPurpose"]!.enum!.map((e) => e.value),
                ["Production", "DevTest", "DenseProduction"],
            );
            assert.deepEqual(
                schema.types["azureml-compute:index:IdentityType"]!.enum!.map((e) => e.value),
                ["SystemAssigned", "UserAssigned", "SystemAssigned,UserAssigned", "None"],
            );
            assert.ok(
                Object.keys(schema.types["azureml-compute:index:CustomServiceEndpoint"]!.properties!).includes(
                    "published",
                ),
            );
        });

        it("has the outputs", () => {
            const outputs = (name: string) =>
                Object.keys(schema.resources[`azureml-compute:index:${name}`]!.properties).sort();
            const common = [
                "compute",
                "computeId",
                "computeName",
                "principalId",
                "provisioningState",
                "tenantId",
                "userAssignedIdentities",
            ];
            assert.deepEqual(outputs("ComputeCluster"), common);
            assert.deepEqual(outputs("ComputeInstance"), [...common, "endpoints"].sort());
            assert.deepEqual(outputs("InferenceCluster"), [...common, "scoringFqdn"].sort());
            assert.deepEqual(outputs("AttachedCompute"), common);
        });
    });

    it("the YAML example uses only inputs the schema serves, with values the components accept", () => {
        const program = parse(
            fs.readFileSync(path.join(__dirname, "../examples/yaml-consumer/Pulumi.yaml"), "utf8"),
        ) as {
            packages: Record<string, string>;
            resources: Record<string, { type: string; properties: Record<string, unknown> }>;
        };
        assert.equal(program.packages["azureml-compute"], "../../provider");
        const kinds: Record<string, AnyComputeKind> = {
            ComputeCluster: COMPUTE_CLUSTER,
            ComputeInstance: COMPUTE_INSTANCE,
        };
        for (const [resourceName, resource] of Object.entries(program.resources)) {
            const component = resource.type.replace(/^azureml-compute:/, "");
            const inputs = schema.resources[`azureml-compute:index:${component}`]?.inputProperties;
            assert.ok(inputs, `${resourceName}: ${resource.type} is not served`);
            for (const key of Object.keys(resource.properties))
                assert.ok(key in inputs, `${resourceName}.${key} is not an input of ${component}`);
            // Interpolations stand for config values: give them plausible ones, then run the component's checks.
            const concrete = JSON.parse(
                JSON.stringify(resource.properties)
                    .replace(/\$\{(workspaceName)\}/g, "mlw-dev")
                    .replace(/\$\{(resourceGroupName)\}/g, "rg-ml-dev")
                    .replace(/\$\{(aliceObjectId|tenantId)\}/g, "00000000-0000-0000-0000-000000000000"),
            );
            assert.deepEqual(validateValues(kinds[component]!.rules, concrete).issues, [], resourceName);
        }
    });

    describe("construct", () => {
        /** What a registration looks like, without ids that differ between runs. */
        const shape = (monitor: RecordingMonitor) =>
            monitor.registrations.map((r) => ({
                type: r.type,
                name: r.name,
                parent: r.parent,
                inputs: r.inputs,
                secretPaths: r.secretPaths,
                replaceOnChanges: r.replaceOnChanges,
                deleteBeforeReplace: r.deleteBeforeReplace,
            }));

        const cases: [
            string,
            string,
            Record<string, unknown>,
            new (name: string, args: any) => pulumi.ComponentResource,
        ][] = [
            [
                "ComputeCluster",
                "gpu-train",
                {
                    workspace: WORKSPACE,
                    vmSize: "Standard_NC4as_T4_v3",
                    vmType: "GPU",
                    maxNodes: 4,
                    idleTimeBeforeScaleDown: "300",
                    subnet: SUBNET_ID,
                    admin: { username: "azureuser", password: "S3cret-pw-123" },
                },
                lib.ComputeCluster,
            ],
            [
                "ComputeInstance",
                "ci-alice",
                {
                    workspace: WORKSPACE,
                    vmSize: "Standard_DS3_v2",
                    idleTimeBeforeShutdown: "PT1H",
                    schedules: [{ action: "Stop", cron: "0 19 * * 1-5" }],
                },
                lib.ComputeInstance,
            ],
            [
                "InferenceCluster",
                "k8s-serve",
                {
                    workspace: WORKSPACE,
                    computeType: "Kubernetes",
                    clusterResourceId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`,
                    namespace: "azureml",
                },
                lib.InferenceCluster,
            ],
            [
                "AttachedCompute",
                "dbx-etl",
                {
                    workspace: WORKSPACE,
                    type: "Databricks",
                    resourceId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/dbx`,
                    accessToken: "dapi-token-1",
                },
                lib.AttachedCompute,
            ],
        ];
        for (const [component, name, args, Direct] of cases) {
            it(`${component}: registers what direct TypeScript use registers`, async () => {
                const direct = await recordRegistrations();
                new Direct(name, args);
                await new Promise((r) => setTimeout(r, 50));
                await settle();
                const viaProvider = await recordRegistrations();
                await provider.construct(name, `azureml-compute:index:${component}`, args, {});
                await new Promise((r) => setTimeout(r, 50));
                await settle();
                assert.equal(direct.ofType("azure-native:machinelearningservices:Compute").length, 1);
                assert.deepEqual(shape(viaProvider), shape(direct));
            });
        }

        it("takes the engine's bare unknown marker in preview as a value not known yet", async () => {
            const monitor = await recordRegistrations({ preview: true });
            await provider.construct(
                "gpu-train",
                "azureml-compute:index:ComputeCluster",
                { workspace: WORKSPACE, vmSize: "Standard_DS3_v2", maxNodes: unknown },
                {},
            );
            await new Promise((r) => setTimeout(r, 50));
            await settle();
            assert.deepEqual(monitor.only("azure-native:machinelearningservices:Compute").unknownPaths, [
                "properties.properties.scaleSettings.maxNodeCount",
            ]);
        });

        it("reports validation problems as property errors, one per field", async () => {
            await recordRegistrations();
            await assert.rejects(
                provider.construct(
                    "gpu-train",
                    "azureml-compute:index:ComputeCluster",
                    { workspace: WORKSPACE, vmSize: "Standard_DS3_v2", minNodes: 4, maxNodes: 2, vmPriority: "Spot" },
                    {},
                ),
                (e: unknown) => {
                    assert.ok(pulumi.InputPropertiesError.isInstance(e), String(e));
                    assert.deepEqual(e.errors, [
                        { propertyPath: "vmPriority", reason: '"Spot" is not one of "Dedicated", "LowPriority"' },
                        { propertyPath: "maxNodes", reason: "must be at least minNodes (4)" },
                    ]);
                    return true;
                },
            );
        });
    });
});
