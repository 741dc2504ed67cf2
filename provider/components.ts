/**
 * The four components as the component provider serves them to Pulumi YAML, Python, Go and .NET programs.
 *
 * Same components, same registrations: each class runs the library's own validation and mapping
 * (prepareCompute / createCompute with the component's kind) under the same type token. They exist because
 * Pulumi's schema inference reads a component only when its class extends ComponentResource directly and
 * its args are one interface of schema-friendly types: a duration is a string here (ISO 8601, or whole
 * seconds as text), and AttachedCompute takes one interface for every `type`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Compute } from "@pulumi/azure-native/machinelearningservices";
import * as lib from "../components";
import { ATTACHED_COMPUTE } from "../components/attachedCompute";
import { COMPUTE_CLUSTER } from "../components/computeCluster";
import { COMPUTE_INSTANCE, instanceEndpoints } from "../components/computeInstance";
import { createCompute, prepareCompute } from "../components/core/component";
import { INFERENCE_CLUSTER, scoringFqdn } from "../components/inferenceCluster";

/** A ComputeCluster's args for other languages: the idle time is a string. */
export interface ComputeClusterArgs extends lib.ComputeClusterSettings {
    /** Idle time before a node is released: an ISO 8601 duration such as `PT5M`, or whole seconds as text (`"300"`). */
    readonly idleTimeBeforeScaleDown?: pulumi.Input<string>;
}

/** A ComputeInstance's args for other languages: the idle shutdown is a string. */
export interface ComputeInstanceArgs extends lib.ComputeInstanceSettings {
    /** Stops the instance after this much inactivity: ISO 8601 (`PT30M`) or whole seconds as text; 15 minutes to 3 days. */
    readonly idleTimeBeforeShutdown?: pulumi.Input<string>;
}

/** An InferenceCluster's args: as in TypeScript. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the schema takes the interface's own name
export interface InferenceClusterArgs extends lib.InferenceClusterArgs {}

/** An AttachedCompute's args: one interface for every `type` (the rules say which fields each type takes). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the schema takes the interface's own name
export interface AttachedComputeArgs extends lib.AttachedComputeFields {}

/** An Azure ML compute cluster (see the TypeScript `ComputeCluster`). */
export class ComputeCluster extends pulumi.ComponentResource {
    /** The azure-native Compute this component manages. */
    public readonly compute: Compute;
    /** The ARM id of the compute. */
    public readonly computeId: pulumi.Output<string>;
    /** The compute's name in the workspace. */
    public readonly computeName: pulumi.Output<string>;
    /** Azure's provisioning state. */
    public readonly provisioningState: pulumi.Output<string>;
    /** The principal id of the compute's system-assigned identity; undefined without one. */
    public readonly principalId: pulumi.Output<string | undefined>;
    /** The tenant of the compute's system-assigned identity; undefined without one. */
    public readonly tenantId: pulumi.Output<string | undefined>;
    /** The compute's user-assigned identities: resource id to its principal and client ids. */
    public readonly userAssignedIdentities: pulumi.Output<Record<string, lib.UserAssignedIdentityIds>>;

    constructor(name: string, args: ComputeClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        const prepared = prepareCompute(COMPUTE_CLUSTER, name, args as lib.ComputeClusterArgs, opts);
        super(prepared.type, name, {}, opts);
        const outputs = createCompute(this, prepared);
        ({
            compute: this.compute,
            computeId: this.computeId,
            computeName: this.computeName,
            provisioningState: this.provisioningState,
        } = outputs);
        ({
            principalId: this.principalId,
            tenantId: this.tenantId,
            userAssignedIdentities: this.userAssignedIdentities,
        } = outputs);
        this.registerOutputs({ ...outputs });
    }
}

/** An Azure ML compute instance (see the TypeScript `ComputeInstance`). */
export class ComputeInstance extends pulumi.ComponentResource {
    /** The azure-native Compute this component manages. */
    public readonly compute: Compute;
    /** The ARM id of the compute. */
    public readonly computeId: pulumi.Output<string>;
    /** The compute's name in the workspace. */
    public readonly computeName: pulumi.Output<string>;
    /** Azure's provisioning state. */
    public readonly provisioningState: pulumi.Output<string>;
    /** The principal id of the compute's system-assigned identity; undefined without one. */
    public readonly principalId: pulumi.Output<string | undefined>;
    /** The tenant of the compute's system-assigned identity; undefined without one. */
    public readonly tenantId: pulumi.Output<string | undefined>;
    /** The compute's user-assigned identities: resource id to its principal and client ids. */
    public readonly userAssignedIdentities: pulumi.Output<Record<string, lib.UserAssignedIdentityIds>>;
    /** The instance's JupyterLab and VS Code URLs, applications and SSH endpoint, as Azure reports them. */
    public readonly endpoints: pulumi.Output<lib.InstanceEndpoints>;

