import { strict as assert, AssertionError } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import {
    assertValidComputePayload,
    checkComputePayload,
    PayloadProblem,
    secretPathsIn,
    unresolvedRefs,
} from "./support/restDefinitions";

/** Pulumi's marker for a value not known yet (as the recording monitor leaves it in the inputs). */
const UNKNOWN = unknownValue;
const SUBSCRIPTION = "00000000-1111-2222-3333-444444444444";
const SUBNET_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-ml/subnets/training`;
const IDENTITY_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-train`;
const EXAMPLES = path.join(__dirname, "../../shared/reference/rest-examples-2025-12-01/Compute/createOrUpdate");

/** A REST example's PUT body in azure-native's input shape: path parameters added, identity ids as an array. */
function azureNativeInputs(file: string): Record<string, unknown> {
    const example = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), "utf8"));
    const { resourceGroupName, workspaceName, computeName, parameters: body } = example.parameters;
    if (body.identity?.userAssignedIdentities)
        body.identity.userAssignedIdentities = Object.keys(body.identity.userAssignedIdentities);
    return { resourceGroupName, workspaceName, computeName, ...body };
}

/** What each example breaks; an example not listed is valid against the definitions. */
const INVALID_EXAMPLES: Record<string, PayloadProblem[]> = {
    // The example sends `"nvidia.com/gpu": null` in resources.requests and .limits, whose values are
    // `{ "type": "string" }` without x-nullable in InstanceTypeSchemaResources (nodeSelector, which is nullable, passes).
    "KubernetesCompute.json": ["requests", "limits"].map((map) => ({
        path: `properties.properties.instanceTypes.defaultInstanceType.resources.${map}.nvidia.com/gpu`,
        message: "null is not allowed (not x-nullable)",
    })),
};

const PASSWORD_PATH = "properties.properties.userAccountCredentials.adminUserPassword";

/** An AmlCompute as the library registers one (azure-native shape). */
function validCluster(): Record<string, any> {
    return {
        resourceGroupName: "rg-ml",
        workspaceName: "mlw-dev",
        computeName: "gpu-train",
        location: "westeurope",
        tags: { team: "vision" },
        identity: { type: "UserAssigned", userAssignedIdentities: [IDENTITY_ID] },
        properties: {
            computeType: "AmlCompute",
            description: "GPU training",
            disableLocalAuth: true,
            properties: {
                vmSize: "Standard_NC4as_T4_v3",
                vmPriority: "LowPriority",
                osType: "Linux",
                scaleSettings: { minNodeCount: 1, maxNodeCount: 8, nodeIdleTimeBeforeScaleDown: "PT5M" },
                subnet: { id: SUBNET_ID },
                userAccountCredentials: { adminUserName: "azureuser", adminUserPassword: "Tr0ub4dor&3-horse-battery" },
                remoteLoginPortPublicAccess: "Disabled",
                enableNodePublicIp: false,
            },
        },
    };
}

/** The problems of the valid cluster after `change`, with its password secret unless told otherwise. */
function problemsAfter(
    change: (p: Record<string, any>) => void,
    secretPaths: readonly string[] = [PASSWORD_PATH],
): PayloadProblem[] {
    const payload = validCluster();
    change(payload);
    return checkComputePayload(payload, secretPaths);
}

const problem = (p: string, message: string): PayloadProblem => ({ path: p, message });

/** A Compute payload in workspace mlw-dev of group rg-ml, with the given `properties`. */
function body(computeName: string, properties: Record<string, unknown>): Record<string, unknown> {
    return { resourceGroupName: "rg-ml", workspaceName: "mlw-dev", computeName, properties };
}

