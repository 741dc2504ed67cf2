/**
 * The component provider: Pulumi's own schema inference and construct path, plus what it can't infer:
 * which inputs are secrets (from the components' field maps), and validation errors as property errors
 * the engine prints per field for YAML, Python, Go and .NET users.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import type { ConstructResult } from "@pulumi/pulumi/provider";
import { ComputeValidationError } from "../components/core/validation/errors";
import { AnyFieldMap, secretArgPaths } from "../components/core/pulumi/fieldMap";
import { COMPONENT_REGISTRY } from "../components/registry";
import { PROVIDER_CLASSES } from "./components";

/** The provider's name: the first part of every token (`azureml-compute:index:ComputeCluster`). */
export const PROVIDER_NAME = "azureml-compute";

/** A component class, whatever its args: the provider hands each the inputs the engine sent, unchecked. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the constructor type of classes with different args
type ComponentClass = new (...args: any[]) => pulumi.ComponentResource;

/** The provider's class of each registered component (generated into provider/components.ts), by its name. */
const CLASSES: Readonly<Record<string, ComponentClass>> = Object.fromEntries(PROVIDER_CLASSES.map((c) => [c.name, c]));

/** Each served component with the field map that says which of its inputs are secrets: every registered one. */
const SERVED: readonly {
    readonly component: ComponentClass;
    readonly fields: AnyFieldMap;
}[] = COMPONENT_REGISTRY.map((c) => {
    const component = CLASSES[c.kind.name];
    if (component === undefined)
        throw new Error(`provider/components.ts has no class for the registered component ${c.kind.name}`);
    return { component, fields: c.kind.fieldMap };
});

interface SchemaProperty {
    $ref?: string;
    secret?: boolean;
    [key: string]: unknown;
}
interface Schema {
    resources: Record<string, { inputProperties: Record<string, SchemaProperty> }>;
    types: Record<string, { properties?: Record<string, SchemaProperty> }>;
}

/** Marks `admin.password` secret: on the input itself, or on the property of the object type it refers to. */
function markSecret(schema: Schema, properties: Record<string, SchemaProperty>, segments: readonly string[]): void {
    const [head, ...rest] = segments;
    const property = head === undefined ? undefined : properties[head];
    if (property === undefined) throw new Error(`schema has no property ${segments.join(".")} to mark secret`);
    if (rest.length === 0) {
        property.secret = true;
        return;
    }
    const ref = property.$ref?.replace(/^#\/types\//, "");
    const type = ref === undefined ? undefined : schema.types[ref];
    if (type?.properties === undefined) throw new Error(`schema property ${head} is not an object type`);
    markSecret(schema, type.properties, rest);
}

/** The azureml-compute component provider. */
export class AzureMlComputeProvider extends ComponentProvider {
    private marked?: string;

    constructor() {
        super({ components: SERVED.map((s) => s.component), name: PROVIDER_NAME, dirname: path.resolve(__dirname) });
    }

    override async getSchema(): Promise<string> {
        if (this.marked === undefined) {
            const schema = JSON.parse(await super.getSchema()) as Schema;
            for (const { component, fields } of SERVED) {
                const resource = schema.resources[`${PROVIDER_NAME}:index:${component.name}`];
                if (resource === undefined) throw new Error(`schema has no resource for ${component.name}`);
                for (const secret of secretArgPaths(fields))
                    markSecret(schema, resource.inputProperties, secret.split("."));
            }
            this.marked = JSON.stringify(schema);
        }
        return this.marked;
    }

    override async construct(
        name: string,
        type: string,
        inputs: pulumi.Inputs,
        options: pulumi.ComponentResourceOptions,
    ): Promise<ConstructResult> {
        try {
            return await super.construct(name, type, inputs, options);
        } catch (e) {
            if (!ComputeValidationError.isInstance(e)) throw e;
            // One property error per problem: the engine prints each with its path, without a stack trace.
            throw new pulumi.InputPropertiesError({
                message: e.message,
                errors: e.issues.map((issue) => ({ propertyPath: issue.path, reason: issue.message })),
            });
        }
    }
}
