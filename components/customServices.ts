/**
 * A compute instance's custom applications (the Studio's "Add application", REST `customServices`): containers
 * the instance runs next to JupyterLab, such as RStudio or a docker image of your own. The args mirror the REST
 * shape (CustomService, api-version 2025-12-01) so Azure's own examples read the same; what the rules add are
 * the checks Azure would otherwise make at creation: names and ports that exist once, ports in range.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { choice, count, strictObject } from "./core/validation/schema";
import { Report } from "./core/validation/validate";

/** Where a custom application's image comes from. */
export const CustomServiceImageType = {
    /** A docker image reference, e.g. `ghcr.io/azure/rocker-rstudio-ml-verse:latest`. */
    docker: "docker",
    /** An Azure ML environment (curated or custom), by name. */
    azureml: "azureml",
} as const;
export type CustomServiceImageType = (typeof CustomServiceImageType)[keyof typeof CustomServiceImageType];

export const EndpointProtocol = { tcp: "tcp", udp: "udp", http: "http" } as const;
export type EndpointProtocol = (typeof EndpointProtocol)[keyof typeof EndpointProtocol];

export const VolumeType = { bind: "bind", volume: "volume", tmpfs: "tmpfs", npipe: "npipe" } as const;
export type VolumeType = (typeof VolumeType)[keyof typeof VolumeType];

/** A custom application's image. */
export interface CustomServiceImage {
    /** `docker` (the default) or `azureml`. */
    readonly type?: pulumi.Input<CustomServiceImageType>;
    /** The image reference (docker) or the environment's name (azureml). */
    readonly reference: pulumi.Input<string>;
    /** The image version; absent: the latest. */
    readonly version?: pulumi.Input<string>;
}

/** An environment variable of the container. */
export interface CustomServiceVariable {
    /** `local`, the only kind (a string, as one value can't be a schema enum for other languages). */
    readonly type?: pulumi.Input<string>;
    readonly value: pulumi.Input<string>;
}

/** Docker settings of the container. */
export interface CustomServiceDocker {
    /** Whether the container runs privileged. */
    readonly privileged?: pulumi.Input<boolean>;
}

/** A port the application is reached on. */
export interface CustomServiceEndpoint {
    readonly name: pulumi.Input<string>;
    /** `tcp` (the default), `udp` or `http`. */
    readonly protocol?: pulumi.Input<EndpointProtocol>;
    /** The port inside the container (RStudio listens on 8787). */
    readonly target: pulumi.Input<number>;
    /** The port it is published on (in a private-link workspace, 8704 to 8993). */
    readonly published?: pulumi.Input<number>;
    readonly hostIp?: pulumi.Input<string>;
}

/** Options of a bind mount. */
export interface VolumeBindOptions {
    readonly propagation?: pulumi.Input<string>;
    readonly createHostPath?: pulumi.Input<boolean>;
    readonly selinux?: pulumi.Input<string>;
}

/** Options of a docker volume. */
export interface VolumeVolumeOptions {
    readonly nocopy?: pulumi.Input<boolean>;
}

/** Options of a tmpfs mount. */
export interface VolumeTmpfsOptions {
    readonly size?: pulumi.Input<number>;
}

/** A mount: a host path, a docker volume or a tmpfs, at a path in the container. */
export interface CustomServiceVolume {
    /** `bind` (the default), `volume`, `tmpfs` or `npipe`. */
    readonly type?: pulumi.Input<VolumeType>;
    readonly source: pulumi.Input<string>;
    /** An absolute path in the container. */
    readonly target: pulumi.Input<string>;
    readonly readOnly?: pulumi.Input<boolean>;
    readonly consistency?: pulumi.Input<string>;
    readonly bind?: pulumi.Input<VolumeBindOptions>;
    readonly volume?: pulumi.Input<VolumeVolumeOptions>;
    readonly tmpfs?: pulumi.Input<VolumeTmpfsOptions>;
}

/** How to start an image that is a Jupyter kernel. */
export interface CustomServiceKernel {
    readonly argv?: pulumi.Input<pulumi.Input<string>[]>;
    readonly displayName?: pulumi.Input<string>;
    readonly language?: pulumi.Input<string>;
}

