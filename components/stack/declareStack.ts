/**
 * Public API (`declareStack`, exported from the package): the stack program. A project's whole program can be
 * `export const computes = declareStack();`, as this repository's own `index.ts` is.
 */
import * as pulumi from "@pulumi/pulumi";
import { constructChecked } from "../core/pulumi/component";
import { readCheckedEntries, StackComputeOutputs } from "./readConfig";

/**
 * Declares every compute in the current stack's config and returns their outputs by config key and name
 * (`{ computeClusters: { "gpu-train": { computeId, computeName, provisioningState } } }`). Every entry is checked
 * before any is declared, and one error names every problem; each component takes its entry's check as it is.
 */
export function declareStack(
    opts?: pulumi.ComponentResourceOptions,
): Record<string, Record<string, StackComputeOutputs>> {
    const entries = readCheckedEntries(pulumi.runtime.allConfig(), `Stack ${JSON.stringify(pulumi.getStack())} config`);
    const outputs: Record<string, Record<string, StackComputeOutputs>> = {};
    for (const entry of entries) {
        const component = constructChecked(entry.args, entry.check, () =>
            entry.kind.construct(entry.name, entry.args, opts),
        );
        (outputs[entry.kind.key] ??= {})[entry.name] = {
            computeId: component.computeId,
            computeName: component.computeName,
            provisioningState: component.provisioningState,
        };
    }
    return outputs;
}
