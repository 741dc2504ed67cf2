/**
 * azureml-compute: typed Pulumi components for Azure Machine Learning compute targets.
 *
 * Loads only `@pulumi/azure-native/machinelearningservices`, never the azure-native root (which takes
 * seconds to load).
 */
// The components' exports: generated from COMPONENT_REGISTRY by `npm run docs`; do not edit.
export {
    VmPriority,
    OsType,
    RemoteLoginPortPublicAccess,
    ClusterAdmin,
    ComputeClusterSettings,
    ComputeClusterArgs,
    COMPUTE_CLUSTER_DEFAULTS,
    COMPUTE_CLUSTER_FIELDS,
    COMPUTE_CLUSTER_IMMUTABLE,
    ComputeCluster,
} from "./computeCluster";
export {
    ApplicationSharingPolicy,
    PowerAction,
    RecurrenceFrequency,
    WeekDay,
    InstanceSsh,
    AssignedUser,
    InstanceRecurrence,
    InstanceSchedule,
    SetupScript,
    SetupScripts,
    SCHEDULE_DEFAULTS,
    MAX_SCHEDULES,
    IDLE_SHUTDOWN_BOUNDS,
    ComputeInstanceSettings,
    ComputeInstanceArgs,
    COMPUTE_INSTANCE_DEFAULTS,
    COMPUTE_INSTANCE_FIELDS,
    COMPUTE_INSTANCE_IMMUTABLE,
    InstanceApplication,
    InstanceSshEndpoint,
    InstanceEndpoints,
    ComputeInstance,
} from "./computeInstance";
export {
    InferenceComputeType,
    ClusterPurpose,
    LoadBalancerType,
    AksNetwork,
    InferenceLoadBalancer,
    InferenceSsl,
    InstanceTypeResources,
    KubernetesInstanceType,
    InferenceClusterFields,
    INFERENCE_FIELDS_BY_TYPE,
    AksInferenceClusterArgs,
    KubernetesInferenceClusterArgs,
    InferenceClusterArgs,
    INFERENCE_CLUSTER_DEFAULTS,
    PRODUCTION_MINIMUM,
    LEGACY_AKS_NOTICE,
    INFERENCE_CLUSTER_FIELDS,
    INFERENCE_CLUSTER_IMMUTABLE,
    InferenceCluster,
} from "./inferenceCluster";
export {
    AttachedComputeType,
    ATTACHED_RESOURCE_TYPES,
    SshCredentials,
    DATA_LAKE_ANALYTICS_RETIRED,
    AttachedComputeFields,
    ATTACHED_COMPUTE_DEFAULTS,
    ATTACHED_COMPUTE_FIELDS,
    ATTACHED_COMPUTE_IMMUTABLE,
    ATTACHED_FIELDS_BY_TYPE,
    AttachedSshComputeArgs,
    AttachedDatabricksArgs,
    AttachedDataLakeAnalyticsArgs,
    AttachedSynapseSparkArgs,
    AttachedComputeArgs,
    AttachedCompute,
} from "./attachedCompute";
// End of the components' exports.
export { lookupCompute, ComputeLookupArgs, ExistingCompute } from "./lookup";
export { readStackConfig, CONFIG_NAMESPACE, StackEntry } from "./stack/readConfig";
export { declareStack } from "./stack/declareStack";
export { ComputeComponent, BaseComputeArgs, PACKAGE, UserAssignedIdentityIds } from "./core/pulumi/component";
export { ComputeValidationError, ValidationIssue } from "./core/validation/errors";
export { NodeSettings } from "./nodeSettings";
export { KEPT_BY_AZURE } from "./core/validation/validate";
export {
    CustomServiceImageType,
    EndpointProtocol,
    VolumeType,
    CustomServiceImage,
    CustomServiceVariable,
    CustomServiceDocker,
    CustomServiceEndpoint,
    VolumeBindOptions,
    VolumeVolumeOptions,
    VolumeTmpfsOptions,
    CustomServiceVolume,
    CustomServiceKernel,
    InstanceCustomService,
} from "./customServices";
export { FieldMap, FieldTarget } from "./core/pulumi/fieldMap";
export { IdentityType, ManagedIdentity } from "./core/azure/identity";
export { WorkspaceRef } from "./core/azure/workspace";
export { DurationInput } from "./core/azure/durations";
export {
    checkComputeName,
    checkInstanceOrClusterName,
    checkInferenceOrAttachedName,
    COMPUTE_NAME_RULES,
    INSTANCE_OR_CLUSTER_NAME,
    INFERENCE_OR_ATTACHED_NAME,
} from "./core/azure/names";
export { VmType, VmSizeFacts, checkVmSize, lookupVmSize, vcpusOf } from "./core/azure/vmSizes";
