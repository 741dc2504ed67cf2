import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import {
    ComputeValidationError,
    INFERENCE_CLUSTER_FIELDS,
    INFERENCE_CLUSTER_IMMUTABLE,
    InferenceCluster,
    InferenceClusterArgs,
    LEGACY_AKS_NOTICE,
} from "../components";
import { pathsOf, replacesAt } from "../components/core/pulumi/fieldMap";
import { deploymentErrors, settle, unknownOutput, valueOf, warningsDuring } from "./support/monitor";
import { at, declarer, describeInBothModes, validationErrorOf } from "./support/components";
import { SUBNET_ID, SUBSCRIPTION, WORKSPACE } from "./support/fixtures";

const COMPUTE = "azure-native:machinelearningservices:Compute";
const AKS_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-prod`;
const ARC_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-arc/providers/Microsoft.Kubernetes/connectedClusters/arc-onprem`;
const VM_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1`;
const CERT = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49\n-----END PRIVATE KEY-----\n";
const NETWORK = {
    subnetId: SUBNET_ID,
    serviceCidr: "10.0.0.0/16",
    dnsServiceIp: "10.0.0.10",
    dockerBridgeCidr: "172.17.0.1/16",
};
const NEW_AKS: InferenceClusterArgs = { workspace: WORKSPACE };
const KUBERNETES: InferenceClusterArgs = { workspace: WORKSPACE, computeType: "Kubernetes", clusterResourceId: AKS_ID };

const declare = declarer(InferenceCluster, "aks-prod");
const errorOf = validationErrorOf(InferenceCluster, "aks-prod");

describeInBothModes("InferenceCluster", (t) => {
    describe("registrations", () => {
        it("creates a new AKS cluster with the v1 SDK's defaults", async () => {
            await declare(NEW_AKS);
            assert.deepEqual(t.monitor.only(COMPUTE).inputs, {
                workspaceName: "mlw-dev",
                resourceGroupName: "rg-ml",
                computeName: "aks-prod",
                properties: {
                    computeType: "AKS",
                    properties: {
                        agentVmSize: "Standard_D3_v2",
                        agentCount: 3,
                        clusterPurpose: "FastProd",
                        loadBalancerType: "PublicIp",
                        sslConfiguration: { status: "Disabled" },
                    },
                },
            });
        });

        it("maps a production cluster in a virtual network with a Microsoft certificate", async () => {
            await declare({
                ...NEW_AKS,
                vmSize: "Standard_D4s_v3",
                nodeCount: 4,
                location: "westeurope",
                network: NETWORK,
                ssl: { leafDomainLabel: "contoso-ml", overwriteExistingDomain: true },
                description: "scoring",
                tags: { env: "prod" },
            });
            assert.deepEqual(at(t.monitor.only(COMPUTE).inputs, "properties"), {
                computeType: "AKS",
                computeLocation: "westeurope",
                description: "scoring",
                properties: {
                    agentVmSize: "Standard_D4s_v3",
                    agentCount: 4,
                    clusterPurpose: "FastProd",
                    aksNetworkingConfiguration: {
                        subnetId: SUBNET_ID,
                        serviceCidr: "10.0.0.0/16",
                        dnsServiceIP: "10.0.0.10",
                        dockerBridgeCidr: "172.17.0.1/16",
                    },
                    loadBalancerType: "PublicIp",
                    sslConfiguration: { status: "Auto", leafDomainLabel: "contoso-ml", overwriteExistingDomain: true },
                },
            });
        });

        it("keeps your own certificate and key secret on their leaves", async () => {
            await declare({
                ...NEW_AKS,
                ssl: { cert: CERT, key: KEY, cname: "ml.contoso.com" },
                loadBalancer: { type: "InternalLoadBalancer", subnet: "scoring" },
            });
            const child = t.monitor.only(COMPUTE);
            assert.deepEqual([...child.secretPaths].sort(), [
                "properties.properties.sslConfiguration.cert",
                "properties.properties.sslConfiguration.key",
            ]);
            assert.deepEqual(at(child.inputs, "properties.properties.sslConfiguration"), {
                status: "Enabled",
                cert: CERT,
                key: KEY,
                cname: "ml.contoso.com",
            });
            assert.equal(at(child.inputs, "properties.properties.loadBalancerType"), "InternalLoadBalancer");
            assert.equal(at(child.inputs, "properties.properties.loadBalancerSubnet"), "scoring");
            assert.ok(
                !JSON.stringify(t.monitor.only("azureml-compute:index:InferenceCluster").raw).includes("PRIVATE KEY"),
            );
        });

        it("attaches an existing AKS cluster without new-cluster settings", async () => {
            await declare({ ...NEW_AKS, clusterResourceId: AKS_ID, clusterPurpose: "DevTest" });
            assert.deepEqual(at(t.monitor.only(COMPUTE).inputs, "properties"), {
                computeType: "AKS",
                resourceId: AKS_ID,
                properties: {
                    clusterPurpose: "DevTest",
                    loadBalancerType: "PublicIp",
                    sslConfiguration: { status: "Disabled" },
                },
            });
        });

        it("maps Kubernetes compute on an Arc cluster with instance types", async () => {
            const instanceTypes = {
                small: {
                    nodeSelector: { pool: "cpu" },
                    resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "1", memory: "2Gi" } },
                },
            };
            await declare({
                ...KUBERNETES,
                clusterResourceId: ARC_ID,
                namespace: "azureml",
                instanceTypes,
                defaultInstanceType: "small",
                identity: { type: "SystemAssigned" },
            });
            const inputs = t.monitor.only(COMPUTE).inputs;
            assert.deepEqual(at(inputs, "properties"), {
                computeType: "Kubernetes",
                resourceId: ARC_ID,
                properties: { namespace: "azureml", instanceTypes, defaultInstanceType: "small" },
            });
            assert.deepEqual(at(inputs, "identity"), { type: "SystemAssigned" });
        });

        it("defaults the Kubernetes namespace to default", async () => {
            await declare(KUBERNETES);
            assert.equal(at(t.monitor.only(COMPUTE).inputs, "properties.properties.namespace"), "default");
        });

        it("gives the child its replacement options", async () => {
            await declare(NEW_AKS);
            assert.deepEqual(t.monitor.only(COMPUTE).replaceOnChanges, [...INFERENCE_CLUSTER_IMMUTABLE]);
            assert.equal(t.monitor.only(COMPUTE).deleteBeforeReplace, true);
        });

        it("reports the scoring FQDN: your certificate's CNAME", async () => {
            const cluster = await declare({ ...NEW_AKS, ssl: { cert: CERT, key: KEY, cname: "ml.contoso.com" } });
            assert.equal(await valueOf(cluster.scoringFqdn), "ml.contoso.com");
        });
    });

    describe("the legacy AKS notice", () => {
        it("is logged once per deployment, not per cluster, and never for Kubernetes compute", async () => {
            const warnings = await warningsDuring(async () => {
                await declare(KUBERNETES, "k8s-one");
                await declare(NEW_AKS, "aks-one");
                await declare({ ...NEW_AKS, clusterPurpose: "DevTest", nodeCount: 1 }, "aks-two");
            });
            assert.deepEqual(warnings, [LEGACY_AKS_NOTICE]);
        });
    });

    describe("immutable fields", () => {
        it("updates node count, SSL, load balancer, identity, description and tags in place; everything else replaces", () => {
            const inPlace = Object.entries(INFERENCE_CLUSTER_FIELDS)
                .filter(([, f]) => !f.replaces && pathsOf(f).length > 0)
                .map(([n]) => n)
                .sort();
            assert.deepEqual(inPlace, ["description", "identity", "loadBalancer", "nodeCount", "ssl", "tags"]);
        });
        const changes: [string, boolean][] = [
            ["properties.properties.agentCount", false],
            ["properties.properties.sslConfiguration.leafDomainLabel", false],
            ["properties.properties.loadBalancerSubnet", false],
            ["properties.properties.agentVmSize", true],
            ["properties.properties.aksNetworkingConfiguration.serviceCidr", true],
            ["properties.properties.instanceTypes.small.resources", true],
            ["properties.properties.namespace", true],
            ["properties.resourceId", true],
            ["properties.computeType", true],
            ["properties.computeLocation", true],
        ];
        for (const [path, replaces] of changes) {
            it(`a change at ${path} ${replaces ? "replaces" : "is in place"}`, () =>
                assert.equal(replacesAt(path, INFERENCE_CLUSTER_IMMUTABLE), replaces));
        }
    });

    describe("rules", () => {
        const cases: [string, Record<string, unknown>, string[]][] = [
            [
                "12 vCPUs at the boundary minus one node's worth",
                { vmSize: "Standard_D4s_v3", nodeCount: 2 },
                [
                    "nodeCount: a production cluster needs at least 3 nodes; got 2",
                    "nodeCount: 2 nodes x 4 vCPUs (Standard_D4s_v3) = 8 < 12 for a production cluster",
                ],
            ],
            [
                "3 nodes of 2 vCPUs",
                { vmSize: "Standard_DS2_v2", nodeCount: 3 },
                ["nodeCount: 3 nodes x 2 vCPUs (Standard_DS2_v2) = 6 < 12 for a production cluster"],
            ],
            [
                "11 vCPUs in all",
                { vmSize: "Standard_Foo_v9", vcpusPerNode: 1, nodeCount: 11 },
                ["nodeCount: 11 nodes x 1 vCPU (Standard_Foo_v9) = 11 < 12 for a production cluster"],
            ],
            [
                "an unknown size without vcpusPerNode",
                { vmSize: "Standard_Foo_v9" },
                [
                    "vcpusPerNode: is required: the library does not know how many vCPUs Standard_Foo_v9 has, and a production cluster needs 12 in all",
                ],
            ],
            [
                "a vcpusPerNode that contradicts the catalog",
                { vmSize: "Standard_D4s_v3", vcpusPerNode: 8 },
                [
                    "vcpusPerNode: is 8, but Standard_D4s_v3 has 4 vCPUs; leave vcpusPerNode out for a size the library knows",
                ],
            ],
            [
                "a dev-test cluster without nodes",
                { clusterPurpose: "DevTest", nodeCount: 0 },
                ["nodeCount: a dev-test cluster needs at least 1 node; got 0"],
            ],
            [
                "Kubernetes without a cluster",
                { computeType: "Kubernetes" },
                [
                    'clusterResourceId: is required for computeType "Kubernetes": the id of an AKS or Arc-enabled cluster with the Azure ML extension',
                ],
            ],
            [
                "an Arc cluster for AKS compute",
                { clusterResourceId: ARC_ID },
                [
                    `clusterResourceId: is a Microsoft.Kubernetes/connectedClusters id; computeType "AKS" attaches AKS clusters only (Microsoft.ContainerService/managedClusters); use computeType "Kubernetes" for an Arc cluster`,
                ],
            ],
            [
                "a VM id as the cluster",
                { clusterResourceId: VM_ID },
                [
                    `clusterResourceId: "${VM_ID.slice(0, 60)}…" is a Microsoft.Compute/virtualMachines id; expected a Kubernetes cluster (Microsoft.ContainerService/managedClusters or Microsoft.Kubernetes/connectedClusters), e.g. /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`,
                ],
            ],
            [
                "new-cluster settings on an attached cluster",
                { clusterResourceId: AKS_ID, vmSize: "Standard_D4s_v3", nodeCount: 3 },
                [
                    "vmSize: applies only when creating a new AKS cluster; an attached cluster (clusterResourceId) keeps its own",
                    "nodeCount: applies only when creating a new AKS cluster; an attached cluster (clusterResourceId) keeps its own",
                ],
            ],
            [
                "AKS settings on Kubernetes compute",
                { computeType: "Kubernetes", clusterResourceId: AKS_ID, ssl: { leafDomainLabel: "x" } },
                ['ssl: applies to computeType "AKS" only; this cluster is "Kubernetes"'],
            ],
            [
                "Kubernetes settings on AKS compute",
                { namespace: "azureml" },
                ['namespace: applies to computeType "Kubernetes" only; this cluster is "AKS"'],
            ],
            [
                "a network without its DNS IP",
                { network: { ...NETWORK, dnsServiceIp: undefined } },
                ["network.dnsServiceIp: is required"],
            ],
            [
                "a DNS IP outside the service range",
                { network: { ...NETWORK, dnsServiceIp: "10.1.0.10" } },
                [
                    "network.dnsServiceIp: 10.1.0.10 is outside serviceCidr 10.0.0.0/16; pick an address inside it, e.g. 10.0.0.10",
                ],
            ],
            [
                "the DNS IP on the first address",
                { network: { ...NETWORK, dnsServiceIp: "10.0.0.1" } },
                [
                    "network.dnsServiceIp: 10.0.0.1 is the first address of serviceCidr 10.0.0.0/16, which AKS keeps for itself; use another, e.g. 10.0.0.10",
                ],
            ],
            [
                "a Docker bridge overlapping the service range",
                { network: { ...NETWORK, dockerBridgeCidr: "10.0.0.1/24" } },
                [
                    'network.dockerBridgeCidr: 10.0.0.1/24 overlaps serviceCidr 10.0.0.0/16; the Docker bridge needs a range of its own, e.g. "172.17.0.1/16"',
                ],
            ],
            [
                "a malformed service CIDR",
                { network: { ...NETWORK, serviceCidr: "10.0.0.0/40" } },
                ['network.serviceCidr: "10.0.0.0/40" is not an IPv4 CIDR range such as "10.0.0.0/16"'],
            ],
            [
                "a service CIDR with host bits",
                { network: { ...NETWORK, serviceCidr: "10.0.5.0/16" } },
                [
                    'network.serviceCidr: "10.0.5.0/16" has host bits set: the range it names starts at 10.0.0.0; write "10.0.0.0/16"',
                ],
            ],
            [
                "both SSL forms",
                { ssl: { leafDomainLabel: "contoso", cert: CERT, key: KEY, cname: "ml.contoso.com" } },
                [
                    "ssl: takes either a Microsoft certificate (leafDomainLabel) or your own (cert, key, cname), not both",
                ],
            ],
            [
                "a certificate without its key",
                { ssl: { cert: CERT, cname: "ml.contoso.com" } },
                ["ssl.key: is required with your own certificate (cert, key and cname together)"],
            ],
            [
                "a Microsoft certificate behind an internal load balancer",
                { ssl: { leafDomainLabel: "contoso" }, loadBalancer: { type: "InternalLoadBalancer" } },
                [
                    "ssl.leafDomainLabel: needs a public endpoint: a Microsoft certificate can't be used with an internal load balancer; bring your own certificate",
                ],
            ],
            [
                "a key that is not PEM",
                { ssl: { cert: CERT, key: "not a key", cname: "ml.contoso.com" } },
                ['ssl.key: is not a PEM private key: expected text with a "-----BEGIN PRIVATE KEY-----" line'],
            ],
            [
                "a load balancer subnet on a public IP",
                { loadBalancer: { type: "PublicIp", subnet: "scoring" } },
                ['loadBalancer.subnet: applies to an "InternalLoadBalancer" only'],
            ],
            [
                "a bad namespace",
                { ...KUBERNETES, namespace: "Azure_ML" },
                [
                    'namespace: must be a Kubernetes namespace: lower-case letters, digits and "-", at most 63, not starting or ending with "-"',
                ],
            ],
            [
                "a bad quantity",
                { ...KUBERNETES, instanceTypes: { small: { resources: { limits: { cpu: "one" } } } } },
                ['instanceTypes.small.resources.limits.cpu: must be a Kubernetes quantity such as "500m", "2", "4Gi"'],
            ],
            [
                "a default instance type that is not listed",
                { ...KUBERNETES, instanceTypes: { small: {} }, defaultInstanceType: "large" },
                ['defaultInstanceType: "large" is not one of instanceTypes (small)'],
            ],
            [
                "a 17-character name",
                { computeName: "a".repeat(17) },
                [`computeName: "${"a".repeat(17)}" is 17 characters long; compute names must be 3 to 16 characters`],
            ],
        ];
        for (const [title, patch, lines] of cases) {
            it(`rejects ${title}`, async () => {
                const error = errorOf({ ...NEW_AKS, ...patch });
                assert.deepEqual(
                    error.issues.map((i) => `${i.path}: ${i.message}`),
                    lines,
                );
                await settle();
                assert.equal(t.monitor.registrations.length, 0);
            });
        }

        it("passes exactly 12 vCPUs: 3 nodes of 4", async () => {
            await declare({ ...NEW_AKS, vmSize: "Standard_D4s_v3", nodeCount: 3 });
            assert.equal(at(t.monitor.only(COMPUTE).inputs, "properties.properties.agentCount"), 3);
        });

        it("passes 12 nodes of an unknown size with vcpusPerNode 1", async () => {
            await declare({ ...NEW_AKS, vmSize: "Standard_Foo_v9", vcpusPerNode: 1, nodeCount: 12 });
            assert.equal(at(t.monitor.only(COMPUTE).inputs, "properties.properties.agentVmSize"), "Standard_Foo_v9");
        });

        it("refuses an Output computeType", () => {
            const error = errorOf({ ...KUBERNETES, computeType: pulumi.output("Kubernetes") });
            assert.equal(
                error.message,
                'InferenceCluster "aks-prod" has 1 invalid input:\n  - computeType: must be a plain value, not an Output or a Promise: the component\'s shape depends on it',
            );
        });

        it("never echoes a certificate key", () => {
            const error = errorOf({
                ...NEW_AKS,
                ssl: { cert: CERT, key: "secret-key-material", cname: "ml.contoso.com" },
            });
            assert.ok(!error.message.includes("secret-key-material"));
        });
    });

    describe("Output and unknown inputs", () => {
        it("checks the production rule when an Output node count resolves", async () => {
            const errors = await deploymentErrors(() => {
                new InferenceCluster("aks-prod", {
                    ...NEW_AKS,
                    vmSize: "Standard_D4s_v3",
                    nodeCount: pulumi.output(2),
                });
            });
            assert.deepEqual(
                errors.map((e) => e.message),
                [
                    'InferenceCluster "aks-prod" has 2 invalid inputs:\n  - nodeCount: a production cluster needs at least 3 nodes; got 2\n  - nodeCount: 2 nodes x 4 vCPUs (Standard_D4s_v3) = 8 < 12 for a production cluster',
                ],
            );
            assert.ok(ComputeValidationError.isInstance(errors[0]));
            assert.deepEqual(t.monitor.ofType(COMPUTE), []);
        });

        it("accepts an unknown cluster id", async () => {
            new InferenceCluster("k8s", { ...KUBERNETES, clusterResourceId: unknownOutput<string>() });
            await new Promise((r) => setTimeout(r, 50));
            await settle();
            assert.deepEqual(t.monitor.only(COMPUTE).unknownPaths, ["properties.resourceId"]);
        });
    });
});

describe("InferenceCluster types", () => {
    it("refuses another compute type's fields, and Kubernetes without a cluster, at compile time", () => {
        const kubernetes: InferenceClusterArgs = {
            workspace: WORKSPACE,
            computeType: "Kubernetes",
            clusterResourceId: AKS_ID,
            // @ts-expect-error ssl is AKS only: this line must not type-check.
            ssl: { leafDomainLabel: "contoso-ml" },
        };
        // @ts-expect-error Kubernetes compute needs clusterResourceId: this line must not type-check.
        const unattached: InferenceClusterArgs = { workspace: WORKSPACE, computeType: "Kubernetes" };
        // With computeType left out TypeScript can't tell the two apart, so the run-time rule is what refuses it.
        const aks: InferenceClusterArgs = {
            workspace: WORKSPACE,
            computeType: "AKS",
            // @ts-expect-error namespace is Kubernetes only: this line must not type-check.
            namespace: "scoring",
        };
        assert.equal(kubernetes.computeType, "Kubernetes");
        assert.equal(unattached.computeType, "Kubernetes");
        assert.equal(aks.computeType, "AKS");
    });
});
