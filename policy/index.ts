/**
 * The azureml-compute guardrails policy pack: `pulumi preview --policy-pack policy` (see the README).
 */
import { PolicyPack } from "@pulumi/policy";
import { POLICIES } from "./policies";

new PolicyPack("azureml-compute-guardrails", { policies: [...POLICIES] });