/** One custom application on an instance. */
export interface InstanceCustomService {
    /** The application's name, shown in the Studio (unique on the instance). */
    readonly name: pulumi.Input<string>;
    readonly image: pulumi.Input<CustomServiceImage>;
    /** Environment variables of the container, by name. */
    readonly environmentVariables?: pulumi.Input<Record<string, pulumi.Input<CustomServiceVariable>>>;
    readonly docker?: pulumi.Input<CustomServiceDocker>;
    /** The ports the application is reached on. */
    readonly endpoints?: pulumi.Input<pulumi.Input<CustomServiceEndpoint>[]>;
    /** Mounts into the container. */
    readonly volumes?: pulumi.Input<pulumi.Input<CustomServiceVolume>[]>;
    /** For an image that is a Jupyter kernel. */
    readonly kernel?: pulumi.Input<CustomServiceKernel>;
}

const PORT = count(1, 65535);
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const nonEmpty = z.string().min(1).max(1024);

/** The rules of one custom application's fields. @internal */
export const customServiceSchema = strictObject({
    name: z.string().regex(NAME, 'must be 1 to 64 letters, digits, "_", "-" or ".", starting with a letter or digit'),
    image: strictObject({
        type: choice(CustomServiceImageType).optional(),
        reference: nonEmpty,
        version: nonEmpty.optional(),
    }),
    environmentVariables: z
        .record(
            z
                .string()
                .regex(
                    ENV_NAME,
                    'must be an environment variable name: letters, digits and "_", not starting with a digit',
                ),
            strictObject({
                type: z
                    .string()
                    .regex(/^local$/, 'must be "local", the only kind')
                    .optional(),
                value: z.string().max(32768),
            }),
        )
        .optional(),
    docker: strictObject({ privileged: z.boolean().optional() }).optional(),
    endpoints: z
        .array(
            strictObject({
                name: z.string().regex(NAME, 'must be 1 to 64 letters, digits, "_", "-" or "."'),
                protocol: choice(EndpointProtocol).optional(),
                target: PORT,
                published: PORT.optional(),
                hostIp: nonEmpty.optional(),
            }),
        )
        .optional(),
    volumes: z
        .array(
            strictObject({
                type: choice(VolumeType).optional(),
                source: nonEmpty,
                target: z
                    .string()
                    .regex(/^\//, "must be an absolute path in the container, e.g. /home/azureuser/cloudfiles"),
                readOnly: z.boolean().optional(),
                consistency: nonEmpty.optional(),
                bind: strictObject({
                    propagation: nonEmpty.optional(),
                    createHostPath: z.boolean().optional(),
                    selinux: nonEmpty.optional(),
                }).optional(),
                volume: strictObject({ nocopy: z.boolean().optional() }).optional(),
                tmpfs: strictObject({ size: count(1).optional() }).optional(),
            }),
        )
        .optional(),
    kernel: strictObject({
        argv: z.array(z.string()).optional(),
        displayName: nonEmpty.optional(),
        language: nonEmpty.optional(),
    }).optional(),
});

/** Names and published ports exist once on an instance; endpoint names once per application. @internal */
export function checkCustomServices(
    services: readonly z.output<typeof customServiceSchema>[] | undefined,
    report: Report,
): void {
    const names = new Map<string, number>();
    const published = new Map<number, string>();
    (services ?? []).forEach((s, i) => {
        const at = `customServices[${i}]`;
        const first = names.get(s.name.toLowerCase());
        if (first !== undefined)
            report(
                [`${at}.name`, `customServices[${first}].name`],
                `is the name of customServices[${first}] too; each application needs its own name`,
            );
        else names.set(s.name.toLowerCase(), i);
        const endpointNames = new Set<string>();
        (s.endpoints ?? []).forEach((e, j) => {
            const where = `${at}.endpoints[${j}]`;
            if (endpointNames.has(e.name))
                report(`${where}.name`, `is the name of another endpoint of ${s.name}; each endpoint needs its own`);
            endpointNames.add(e.name);
            const port = e.published ?? e.target;
            const taken = published.get(port);
            if (taken !== undefined)
                report(
                    `${where}.${e.published === undefined ? "target" : "published"}`,
                    `publishes port ${port}, which ${taken} publishes already; an instance publishes each port once`,
                );
            else published.set(port, where);
        });
    });
}
