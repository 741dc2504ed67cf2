/** The plugin's entry point: serves the four components to Pulumi programs in any language. */
import { main } from "@pulumi/pulumi/provider";
import { AzureMlComputeProvider } from "./provider";

void main(new AzureMlComputeProvider(), process.argv.slice(2));