describe("REST definitions checker", () => {
    it("resolves every $ref in the definitions file", () => {
        assert.deepEqual(unresolvedRefs(), []);
    });

    describe("the REST examples of Compute createOrUpdate", () => {
        const files = fs
            .readdirSync(EXAMPLES)
            .filter((f) => f.endsWith(".json"))
            .sort();

        it("are the nine published examples", () => {
            assert.deepEqual(files, [
                "AKSCompute.json",
                "AmlCompute.json",
                "BasicAKSCompute.json",
                "BasicAmlCompute.json",
                "BasicDataFactoryCompute.json",
                "ComputeInstance.json",
                "ComputeInstanceMinimal.json",
                "ComputeInstanceWithSchedules.json",
                "KubernetesCompute.json",
            ]);
        });

        for (const file of files) {
            it(`${file} ${INVALID_EXAMPLES[file] ? "has exactly its known problems" : "is accepted"}`, () => {
                const inputs = azureNativeInputs(file);
                assert.deepEqual(checkComputePayload(inputs, secretPathsIn(inputs)), INVALID_EXAMPLES[file] ?? []);
            });
        }
    });

    it("accepts the library's usual AmlCompute payload", () => {
        assert.deepEqual(
            problemsAfter(() => {}),
            [],
        );
    });

    const rejected: [string, (p: Record<string, any>) => void, PayloadProblem[]][] = [
        [
            "a string for an integer",
            (p) => (p.properties.properties.scaleSettings.maxNodeCount = "8"),
            [problem("properties.properties.scaleSettings.maxNodeCount", 'expected integer, got "8"')],
        ],
        [
            "a fraction for an integer",
            (p) => (p.properties.properties.scaleSettings.minNodeCount = 1.5),
            [problem("properties.properties.scaleSettings.minNodeCount", "expected integer, got 1.5")],
        ],
        [
            "an int32 out of range",
            (p) => (p.properties.properties.scaleSettings.maxNodeCount = 2 ** 31),
            [problem("properties.properties.scaleSettings.maxNodeCount", "2147483648 is out of the int32 range")],
        ],
        [
            "a string for a boolean",
            (p) => (p.properties.properties.enableNodePublicIp = "false"),
            [problem("properties.properties.enableNodePublicIp", 'expected boolean, got "false"')],
        ],
        ["a number in the tags map", (p) => (p.tags.cost = 3), [problem("tags.cost", "expected string, got 3")]],
        [
            "an object for a string",
            (p) => (p.location = { name: "westeurope" }),
            [problem("location", "expected string, got an object")],
        ],
        [
            "a bad duration",
            (p) => (p.properties.properties.scaleSettings.nodeIdleTimeBeforeScaleDown = "300"),
            [
                problem(
                    "properties.properties.scaleSettings.nodeIdleTimeBeforeScaleDown",
                    '"300" is not an ISO 8601 duration',
                ),
            ],
        ],
        [
            "a value outside a closed enum",
            (p) => (p.sku = { name: "Basic", tier: "Gold" }),
            [problem("sku.tier", '"Gold" is not one of "Free", "Basic", "Standard", "Premium"')],
        ],
        [
            "a closed enum value in the wrong case",
            (p) => (p.sku = { name: "Basic", tier: "standard" }),
            [problem("sku.tier", '"standard" is not one of "Free", "Basic", "Standard", "Premium"')],
        ],
        [
            "a missing maxNodeCount",
            (p) => delete p.properties.properties.scaleSettings.maxNodeCount,
            [problem("properties.properties.scaleSettings.maxNodeCount", "required property is missing")],
        ],
        [
            "a missing computeType",
            (p) => delete p.properties.computeType,
            [problem("properties.computeType", "required property is missing")],
        ],
        [
            "a missing identity type",
            (p) => delete p.identity.type,
            [problem("identity.type", "required property is missing")],
        ],
        [
            "a missing sku name",
            (p) => (p.sku = { tier: "Standard" }),
            [problem("sku.name", "required property is missing")],
        ],
        [
            "provisioningState sent",
            (p) => (p.properties.provisioningState = "Succeeded"),
            [problem("properties.provisioningState", "is read-only and must not be sent")],
        ],
        [
            "allocationState sent",
            (p) => (p.properties.properties.allocationState = "Steady"),
            [problem("properties.properties.allocationState", "is read-only and must not be sent")],
        ],
        [
            "the resource id sent (read-only through ProxyResource)",
            (p) => (p.id = "/subscriptions/x"),
            [problem("id", "is read-only and must not be sent")],
        ],
        [
            "a property AmlComputeProperties lacks",
            (p) => (p.properties.properties.maxNodes = 8),
            [problem("properties.properties.maxNodes", "is not a property of AmlComputeProperties")],
        ],
        [
            "a property ComputeResource lacks",
            (p) => (p.kind = "Cluster"),
            [problem("kind", "is not a property of ComputeResource")],
        ],
        [
            "null where not x-nullable",
            (p) => (p.properties.properties.vmSize = null),
            [problem("properties.properties.vmSize", "null is not allowed (not x-nullable)")],
        ],
        [
            "a computeType with no subtype",
            (p) => (p.properties.computeType = "Aml"),
            [problem("properties.computeType", '"Aml" names no subtype of Compute')],
        ],
        [
            "an empty computeName",
            (p) => (p.computeName = ""),
            [problem("computeName", 'expected a non-empty string, got ""')],
        ],
        [
            "no workspaceName",
            (p) => delete p.workspaceName,
            [problem("workspaceName", "expected a non-empty string, got nothing")],
        ],
        [
            "identity ids as a map",
            (p) => (p.identity.userAssignedIdentities = { [IDENTITY_ID]: {} }),
            [problem("identity.userAssignedIdentities", "expected an array of identity ids, got an object")],
        ],
        [
            "an identity id that is not a string",
            (p) => p.identity.userAssignedIdentities.push(5),
            [problem("identity.userAssignedIdentities[1]", "expected string, got 5")],
        ],
        ["a bad identity type", (p) => (p.identity.type = 1), [problem("identity.type", "expected string, got 1")]],
    ];
    for (const [what, change, expected] of rejected) {
        it(`rejects ${what}`, () => assert.deepEqual(problemsAfter(change), expected));
    }

    it("collects every problem, not the first", () => {
        const problems = problemsAfter((p) => {
            p.location = 1;
            p.properties.provisioningState = "Succeeded";
            p.properties.properties.vmPriority = null;
            delete p.properties.properties.scaleSettings.maxNodeCount;
        }, []);
        assert.deepEqual(problems, [
            // In the payload's order: provisioningState comes after properties.properties, where it was added.
            problem("location", "expected string, got 1"),
            problem("properties.properties.vmPriority", "null is not allowed (not x-nullable)"),
            problem("properties.properties.scaleSettings.maxNodeCount", "required property is missing"),
            problem(PASSWORD_PATH, "is x-ms-secret but not marked secret"),
            problem("properties.provisioningState", "is read-only and must not be sent"),
        ]);
    });

    describe("enums with x-ms-enum.modelAsString", () => {
        it("accepts any string by default, as Azure does", () => {
            assert.deepEqual(
                problemsAfter((p) => (p.properties.properties.vmPriority = "Sometimes")),
                [],
            );
        });
        it("rejects values outside the enum with strictEnums", () => {
            const payload = validCluster();
            payload.properties.properties.vmPriority = "Sometimes";
            assert.deepEqual(checkComputePayload(payload, [PASSWORD_PATH], { strictEnums: true }), [
                problem("properties.properties.vmPriority", '"Sometimes" is not one of "Dedicated", "LowPriority"'),
            ]);
        });
    });

    describe("secrets", () => {
        it("rejects an x-ms-secret leaf that is not secret", () => {
            assert.deepEqual(
                problemsAfter(() => {}, []),
                [problem(PASSWORD_PATH, "is x-ms-secret but not marked secret")],
            );
        });
        it("accepts a secret leaf under a secret object", () => {
            assert.deepEqual(
                problemsAfter(() => {}, ["properties.properties.userAccountCredentials"]),
                [],
            );
        });
        it("never shows a secret value in a message", () => {
            assert.deepEqual(
                problemsAfter((p) => (p.properties.properties.userAccountCredentials.adminUserPassword = 12345)),
                [problem(PASSWORD_PATH, "expected string, got a number (secret, not shown)")],
            );
        });
        it("requires an unknown value at a secret leaf to be secret", () => {
            assert.deepEqual(
                problemsAfter((p) => (p.properties.properties.userAccountCredentials.adminUserPassword = UNKNOWN), []),
                [problem(PASSWORD_PATH, "is x-ms-secret but not marked secret")],
            );
        });
        it("lists the x-ms-secret leaves a payload holds", () => {
            const vm = body("vm", {
                computeType: "VirtualMachine",
                resourceId: "/subscriptions/x/vm",
                properties: {
                    address: "10.0.0.4",
                    sshPort: 22,
                    administratorAccount: { username: "azureuser", password: "p", privateKeyData: "k" },
                },
            });
            const account = "properties.properties.administratorAccount";
            assert.deepEqual(secretPathsIn(vm), [`${account}.password`, `${account}.privateKeyData`]);
            assert.deepEqual(checkComputePayload(vm, [`${account}.password`]), [
                problem(`${account}.privateKeyData`, "is x-ms-secret but not marked secret"),
            ]);
            assert.deepEqual(checkComputePayload(vm, [account]), []);
        });
    });

    describe("the other Compute subtypes", () => {
        it("checks an AKS body against AKSSchemaProperties (minimum, pattern, nullable)", () => {
            const aks = body("aks", {
                computeType: "AKS",
                properties: {
                    agentCount: -1,
                    clusterFqdn: null,
                    aksNetworkingConfiguration: { serviceCidr: "10.0.0.0/33", dnsServiceIP: "10.0.0.10" },
                    sslConfiguration: { status: "Enabled", cert: "c", key: "k", cname: "ml.contoso.com" },
                },
            });
            const ssl = "properties.properties.sslConfiguration";
            assert.deepEqual(checkComputePayload(aks, [`${ssl}.cert`]), [
                problem("properties.properties.agentCount", "-1 is below the minimum 0"),
                problem(
                    "properties.properties.aksNetworkingConfiguration.serviceCidr",
                    '"10.0.0.0/33" does not match ^([0-9]{1,3}\\.){3}[0-9]{1,3}(\\/([0-9]|[1-2][0-9]|3[0-2]))?$',
                ),
                problem(`${ssl}.key`, "is x-ms-secret but not marked secret"),
            ]);
        });
        it("checks a Kubernetes body against KubernetesProperties, not AmlComputeProperties", () => {
            const k8s = body("k8s", {
                computeType: "Kubernetes",
                properties: { namespace: "ml", vmSize: "Standard_D4s_v3" },
            });
            assert.deepEqual(checkComputePayload(k8s, []), [
                problem("properties.properties.vmSize", "is not a property of KubernetesProperties"),
            ]);
        });
        it("allows extra properties where the definition has additionalProperties (CustomService)", () => {
            const ci = body("ci", {
                computeType: "ComputeInstance",
                properties: {
                    vmSize: "Standard_DS3_v2",
                    customServices: [
                        { name: "rstudio", somethingNew: true, endpoints: [{ name: "web", target: "80" }] },
                    ],
                },
            });
            assert.deepEqual(checkComputePayload(ci, []), [
                problem("properties.properties.customServices[0].endpoints[0].target", 'expected integer, got "80"'),
            ]);
        });
    });

    describe("unknown values", () => {
        const accepted: [string, (p: Record<string, any>) => void][] = [
            ["a location", (p) => (p.location = UNKNOWN)],
            ["an integer", (p) => (p.properties.properties.scaleSettings.maxNodeCount = UNKNOWN)],
            ["a closed enum", (p) => (p.sku = { name: "Basic", tier: UNKNOWN })],
            ["a path parameter", (p) => (p.workspaceName = UNKNOWN)],
            ["an identity id", (p) => (p.identity.userAssignedIdentities = [UNKNOWN])],
            ["the identity ids", (p) => (p.identity.userAssignedIdentities = UNKNOWN)],
            ["a whole object", (p) => (p.properties.properties.subnet = UNKNOWN)],
            ["the computeType", (p) => (p.properties.computeType = UNKNOWN)],
        ];
        for (const [what, change] of accepted) {
            it(`accepts ${what} not known yet`, () => assert.deepEqual(problemsAfter(change), []));
        }
    });

    describe("assertValidComputePayload", () => {
        it("passes a valid payload", () => {
            assertValidComputePayload(validCluster(), [PASSWORD_PATH]);
        });
        it("throws an AssertionError listing every problem", () => {
            const payload = validCluster();
            payload.properties.provisioningState = "Succeeded";
            assert.throws(
                () => assertValidComputePayload(payload, []),
                (e: unknown) => {
                    assert.ok(e instanceof AssertionError);
                    assert.equal(
                        e.message,
                        "the Compute payload does not match the REST definitions:\n" +
                            `  ${PASSWORD_PATH}: is x-ms-secret but not marked secret\n` +
                            "  properties.provisioningState: is read-only and must not be sent",
                    );
                    return true;
                },
            );
        });
    });
});
