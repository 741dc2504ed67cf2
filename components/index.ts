/**
 * azureml-compute: typed Pulumi components for Azure Machine Learning compute targets.
 *
 * Loads only `@pulumi/azure-native/machinelearningservices`, never the azure-native root (which takes
 * seconds to load).
 */
export {
    ComputeCluster,
    ComputeClusterArgs,
    ComputeClusterSettings,
    ClusterAdmin,
    VmPriority,
    OsType,
    RemoteLoginPortPublicAccess,
    COMPUTE_CLUSTER_DEFAULTS,
    COMPUTE_CLUSTER_FIELDS,
    COMPUTE_CLUSTER_IMMUTABLE,
} from "./computeCluster";
export {
    ComputeInstance,
    ComputeInstanceArgs,
    ComputeInstanceSettings,
    InstanceSsh,
    AssignedUser,
    InstanceSchedule,
    InstanceRecurrence,
    SetupScript,
    SetupScripts,
    InstanceApplication,
    InstanceSshEndpoint,
    InstanceEndpoints,
    ApplicationSharingPolicy,
    PowerAction,
    RecurrenceFrequency,
    WeekDay,
    COMPUTE_INSTANCE_DEFAULTS,
    COMPUTE_INSTANCE_FIELDS,
    COMPUTE_INSTANCE_IMMUTABLE,
    SCHEDULE_DEFAULTS,
    MAX_SCHEDULES,
    IDLE_SHUTDOWN_BOUNDS,
} from "./computeInstance";
export {
    InferenceCluster,
    InferenceClusterArgs,
    InferenceClusterFields,
    AksInferenceClusterArgs,
    KubernetesInferenceClusterArgs,
    INFERENCE_FIELDS_BY_TYPE,
    AksNetwork,
    InferenceLoadBalancer,
    InferenceSsl,
    KubernetesInstanceType,
    InstanceTypeResources,
    InferenceComputeType,
    ClusterPurpose,
    LoadBalancerType,
    INFERENCE_CLUSTER_DEFAULTS,
    INFERENCE_CLUSTER_FIELDS,
    INFERENCE_CLUSTER_IMMUTABLE,
    PRODUCTION_MINIMUM,
    LEGACY_AKS_NOTICE,
} from "./inferenceCluster";
export {
    AttachedCompute,
    AttachedComputeArgs,
    AttachedComputeFields,
    AttachedSshComputeArgs,
    AttachedDatabricksArgs,
    AttachedDataLakeAnalyticsArgs,
    AttachedSynapseSparkArgs,
    SshCredentials,
    AttachedComputeType,
    ATTACHED_COMPUTE_DEFAULTS,
    ATTACHED_COMPUTE_FIELDS,
    ATTACHED_COMPUTE_IMMUTABLE,
    ATTACHED_FIELDS_BY_TYPE,
    ATTACHED_RESOURCE_TYPES,
    DATA_LAKE_ANALYTICS_RETIRED,
} from "./attachedCompute";
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
