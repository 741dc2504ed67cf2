import { strict as assert } from "node:assert";
import type { ResourceValidation, ResourceValidationArgs } from "@pulumi/policy";
import { setClock } from "../components/core/azure/clock";
import { COMPUTE_TYPE, POLICIES, stackOf } from "../policy/policies";
import { ComputeCluster } from "../components";
import { recordRegistrations } from "./support/monitor";
import { declarer } from "./support/components";
import { SUBNET_ID, WORKSPACE } from "./support/fixtures";

/** What the policy engine hands a resource validation, built by hand. */
function resource(
    props: Record<string, unknown>,
    options: { stack?: string; config?: object; type?: string } = {},
): ResourceValidationArgs {
    const stack = options.stack ?? "dev";
    return {
        type: options.type ?? COMPUTE_TYPE,
        props,
        urn: `urn:pulumi:${stack}::azureml-compute::azure-native:machinelearningservices:Compute::c`,
        name: "c",
        opts: {},
        stackTags: new Map(),
        getConfig: () => options.config ?? {},
    } as unknown as ResourceValidationArgs;
}

function violations(
    policy: string,
    props: Record<string, unknown>,
    options?: { stack?: string; config?: object; type?: string },
): string[] {
    const found = POLICIES.find((p) => p.name === policy);
    assert.ok(found, `no policy ${policy}`);
    const reported: string[] = [];
    (found.validateResource as ResourceValidation)(resource(props, options), (message) => void reported.push(message));
    return reported;
}

const compute = (computeType: string, properties: Record<string, unknown>, outer: Record<string, unknown> = {}) => ({
    computeName: "c1",
    properties: { computeType, ...outer, properties },
});

