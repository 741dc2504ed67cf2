/**
 * Guardrails for Azure ML compute, as CrossGuard resource policies. They read the inputs of
 * `azure-native:machinelearningservices:Compute`, so they hold for compute declared raw with azure-native
 * and for compute declared through this library's components (whose children are such Computes).
 *
 * Pure definitions: `index.ts` puts them in a PolicyPack; tests call each `validateResource` directly.
 */
import type { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { clusterSshExposure } from "../components/core/azure/publicSsh";
import { checkVmSize } from "../components/core/azure/vmSizes";

export const COMPUTE_TYPE = "azure-native:machinelearningservices:Compute";

/** The stacks where the non-production rules do not apply, unless configured otherwise. */
export const DEFAULT_PRODUCTION_STACKS: readonly string[] = ["prod", "production"];

// The registered inputs are JSON of azure-native's shape, read leaf by leaf with checks: no type would add safety.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Props = Record<string, any>;

/** ARM takes enum values in any case: "enabled" is "Enabled". */
function same(value: unknown, expected: string): boolean {
    return typeof value === "string" && value.toLowerCase() === expected.toLowerCase();
}

function isFalse(value: unknown): boolean {
    return value === false || same(value, "false");
}

/** The stack a resource belongs to: `urn:pulumi:<stack>::<project>::<type>::<name>`. */
export function stackOf(urn: string): string {
    return urn.split("::")[0]?.split(":").pop() ?? "";
}

/** Runs `check` on Compute resources only, with the compute's type, its inner properties and its name. */
function forCompute(
    check: (
        compute: { type: string; outer: Props; inner: Props; name: string },
        args: ResourceValidationArgs,
        report: ReportViolation,
    ) => void,
) {
    return (args: ResourceValidationArgs, report: ReportViolation): void => {
        if (args.type !== COMPUTE_TYPE) return;
        const outer: Props = args.props.properties ?? {};
        const name = String(args.props.computeName ?? args.name);
        check({ type: String(outer.computeType ?? ""), outer, inner: outer.properties ?? {}, name }, args, report);
    };
}

const minNodesZero: ResourceValidationPolicy = {
    name: "compute-cluster-min-nodes-zero",
    description:
        "Compute clusters scale to zero nodes outside production stacks (the Studio's cost advice; Checkov CKV_AZURE_150).",
    enforcementLevel: "advisory",
    configSchema: { properties: { productionStacks: { type: "array", items: { type: "string" } } } },
    validateResource: forCompute(({ type, inner, name }, args, report) => {
        if (type !== "AmlCompute") return;
        const production =
            args.getConfig<{ productionStacks?: string[] }>().productionStacks ?? DEFAULT_PRODUCTION_STACKS;
        const stack = stackOf(args.urn);
        const min = inner.scaleSettings?.minNodeCount ?? 0;
        if (min > 0 && !production.includes(stack)) {
            report(
                `compute cluster "${name}" keeps ${min} node${min === 1 ? "" : "s"} running when idle in stack "${stack}"; set minNodeCount to 0 outside production (${production.join(", ")})`,
            );
        }
    }),
};

const localAuthDisabled: ResourceValidationPolicy = {
    name: "compute-local-auth-disabled",
    description:
        "Compute clusters and instances disable local authentication, leaving Microsoft Entra ID only (Checkov CKV_AZURE_142).",
    enforcementLevel: "advisory",
    validateResource: forCompute(({ type, outer, name }, _args, report) => {
        if ((type === "AmlCompute" || type === "ComputeInstance") && outer.disableLocalAuth !== true) {
            report(`${type} "${name}" allows local authentication; set disableLocalAuth: true`);
        }
    }),
};

const noPublicSsh: ResourceValidationPolicy = {
    name: "compute-no-public-ssh",
    description: "Compute clusters and instances do not open their SSH port to the internet.",
    enforcementLevel: "mandatory",
    validateResource: forCompute(({ type, inner, name }, _args, report) => {
        // Open as the subnet allows: reachable from the internet without a subnet, or with public IPs.
        const reachable = inner.subnet === undefined || !isFalse(inner.enableNodePublicIp);
        if (type === "ComputeInstance" && same(inner.sshSettings?.sshPublicAccess, "Enabled") && reachable) {
            report(
                `compute instance "${name}" has public SSH access; leave ssh out, or put it in a subnet without a public IP`,
            );
        }
        if (type === "AmlCompute") {
            const problem = clusterSshExposure({
                access: String(inner.remoteLoginPortPublicAccess ?? "NotSpecified"),
                hasAdmin: inner.userAccountCredentials !== undefined,
                inSubnet: inner.subnet !== undefined,
                publicIp: !isFalse(inner.enableNodePublicIp),
            });
            if (problem !== undefined) report(`compute cluster "${name}" ${problem}`);
        }
    }),
};

const noPasswordAuth: ResourceValidationPolicy = {
    name: "compute-no-password-auth",
    description: "Cluster admins, attached VMs and HDInsight clusters sign in with SSH keys, not passwords.",
    enforcementLevel: "mandatory",
    validateResource: forCompute(({ type, inner, name }, _args, report) => {
        if (type === "AmlCompute" && inner.userAccountCredentials?.adminUserPassword !== undefined) {
            report(`compute cluster "${name}" has an admin password; use adminUserSshPublicKey instead`);
        }
        if ((type === "VirtualMachine" || type === "HDInsight") && inner.administratorAccount?.password !== undefined) {
            report(`attached ${type} "${name}" signs in with a password; use an SSH private key instead`);
        }
    }),
};

/** The VM size of a compute, wherever its type keeps it. */
function vmSizeOf(type: string, inner: Props): string | undefined {
    const size =
        type === "AKS"
            ? inner.agentVmSize
            : type === "AmlCompute" || type === "ComputeInstance"
              ? inner.vmSize
              : undefined;
    return typeof size === "string" ? size : undefined;
}

const noRetiredSizes: ResourceValidationPolicy = {
    name: "compute-no-retired-vm-sizes",
    description: "Compute uses no VM size that has been retired.",
    enforcementLevel: "mandatory",
    validateResource: forCompute(({ type, inner, name }, _args, report) => {
        const size = vmSizeOf(type, inner);
        if (size === undefined) return;
        for (const error of checkVmSize(size, undefined).errors) report(`${type} "${name}": ${error}`);
    }),
};

const noRetiringSizes: ResourceValidationPolicy = {
    name: "compute-no-retiring-vm-sizes",
    description: "Compute uses no VM size that retires within a year.",
    enforcementLevel: "advisory",
    validateResource: forCompute(({ type, inner, name }, _args, report) => {
        const size = vmSizeOf(type, inner);
        if (size === undefined) return;
        const { retiring } = checkVmSize(size, undefined);
        if (retiring !== undefined) report(`${type} "${name}": ${retiring}`);
    }),
};

const noPublicIpInSubnet: ResourceValidationPolicy = {
    name: "compute-no-public-ip-in-subnet",
    description: "Compute placed in a subnet gets no public IP address.",
    enforcementLevel: "advisory",
    validateResource: forCompute(({ type, inner, name }, _args, report) => {
        if (
            (type === "AmlCompute" || type === "ComputeInstance") &&
            inner.subnet !== undefined &&
            !isFalse(inner.enableNodePublicIp)
        ) {
            report(
                `${type} "${name}" is in a subnet but still gets public IP addresses; set enableNodePublicIp: false`,
            );
        }
    }),
};

const productionInferenceSsl: ResourceValidationPolicy = {
    name: "inference-production-ssl",
    description: "Production AKS inference clusters serve over SSL.",
    enforcementLevel: "mandatory",
    validateResource: forCompute(({ type, inner, name }, _args, report) => {
        if (type !== "AKS") return;
        const purpose = inner.clusterPurpose ?? "FastProd";
        const ssl = inner.sslConfiguration?.status ?? "Disabled";
        if (!same(purpose, "DevTest") && same(ssl, "Disabled")) {
            report(
                `production inference cluster "${name}" serves without SSL; give it a leafDomainLabel (Microsoft certificate) or your own cert, key and cname`,
            );
        }
    }),
};

/** Every policy of the pack, in the order the README lists them. */
export const POLICIES: readonly ResourceValidationPolicy[] = [
    minNodesZero,
    localAuthDisabled,
    noPublicSsh,
    noPasswordAuth,
    noRetiredSizes,
    noRetiringSizes,
    noPublicIpInSubnet,
    productionInferenceSsl,
];
