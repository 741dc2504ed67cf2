/**
 * The repository's own Pulumi program: declares the compute listed in the current stack's config
 * (`Pulumi.<stack>.yaml`, namespace `azureml-compute`; see the README's "Stack config" section).
 */
import { declareStack } from "./components";

export const computes = declareStack();