describe("policy pack", () => {
    let restore: () => void;
    beforeEach(() => (restore = setClock(() => new Date("2026-01-15T00:00:00Z"))));
    afterEach(() => restore());

    const cases: [
        string,
        string,
        Record<string, unknown>,
        string[],
        { stack?: string; config?: object; type?: string }?,
    ][] = [
        [
            "compute-cluster-min-nodes-zero",
            "passes a cluster that scales to zero",
            compute("AmlCompute", { scaleSettings: { minNodeCount: 0, maxNodeCount: 4 } }),
            [],
        ],
        [
            "compute-cluster-min-nodes-zero",
            "passes a warm cluster in prod",
            compute("AmlCompute", { scaleSettings: { minNodeCount: 2, maxNodeCount: 4 } }),
            [],
            { stack: "prod" },
        ],
        [
            "compute-cluster-min-nodes-zero",
            "flags a warm cluster in dev",
            compute("AmlCompute", { scaleSettings: { minNodeCount: 2, maxNodeCount: 4 } }),
            [
                'compute cluster "c1" keeps 2 nodes running when idle in stack "dev"; set minNodeCount to 0 outside production (prod, production)',
            ],
        ],
        [
            "compute-cluster-min-nodes-zero",
            "reads the production stacks from config",
            compute("AmlCompute", { scaleSettings: { minNodeCount: 1, maxNodeCount: 4 } }),
            [
                'compute cluster "c1" keeps 1 node running when idle in stack "prod"; set minNodeCount to 0 outside production (live)',
            ],
            { stack: "prod", config: { productionStacks: ["live"] } },
        ],
        [
            "compute-local-auth-disabled",
            "passes local auth off",
            compute("AmlCompute", {}, { disableLocalAuth: true }),
            [],
        ],
        [
            "compute-local-auth-disabled",
            "flags an instance with local auth",
            compute("ComputeInstance", {}),
            ['ComputeInstance "c1" allows local authentication; set disableLocalAuth: true'],
        ],
        [
            "compute-no-public-ssh",
            "passes a disabled port",
            compute("AmlCompute", {
                remoteLoginPortPublicAccess: "Disabled",
                userAccountCredentials: { adminUserName: "a" },
            }),
            [],
        ],
        [
            "compute-no-public-ssh",
            "flags an open cluster port",
            compute("AmlCompute", { remoteLoginPortPublicAccess: "Enabled" }),
            [
                'compute cluster "c1" opens its SSH port to the internet (remoteLoginPortPublicAccess Enabled); set it to "Disabled"',
            ],
        ],
        [
            "compute-no-public-ssh",
            "flags NotSpecified with an admin and no subnet",
            compute("AmlCompute", { userAccountCredentials: { adminUserName: "a" } }),
            [
                'compute cluster "c1" opens its SSH port to the internet (remoteLoginPortPublicAccess NotSpecified); set it to "Disabled"',
            ],
        ],
        [
            "compute-no-public-ssh",
            "flags an instance with SSH",
            compute("ComputeInstance", { sshSettings: { sshPublicAccess: "Enabled" } }),
            ['compute instance "c1" has public SSH access; leave ssh out, or put it in a subnet without a public IP'],
        ],
        [
            "compute-no-public-ssh",
            "passes an instance with SSH in a subnet without a public IP",
            compute("ComputeInstance", {
                sshSettings: { sshPublicAccess: "Enabled" },
                subnet: { id: SUBNET_ID },
                enableNodePublicIp: false,
            }),
            [],
        ],
        [
            "compute-no-public-ssh",
            "passes an open cluster port in a subnet without public IPs",
            compute("AmlCompute", {
                remoteLoginPortPublicAccess: "Enabled",
                subnet: { id: SUBNET_ID },
                enableNodePublicIp: false,
            }),
            [],
        ],
        [
            "compute-no-public-ssh",
            "reads enum values in any case",
            compute("AmlCompute", { remoteLoginPortPublicAccess: "enabled" }),
            [
                'compute cluster "c1" opens its SSH port to the internet (remoteLoginPortPublicAccess enabled); set it to "Disabled"',
            ],
        ],
        [
            "inference-production-ssl",
            "reads the status in any case",
            compute("AKS", { clusterPurpose: "FastProd", sslConfiguration: { status: "disabled" } }),
            [
                'production inference cluster "c1" serves without SSL; give it a leafDomainLabel (Microsoft certificate) or your own cert, key and cname',
            ],
        ],
        [
            "compute-no-password-auth",
            "passes a key-only admin",
            compute("AmlCompute", {
                userAccountCredentials: { adminUserName: "a", adminUserSshPublicKey: "ssh-rsa AAAA" },
            }),
            [],
        ],
        [
            "compute-no-password-auth",
            "flags a cluster admin password",
            compute("AmlCompute", { userAccountCredentials: { adminUserName: "a", adminUserPassword: "[secret]" } }),
            ['compute cluster "c1" has an admin password; use adminUserSshPublicKey instead'],
        ],
        [
            "compute-no-password-auth",
            "flags an attached VM password",
            compute("VirtualMachine", { administratorAccount: { username: "a", password: "[secret]" } }),
            ['attached VirtualMachine "c1" signs in with a password; use an SSH private key instead'],
        ],
        [
            "compute-no-retired-vm-sizes",
            "passes a current size",
            compute("AmlCompute", { vmSize: "Standard_D4s_v3" }),
            [],
        ],
        [
            "compute-no-retired-vm-sizes",
            "flags a retired size",
            compute("ComputeInstance", { vmSize: "Standard_NC6" }),
            [
                'ComputeInstance "c1": Standard_NC6 was retired on 2023-08-31; use a current size such as Standard_NC8as_T4_v3 (8 vCPUs, 1 GPU)',
            ],
        ],
        [
            "compute-no-retiring-vm-sizes",
            "passes a size with no retirement",
            compute("AKS", { agentVmSize: "Standard_D4s_v3" }),
            [],
        ],
        [
            "compute-no-retiring-vm-sizes",
            "flags a size retiring within a year",
            compute("AKS", { agentVmSize: "Standard_NV12s_v3" }),
            [
                'AKS "c1": Standard_NV12s_v3 retires on 2026-09-30; plan a move to a current size such as Standard_NC16as_T4_v3 (16 vCPUs, 1 GPU)',
            ],
        ],
        [
            "compute-no-public-ip-in-subnet",
            "passes a subnet without public IPs",
            compute("AmlCompute", { subnet: { id: SUBNET_ID }, enableNodePublicIp: false }),
            [],
        ],
        [
            "compute-no-public-ip-in-subnet",
            "flags public IPs in a subnet",
            compute("ComputeInstance", { subnet: { id: SUBNET_ID }, enableNodePublicIp: true }),
            ['ComputeInstance "c1" is in a subnet but still gets public IP addresses; set enableNodePublicIp: false'],
        ],
        [
            "inference-production-ssl",
            "passes production with SSL",
            compute("AKS", { clusterPurpose: "FastProd", sslConfiguration: { status: "Auto", leafDomainLabel: "x" } }),
            [],
        ],
        [
            "inference-production-ssl",
            "passes dev-test without SSL",
            compute("AKS", { clusterPurpose: "DevTest", sslConfiguration: { status: "Disabled" } }),
            [],
        ],
        [
            "inference-production-ssl",
            "flags production without SSL",
            compute("AKS", { clusterPurpose: "FastProd", sslConfiguration: { status: "Disabled" } }),
            [
                'production inference cluster "c1" serves without SSL; give it a leafDomainLabel (Microsoft certificate) or your own cert, key and cname',
            ],
        ],
        [
            "compute-no-password-auth",
            "ignores resources that are not Compute",
            {
                properties: {
                    computeType: "AmlCompute",
                    properties: { userAccountCredentials: { adminUserPassword: "x" } },
                },
            },
            [],
            { type: "azure-native:storage:StorageAccount" },
        ],
    ];
    for (const [policy, title, props, expected, options] of cases) {
        it(`${policy}: ${title}`, () => assert.deepEqual(violations(policy, props, options), expected));
    }

    it("names each policy once, with a level and a description", () => {
        const names = POLICIES.map((p) => p.name);
        assert.equal(new Set(names).size, names.length);
        for (const p of POLICIES)
            assert.ok(
                p.description.length > 20 && (p.enforcementLevel === "advisory" || p.enforcementLevel === "mandatory"),
                p.name,
            );
    });

    it("reads the stack from a URN", () => assert.equal(stackOf("urn:pulumi:prod::proj::a:b:C$d:e:F::n"), "prod"));

    it("applies to the Compute a component registers", async () => {
        const monitor = await recordRegistrations();
        await declarer(
            ComputeCluster,
            "cpu-train",
        )({ workspace: WORKSPACE, vmSize: "Standard_DS3_v2", maxNodes: 2, subnet: SUBNET_ID });
        const props = monitor.only(COMPUTE_TYPE).inputs;
        assert.deepEqual(violations("compute-no-public-ip-in-subnet", props), [
            'AmlCompute "cpu-train" is in a subnet but still gets public IP addresses; set enableNodePublicIp: false',
        ]);
        assert.deepEqual(violations("compute-no-public-ssh", props), []);
    });
});
