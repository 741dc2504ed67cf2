import assert from "node:assert/strict";
import {
    AKS_CLUSTER,
    ARC_CLUSTER,
    checkResourceId,
    DATA_LAKE_ANALYTICS,
    DATABRICKS_WORKSPACE,
    ExpectedType,
    formatType,
    HDINSIGHT_CLUSTER,
    parseResourceId,
    SUBNET,
    SYNAPSE_SPARK_POOL,
    USER_ASSIGNED_IDENTITY,
    VIRTUAL_MACHINE,
} from "../../components/core/azure/resourceIds";

const SUB = "00000000-0000-0000-0000-000000000000";
const SUBNET_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default`;
const AKS_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1`;
const ARC_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/arc1`;

/** How checkResourceId echoes an id: quoted, cut after 60 characters. */
function shown(id: string): string {
    return id.length > 60 ? `"${id.slice(0, 60)}…"` : JSON.stringify(id);
}

describe("core/resourceIds", () => {
    describe("parseResourceId", () => {
        it("splits a nested id into its parts, keeping the case as given", () => {
            assert.deepEqual(parseResourceId(SUBNET_ID), {
                subscriptionId: SUB,
                resourceGroup: "rg",
                provider: "Microsoft.Network",
                types: ["virtualNetworks", "subnets"],
                names: ["vnet1", "default"],
                id: SUBNET_ID,
            });
        });

        it("matches the keywords case-insensitively", () => {
            const id = `/SUBSCRIPTIONS/${SUB}/resourcegroups/My-RG/PROVIDERS/microsoft.containerservice/MANAGEDCLUSTERS/aks`;
            assert.deepEqual(parseResourceId(id), {
                subscriptionId: SUB,
                resourceGroup: "My-RG",
                provider: "microsoft.containerservice",
                types: ["MANAGEDCLUSTERS"],
                names: ["aks"],
                id,
            });
        });

        it("parses the shape even when the subscription is not a GUID (checkResourceId reports it)", () => {
            assert.equal(
                parseResourceId(`/subscriptions/mysub/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm`)
                    ?.subscriptionId,
                "mysub",
            );
        });

        const unparseable: ReadonlyArray<[string, string]> = [
            ["empty", ""],
            ["a name, not an id", "vnet1"],
            ["trailing slash", `${SUBNET_ID}/`],
            ["missing the leading slash", SUBNET_ID.slice(1)],
            [
                "missing the last name",
                `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet1/subnets`,
            ],
            [
                "missing the only name",
                `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines`,
            ],
            ["empty name", `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines//`],
            ["double slash", `/subscriptions/${SUB}//resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm`],
            ["resource group id only", `/subscriptions/${SUB}/resourceGroups/rg`],
            ["no providers keyword", `/subscriptions/${SUB}/resourceGroups/rg/Microsoft.Compute/virtualMachines/vm/x`],
            [
                "misspelled keyword",
                `/subscription/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm`,
            ],
            ["namespace without a dot", `/subscriptions/${SUB}/resourceGroups/rg/providers/Compute/virtualMachines/vm`],
            ["surrounding whitespace", ` ${SUBNET_ID}`],
            [
                "space inside a name",
                `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/my vm`,
            ],
            [
                "extension resource",
                `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm/providers/Microsoft.Authorization/locks/l`,
            ],
        ];
        for (const [label, id] of unparseable) {
            it(`rejects: ${label}`, () => {
                assert.equal(parseResourceId(id), undefined);
            });
        }
    });

    describe("checkResourceId", () => {
        const cases: ReadonlyArray<{
            label: string;
            id: string;
            expected: ExpectedType | readonly ExpectedType[];
            what: string;
            problems: readonly string[];
        }> = [
            { label: "a subnet", id: SUBNET_ID, expected: SUBNET, what: "a subnet", problems: [] },
            {
                label: "a subnet, other case",
                id: SUBNET_ID.replace("Microsoft.Network/virtualNetworks", "microsoft.network/VirtualNetworks").replace(
                    "/subnets/",
                    "/Subnets/",
                ),
                expected: SUBNET,
                what: "a subnet",
                problems: [],
            },
            {
                label: "an upper-case GUID",
                id: `/subscriptions/ABCDEF01-2345-6789-ABCD-EF0123456789/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm`,
                expected: VIRTUAL_MACHINE,
                what: "a virtual machine",
                problems: [],
            },
            {
                label: "a resource group with every allowed character",
                id: `/subscriptions/${SUB}/resourceGroups/My_RG-(prod).1/providers/Microsoft.Compute/virtualMachines/vm`,
                expected: VIRTUAL_MACHINE,
                what: "a virtual machine",
                problems: [],
            },
            {
                label: "the virtual network instead of its subnet",
                id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet1`,
                expected: SUBNET,
                what: "a subnet",
                problems: [
                    `${shown(`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet1`)} is a Microsoft.Network/virtualNetworks id; ` +
                        `expected a subnet (Microsoft.Network/virtualNetworks/subnets), e.g. ${SUBNET.example}`,
                ],
            },
            {
                label: "an AKS cluster where an Arc cluster is expected",
                id: AKS_ID,
                expected: ARC_CLUSTER,
                what: "an Arc-enabled Kubernetes cluster",
                problems: [
                    `${shown(AKS_ID)} is a Microsoft.ContainerService/managedClusters id; expected an Arc-enabled Kubernetes cluster ` +
                        `(Microsoft.Kubernetes/connectedClusters), e.g. ${ARC_CLUSTER.example}`,
                ],
            },
            {
                label: "AKS among two kinds",
                id: AKS_ID,
                expected: [AKS_CLUSTER, ARC_CLUSTER],
                what: "a Kubernetes cluster",
                problems: [],
            },
            {
                label: "Arc among two kinds",
                id: ARC_ID,
                expected: [AKS_CLUSTER, ARC_CLUSTER],
                what: "a Kubernetes cluster",
                problems: [],
            },
            {
                label: "a VM where either Kubernetes kind is expected",
                id: VIRTUAL_MACHINE.example,
                expected: [AKS_CLUSTER, ARC_CLUSTER],
                what: "a Kubernetes cluster",
                problems: [
                    `${shown(VIRTUAL_MACHINE.example)} is a Microsoft.Compute/virtualMachines id; expected a Kubernetes cluster ` +
                        `(Microsoft.ContainerService/managedClusters or Microsoft.Kubernetes/connectedClusters), e.g. ${AKS_CLUSTER.example}`,
                ],
            },
            {
                label: "a nested type one level too deep",
                id: `${AKS_ID}/agentPools/nodepool1`,
                expected: AKS_CLUSTER,
                what: "an AKS cluster",
                problems: [
                    `${shown(`${AKS_ID}/agentPools/nodepool1`)} is a Microsoft.ContainerService/managedClusters/agentPools id; ` +
                        `expected an AKS cluster (Microsoft.ContainerService/managedClusters), e.g. ${AKS_CLUSTER.example}`,
                ],
            },
            {
                label: "trailing slash",
                id: `${SUBNET_ID}/`,
                expected: SUBNET,
                what: "a subnet",
                problems: [
                    `${shown(`${SUBNET_ID}/`)} is not an Azure resource id: expected the form ${SUBNET.example}`,
                ],
            },
            {
                label: "a bare name",
                id: "default",
                expected: SUBNET,
                what: "a subnet",
                problems: [`"default" is not an Azure resource id: expected the form ${SUBNET.example}`],
            },
            {
                label: "several kinds, unparseable: shows the first example",
                id: "aks1",
                expected: [AKS_CLUSTER, ARC_CLUSTER],
                what: "a Kubernetes cluster",
                problems: [`"aks1" is not an Azure resource id: expected the form ${AKS_CLUSTER.example}`],
            },
            {
                label: "subscription name instead of its GUID",
                id: "/subscriptions/my-sub/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm",
                expected: VIRTUAL_MACHINE,
                what: "a virtual machine",
                problems: [
                    `${shown("/subscriptions/my-sub/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm")}: the subscription "my-sub" is not a GUID`,
                ],
            },
            {
                label: "bad subscription, bad resource group and wrong type at once",
                id: "/subscriptions/0000/resourceGroups/rg./providers/Microsoft.Compute/disks/d",
                expected: VIRTUAL_MACHINE,
                what: "a virtual machine",
                problems: [
                    `${shown("/subscriptions/0000/resourceGroups/rg./providers/Microsoft.Compute/disks/d")}: the subscription "0000" is not a GUID`,
                    `${shown("/subscriptions/0000/resourceGroups/rg./providers/Microsoft.Compute/disks/d")}: the resource group "rg." is not a valid name: ` +
                        'use 1 to 90 letters, digits, "_", "-", ".", "(" or ")", not ending with "."',
                    `${shown("/subscriptions/0000/resourceGroups/rg./providers/Microsoft.Compute/disks/d")} is a Microsoft.Compute/disks id; ` +
                        `expected a virtual machine (Microsoft.Compute/virtualMachines), e.g. ${VIRTUAL_MACHINE.example}`,
                ],
            },
            {
                label: "resource group too long",
                id: `/subscriptions/${SUB}/resourceGroups/${"r".repeat(91)}/providers/Microsoft.Compute/virtualMachines/vm`,
                expected: VIRTUAL_MACHINE,
                what: "a virtual machine",
                problems: [
                    `${shown(`/subscriptions/${SUB}/resourceGroups/${"r".repeat(91)}/providers/Microsoft.Compute/virtualMachines/vm`)}: ` +
                        `the resource group "${"r".repeat(60)}…" is not a valid name: ` +
                        'use 1 to 90 letters, digits, "_", "-", ".", "(" or ")", not ending with "."',
                ],
            },
        ];
        for (const { label, id, expected, what, problems } of cases) {
            it(`${label} -> ${problems.length === 0 ? "valid" : `${problems.length} problem(s)`}`, () => {
                assert.deepEqual(checkResourceId(id, expected, what), problems);
            });
        }
    });

    describe("expected types", () => {
        const kinds: ReadonlyArray<[string, ExpectedType, string]> = [
            ["SUBNET", SUBNET, "Microsoft.Network/virtualNetworks/subnets"],
            ["AKS_CLUSTER", AKS_CLUSTER, "Microsoft.ContainerService/managedClusters"],
            ["ARC_CLUSTER", ARC_CLUSTER, "Microsoft.Kubernetes/connectedClusters"],
            ["VIRTUAL_MACHINE", VIRTUAL_MACHINE, "Microsoft.Compute/virtualMachines"],
            ["DATABRICKS_WORKSPACE", DATABRICKS_WORKSPACE, "Microsoft.Databricks/workspaces"],
            ["DATA_LAKE_ANALYTICS", DATA_LAKE_ANALYTICS, "Microsoft.DataLakeAnalytics/accounts"],
            ["HDINSIGHT_CLUSTER", HDINSIGHT_CLUSTER, "Microsoft.HDInsight/clusters"],
            ["SYNAPSE_SPARK_POOL", SYNAPSE_SPARK_POOL, "Microsoft.Synapse/workspaces/bigDataPools"],
            ["USER_ASSIGNED_IDENTITY", USER_ASSIGNED_IDENTITY, "Microsoft.ManagedIdentity/userAssignedIdentities"],
        ];
        for (const [label, kind, type] of kinds) {
            it(`${label} is ${type}, and its example is a valid id of that type`, () => {
                assert.equal(formatType(kind), type);
                assert.deepEqual(checkResourceId(kind.example, kind, label), []);
                const others = kinds.map(([, other]) => other).filter((other) => other !== kind);
                assert.equal(checkResourceId(kind.example, others, "something else").length, 1);
            });
        }

        it("the subnet example is the documented one", () => {
            assert.equal(
                SUBNET.example,
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default",
            );
        });
    });
});
