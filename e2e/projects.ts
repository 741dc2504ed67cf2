/** The projects the scenarios run, as copied from this checkout, and what exists in Azure before each. */
import * as path from "node:path";
import { ROOT } from "./support/cli";
import { SimStack, SUBSCRIPTION, workspaceId } from "./support/simStack";

/** The repository's own program and its dev stack, as a user's program would import the package. */
export function devStack(name = "dev"): SimStack {
    const stack = new SimStack(name, {
        from: ROOT,
        files: ["Pulumi.yaml", "Pulumi.dev.yaml", "index.ts"],
        replace: [['"./components"', '"azureml-compute"']],
    });
    stack.existingWorkspace("rg-ml-dev", "mlw-dev");
    return stack;
}

/** examples/quickstart: compute in an existing workspace, network, AKS cluster and Databricks workspace. */
export function quickstart(): SimStack {
    const stack = new SimStack("quickstart", {
        from: path.join(ROOT, "examples/quickstart"),
        files: ["Pulumi.yaml", "Pulumi.dev.yaml", "package.json", "index.ts"],
        // The committed token is a stand-in ciphertext; the scenario sets a real secret with `pulumi config set --secret`.
        replace: [[/\n\s+quickstart-example:databricksToken:\n\s+secure: \S+/, ""]],
    });
    stack.existingWorkspace("rg-ml-dev", "mlw-dev");
    stack.azure.seed(`/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-net-dev`, { location: "westeurope" });
    stack.azure.seed(
        `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-net-dev/providers/Microsoft.Network/virtualNetworks/vnet-ml-dev`,
        {
            location: "westeurope",
            properties: { addressSpace: { addressPrefixes: ["10.20.0.0/16"] } },
        },
    );
    // The compute the example looks up by name.
    stack.azure.seed(workspaceId("rg-ml-dev", "mlw-dev", "legacy-cpu"), {
        location: "westeurope",
        properties: {
            computeType: "AmlCompute",
            properties: { vmSize: "Standard_D2s_v3", scaleSettings: { maxNodeCount: 2, minNodeCount: 0 } },
        },
    });
    return stack;
}

/** examples/full-workspace: the program creates the group, the workspace and its dependencies itself. */
export function fullWorkspace(): SimStack {
    return new SimStack("full-workspace", {
        from: path.join(ROOT, "examples/full-workspace"),
        files: ["Pulumi.yaml", "Pulumi.dev.yaml", "package.json", "index.ts"],
    });
}

/** The Databricks token the quickstart scenario sets as a secret: it must never appear in plain text. */
export const DATABRICKS_TOKEN = "dapi-e2e-0123456789abcdef-secret";