    constructor(name: string, args: ComputeInstanceArgs, opts?: pulumi.ComponentResourceOptions) {
        const prepared = prepareCompute(COMPUTE_INSTANCE, name, args as lib.ComputeInstanceArgs, opts);
        super(prepared.type, name, {}, opts);
        const outputs = createCompute(this, prepared);
        ({
            compute: this.compute,
            computeId: this.computeId,
            computeName: this.computeName,
            provisioningState: this.provisioningState,
        } = outputs);
        ({
            principalId: this.principalId,
            tenantId: this.tenantId,
            userAssignedIdentities: this.userAssignedIdentities,
        } = outputs);
        this.endpoints = instanceEndpoints(this.compute);
        this.registerOutputs({ ...outputs, endpoints: this.endpoints });
    }
}

/** An inference cluster: legacy AKS or Kubernetes compute (see the TypeScript `InferenceCluster`). */
export class InferenceCluster extends pulumi.ComponentResource {
    /** The azure-native Compute this component manages. */
    public readonly compute: Compute;
    /** The ARM id of the compute. */
    public readonly computeId: pulumi.Output<string>;
    /** The compute's name in the workspace. */
    public readonly computeName: pulumi.Output<string>;
    /** Azure's provisioning state. */
    public readonly provisioningState: pulumi.Output<string>;
    /** The principal id of the compute's system-assigned identity; undefined without one. */
    public readonly principalId: pulumi.Output<string | undefined>;
    /** The tenant of the compute's system-assigned identity; undefined without one. */
    public readonly tenantId: pulumi.Output<string | undefined>;
    /** The compute's user-assigned identities: resource id to its principal and client ids. */
    public readonly userAssignedIdentities: pulumi.Output<Record<string, lib.UserAssignedIdentityIds>>;
    /** The scoring endpoint's name: your certificate's CNAME, else the cluster FQDN Azure reports. */
    public readonly scoringFqdn: pulumi.Output<string | undefined>;

    constructor(name: string, args: InferenceClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        const prepared = prepareCompute(INFERENCE_CLUSTER, name, args, opts);
        super(prepared.type, name, {}, opts);
        const outputs = createCompute(this, prepared);
        ({
            compute: this.compute,
            computeId: this.computeId,
            computeName: this.computeName,
            provisioningState: this.provisioningState,
        } = outputs);
        ({
            principalId: this.principalId,
            tenantId: this.tenantId,
            userAssignedIdentities: this.userAssignedIdentities,
        } = outputs);
        this.scoringFqdn = scoringFqdn(this.compute);
        this.registerOutputs({ ...outputs, scoringFqdn: this.scoringFqdn });
    }
}

/** An existing resource attached as compute (see the TypeScript `AttachedCompute`). */
export class AttachedCompute extends pulumi.ComponentResource {
    /** The azure-native Compute this component manages. */
    public readonly compute: Compute;
    /** The ARM id of the compute. */
    public readonly computeId: pulumi.Output<string>;
    /** The compute's name in the workspace. */
    public readonly computeName: pulumi.Output<string>;
    /** Azure's provisioning state. */
    public readonly provisioningState: pulumi.Output<string>;
    /** The principal id of the compute's system-assigned identity; undefined without one. */
    public readonly principalId: pulumi.Output<string | undefined>;
    /** The tenant of the compute's system-assigned identity; undefined without one. */
    public readonly tenantId: pulumi.Output<string | undefined>;
    /** The compute's user-assigned identities: resource id to its principal and client ids. */
    public readonly userAssignedIdentities: pulumi.Output<Record<string, lib.UserAssignedIdentityIds>>;

    constructor(name: string, args: AttachedComputeArgs, opts?: pulumi.ComponentResourceOptions) {
        const prepared = prepareCompute(ATTACHED_COMPUTE, name, args, opts);
        super(prepared.type, name, {}, opts);
        const outputs = createCompute(this, prepared);
        ({
            compute: this.compute,
            computeId: this.computeId,
            computeName: this.computeName,
            provisioningState: this.provisioningState,
        } = outputs);
        ({
            principalId: this.principalId,
            tenantId: this.tenantId,
            userAssignedIdentities: this.userAssignedIdentities,
        } = outputs);
        this.registerOutputs({ ...outputs });
    }
}
