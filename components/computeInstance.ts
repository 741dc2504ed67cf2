/**
 * ComputeInstance: the Studio's "Compute instances" tab, a managed workstation for one data
 * scientist (`computeType: "ComputeInstance"`). One file, top to bottom: choices, args, defaults, field
 * map (and so the immutable list), rules, mapping, component.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Compute } from "@pulumi/azure-native/machinelearningservices";
import type * as inputs from "@pulumi/azure-native/types/input";
import { z } from "zod";
import { ComputeComponent, ComputeKind } from "./core/pulumi/component";
import { BaseComputeArgs, baseArgSpecs } from "./core/pulumi/baseArgs";
import { arg, argSchemasOf, defaultsOf, fieldMapOf, plainArgsOf } from "./core/pulumi/argSpecs";
import { checkCron } from "./core/azure/cron";
import { DurationInput, normalizeDuration } from "./core/azure/durations";
import * as f from "./core/azure/fields";
import { nodeArgSpecs, NodeSettings } from "./nodeSettings";
import { FieldMap, immutablePaths, NOT_REPORTED } from "./core/pulumi/fieldMap";
import { checkIdentity } from "./core/azure/identity";
import { canonicalOrder, contentKey } from "./core/azure/canonical";
import { checkedString, choice, count, strictObject } from "./core/validation/schema";
import { GUID, GUID_MESSAGE } from "./core/azure/resourceIds";
import { checkTimeZone } from "./core/azure/timeZones";
import { Rule, SameShape } from "./core/validation/validate";
import { checkCustomServices, customServiceSchema, InstanceCustomService } from "./customServices";

/** Who can use the applications (JupyterLab, VS Code, ...) of an instance. */
export const ApplicationSharingPolicy = {
    /** Only the instance's user. */
    Personal: "Personal",
    /** Any workspace user, as their role allows. */
    Shared: "Shared",
} as const;
export type ApplicationSharingPolicy = (typeof ApplicationSharingPolicy)[keyof typeof ApplicationSharingPolicy];

/** What a schedule does to the instance. */
export const PowerAction = { Start: "Start", Stop: "Stop" } as const;
export type PowerAction = (typeof PowerAction)[keyof typeof PowerAction];

/** How often a recurrence repeats. */
export const RecurrenceFrequency = {
    Minute: "Minute",
    Hour: "Hour",
    Day: "Day",
    Week: "Week",
    Month: "Month",
} as const;
export type RecurrenceFrequency = (typeof RecurrenceFrequency)[keyof typeof RecurrenceFrequency];

export const WeekDay = {
    Monday: "Monday",
    Tuesday: "Tuesday",
    Wednesday: "Wednesday",
    Thursday: "Thursday",
    Friday: "Friday",
    Saturday: "Saturday",
    Sunday: "Sunday",
} as const;
export type WeekDay = (typeof WeekDay)[keyof typeof WeekDay];

/** SSH access to the instance. */
export interface InstanceSsh {
    /** An OpenSSH `ssh-rsa` public key (the contents of `~/.ssh/id_rsa.pub`). */
    readonly publicKey: pulumi.Input<string>;
}

/** The Microsoft Entra user an instance is created for. */
export interface AssignedUser {
    /** The user's object id (a GUID). */
    readonly objectId: pulumi.Input<string>;
    /** The user's tenant id (a GUID). */
    readonly tenantId: pulumi.Input<string>;
}

/** A repeating time, for a schedule. */
export interface InstanceRecurrence {
    /** `Minute`, `Hour`, `Day`, `Week` or `Month`. */
    readonly frequency: pulumi.Input<RecurrenceFrequency>;
    /** Every how many `frequency` units (1 or more). */
    readonly interval?: pulumi.Input<number>;
    /** The hours (0-23) it fires at. */
    readonly hours: pulumi.Input<pulumi.Input<number>[]>;
    /** The minutes (0-59) it fires at. */
    readonly minutes: pulumi.Input<pulumi.Input<number>[]>;
    /** The week days it fires on. */
    readonly weekDays?: pulumi.Input<pulumi.Input<WeekDay>[]>;
    /** The days of the month (1-31) it fires on. */
    readonly monthDays?: pulumi.Input<pulumi.Input<number>[]>;
}

/** Starts or stops the instance on a cron expression or a recurrence (one of the two). */
export interface InstanceSchedule {
    /** `Start` or `Stop`. */
    readonly action: pulumi.Input<PowerAction>;
    /** A 5-field cron expression (`minute hour day-of-month month day-of-week`), e.g. `0 18 * * 1-5`. */
    readonly cron?: pulumi.Input<string>;
    /** A recurrence, instead of `cron`. */
    readonly recurrence?: pulumi.Input<InstanceRecurrence>;
    /** A Windows time zone ID, e.g. `W. Europe Standard Time`. */
    readonly timeZone?: pulumi.Input<string>;
    /** When the schedule starts, as local time `yyyy-MM-ddTHH:mm:ss`. */
    readonly startTime?: pulumi.Input<string>;
    /** Whether the schedule is active. */
    readonly enabled?: pulumi.Input<boolean>;
}

/** A setup script: a file in the workspace's file share, or an inline command (one of the two). */
export interface SetupScript {
    /** Path of a script in the workspace's notebooks file share, e.g. `Users/alice/setup.sh`. */
    readonly path?: pulumi.Input<string>;
    /** A shell command to run, instead of `path` (sent base64-encoded, as Azure expects inline scripts). */
    readonly command?: pulumi.Input<string>;
    /** Command-line arguments for the script. */
    readonly arguments?: pulumi.Input<string>;
    /** Minutes before the script is stopped. */
    readonly timeoutMinutes?: pulumi.Input<number>;
}

/** Scripts that set up the instance. */
export interface SetupScripts {
    /** Runs once, when the instance is created. */
    readonly creation?: pulumi.Input<SetupScript>;
    /** Runs each time the instance starts. */
    readonly startup?: pulumi.Input<SetupScript>;
}

/** Defaults inside a schedule. */
export const SCHEDULE_DEFAULTS = Object.freeze({ timeZone: "UTC", enabled: true, interval: 1 });

/** Azure's limit on an instance's start/stop schedules. */
export const MAX_SCHEDULES = 4;

/** Idle shutdown bounds, in seconds: 15 minutes to 3 days (Azure's). */
export const IDLE_SHUTDOWN_BOUNDS = Object.freeze({ min: 15 * 60, max: 3 * 24 * 60 * 60 });

const guid = z.string().regex(GUID, GUID_MESSAGE);
const LOCAL_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

const recurrenceSchema = strictObject({
    frequency: choice(RecurrenceFrequency),
    interval: count(1).optional(),
    hours: z.array(count(0, 23)).min(1),
    minutes: z.array(count(0, 59)).min(1),
    weekDays: z.array(choice(WeekDay)).optional(),
    monthDays: z.array(count(1, 31)).optional(),
});

const scheduleSchema = strictObject({
    action: choice(PowerAction),
    cron: checkedString(checkCron, 256).optional(),
    recurrence: recurrenceSchema.optional(),
    timeZone: checkedString(checkTimeZone, 256).optional(),
    startTime: z
        .string()
        .regex(LOCAL_TIME, 'must be a local time "yyyy-MM-ddTHH:mm:ss", e.g. "2026-01-05T08:00:00"')
        .optional(),
    enabled: z.boolean().optional(),
});

const scriptSchema = strictObject({
    path: f.description.optional(),
    command: z.string().min(1).max(16384).optional(),
    arguments: f.description.optional(),
    timeoutMinutes: count(1).optional(),
});

/** The settings an instance shares with a cluster; an identity change replaces the instance. */
const node = nodeArgSpecs({ identityReplaces: true });

/**
 * Every arg of an instance but its idle shutdown, one statement each: its doc and type (the interface below), its
 * rules, where it lands and what a change does. An instance takes no second PUT for its settings (size, SSH,
 * subnet, user, scripts, schedules, idle shutdown and public IP are fixed at creation), so everything replaces
 * except tags and description. @internal
 */
export const COMPUTE_INSTANCE_SETTING_SPECS = {
    ...baseArgSpecs(f.instanceOrClusterName),
    vmType: node.vmType,
    vmSize: node.vmSize,
    /** SSH access: present enables it with this public key; absent leaves it disabled (the Studio default). */
    ssh: arg<InstanceSsh>().optional(strictObject({ publicKey: f.sshRsaPublicKey }), {
        lands: {
            "properties.properties.sshSettings": {
                send: (ssh) => ({ sshPublicAccess: "Enabled", adminPublicKey: ssh.publicKey }),
                absent: { sshPublicAccess: "Disabled" },
                // Azure reports the access, not the key.
                back: (ssh) =>
                    ssh.sshPublicAccess === "Enabled" ? { publicKey: ssh.adminPublicKey ?? NOT_REPORTED } : undefined,
            },
        },
        replaces: true,
        notReturned: ["publicKey"],
    }),
    subnet: node.subnet,
    /** The user the instance is created for (only they can use it); not with `ssh`. */
    assignedUser: arg<AssignedUser>().optional(strictObject({ objectId: guid, tenantId: guid }), {
        lands: {
            "properties.properties.personalComputeInstanceSettings": {
                send: (u) => ({ assignedUser: { objectId: u.objectId, tenantId: u.tenantId } }),
                back: (p) => p.assignedUser && { objectId: p.assignedUser.objectId, tenantId: p.assignedUser.tenantId },
            },
        },
        replaces: true,
    }),
    /** Start and stop schedules, at most 4. */
    schedules: arg<pulumi.Input<InstanceSchedule>[]>().optional(z.array(scheduleSchema).max(MAX_SCHEDULES), {
        lands: {
            "properties.properties.schedules": {
                // An adopted instance keeps the order Azure holds (the import diffs the list by position); else one canonical order.
                send: (list, { adopt }: { readonly adopt?: boolean }) => ({
                    computeStartStop:
                        adopt === true
                            ? list.map((s) => toSchedule(s, true))
                            : canonicalOrder(
                                  list.map((s) => toSchedule(s)),
                                  contentKey,
                              ),
                }),
                back: (s) => (s.computeStartStop?.length ? s.computeStartStop.map(fromSchedule) : undefined),
            },
        },
        reads: ["adopt"],
        replaces: true,
    }),
    /** Creation and startup scripts. */
    setupScripts: arg<SetupScripts>().optional(
        strictObject({ creation: scriptSchema.optional(), startup: scriptSchema.optional() }),
        {
            lands: {
                "properties.properties.setupScripts": {
                    send: (s) => ({
                        scripts: {
                            creationScript: s.creation && toScript(s.creation),
                            startupScript: s.startup && toScript(s.startup),
                        },
                    }),
                    back: (s) => {
                        const { creationScript, startupScript } = s.scripts ?? {};
                        return creationScript || startupScript
                            ? {
                                  creation: creationScript && fromScript(creationScript),
                                  startup: startupScript && fromScript(startupScript),
                              }
                            : undefined;
                    },
                },
            },
            replaces: true,
        },
    ),
    enableNodePublicIp: node.enableNodePublicIp,
    /** Says the workspace has a managed virtual network, so an instance without a public IP needs no subnet. */
    managedNetwork: arg<boolean>().optional(z.boolean(), { lands: {}, replaces: false }),
    /** Single sign-on to the instance's applications. */
    enableSso: arg<boolean>().optional(z.boolean(), {
        lands: { "properties.properties.enableSSO": {} },
        replaces: true,
        default: true,
    }),
    identity: node.identity,
    /** `Personal` (only the instance's user) or `Shared` (workspace users, as their role allows). */
    applicationSharingPolicy: arg<ApplicationSharingPolicy>().optional(choice(ApplicationSharingPolicy), {
        lands: { "properties.properties.applicationSharingPolicy": {} },
        replaces: true,
        default: ApplicationSharingPolicy.Shared,
    }),
    disableLocalAuth: node.disableLocalAuth,
    /** Custom applications the instance runs (the Studio's "Add application"), such as RStudio; fixed at creation. */
    // A PUT does not change them on an existing instance; only a preview API's updateCustomServices action does.
    customServices: arg<pulumi.Input<InstanceCustomService>[]>().optional(z.array(customServiceSchema), {
        lands: { "properties.properties.customServices": {} },
        replaces: true,
    }),
};

// generated from COMPUTE_INSTANCE_SETTING_SPECS by `npm run docs`; do not edit
/**
 * An instance's settings other than its idle shutdown: shared by the TypeScript args and the component
 * provider's (which types durations as strings for other languages).
 */
export interface ComputeInstanceSettings extends BaseComputeArgs, NodeSettings {
    /** SSH access: present enables it with this public key; absent leaves it disabled (the Studio default). */
    readonly ssh?: pulumi.Input<InstanceSsh>;
    /** The user the instance is created for (only they can use it); not with `ssh`. */
    readonly assignedUser?: pulumi.Input<AssignedUser>;
    /** Start and stop schedules, at most 4. */
    readonly schedules?: pulumi.Input<pulumi.Input<InstanceSchedule>[]>;
    /** Creation and startup scripts. */
    readonly setupScripts?: pulumi.Input<SetupScripts>;
    /** Says the workspace has a managed virtual network, so an instance without a public IP needs no subnet. */
    readonly managedNetwork?: pulumi.Input<boolean>;
    /** Single sign-on to the instance's applications. */
    readonly enableSso?: pulumi.Input<boolean>;
    /** `Personal` (only the instance's user) or `Shared` (workspace users, as their role allows). */
    readonly applicationSharingPolicy?: pulumi.Input<ApplicationSharingPolicy>;
    /** Custom applications the instance runs (the Studio's "Add application"), such as RStudio; fixed at creation. */
    readonly customServices?: pulumi.Input<pulumi.Input<InstanceCustomService>[]>;
}

/** Every arg of an instance, one statement each. @internal */
export const COMPUTE_INSTANCE_SPECS = {
    ...COMPUTE_INSTANCE_SETTING_SPECS,
    /** Stops the instance after this much inactivity: seconds, or ISO 8601 (`PT30M`); 15 minutes to 3 days. */
    idleTimeBeforeShutdown: arg<DurationInput>().optional(f.duration(IDLE_SHUTDOWN_BOUNDS), {
        lands: { "properties.properties.idleTimeBeforeShutdown": { send: normalizeDuration, back: (d) => d } },
        replaces: true,
    }),
};

// generated from COMPUTE_INSTANCE_SPECS by `npm run docs`; do not edit
/** The arguments of a {@link ComputeInstance}. */
export interface ComputeInstanceArgs extends ComputeInstanceSettings {
    /** Stops the instance after this much inactivity: seconds, or ISO 8601 (`PT30M`); 15 minutes to 3 days. */
    readonly idleTimeBeforeShutdown?: pulumi.Input<DurationInput>;
}

/** What an instance gets when an arg is left out (Azure's own defaults, sent explicitly). */
export const COMPUTE_INSTANCE_DEFAULTS = defaultsOf(COMPUTE_INSTANCE_SPECS);

/** Where each arg lands, how, and what a change does (see the table). */
export const COMPUTE_INSTANCE_FIELDS: FieldMap<ComputeInstanceArgs> = fieldMapOf(COMPUTE_INSTANCE_SPECS);

/** The child paths whose change replaces an instance: its `replaceOnChanges`. */
export const COMPUTE_INSTANCE_IMMUTABLE: readonly string[] = immutablePaths(COMPUTE_INSTANCE_FIELDS);

/** The rules of each arg on its own. */
const argSchemas = strictObject(argSchemasOf(COMPUTE_INSTANCE_SPECS));

// Stops compiling when the schema and the args interface drift apart.
const schemaMatchesArgs: SameShape<z.input<typeof argSchemas>, pulumi.Unwrap<ComputeInstanceArgs>> = true;
void schemaMatchesArgs;

type Values = z.output<typeof argSchemas>;

const rules: Rule<Values>[] = [
    {
        code: "vm-size/retired",
        reads: ["vmSize", "adopt"],
        check: ({ vmSize, adopt }, report) => f.checkRetiredVmSize(vmSize, adopt, report),
    },
    {
        code: "vm-size/vm-type-mismatch",
        reads: ["vmSize", "vmType"],
        check: ({ vmSize, vmType }, report) => f.checkVmTypeAgreement(vmSize, vmType, report),
    },
    {
        code: "compute-instance/ssh-with-assigned-user",
        reads: ["ssh", "assignedUser"],
        check: ({ ssh, assignedUser }, report) => {
            if (ssh !== undefined && assignedUser !== undefined) {
                report(
                    ["ssh", "assignedUser"],
                    "can't be set on an instance created for another user (assignedUser): Azure takes no SSH key then; remove one of the two",
                );
            }
        },
    },
    {
        code: "compute-instance/no-public-ip-without-network",
        reads: ["enableNodePublicIp", "subnet", "managedNetwork"],
        check: ({ enableNodePublicIp, subnet, managedNetwork }, report) => {
            if (enableNodePublicIp === false && subnet === undefined && managedNetwork !== true) {
                report(
                    ["enableNodePublicIp", "subnet", "managedNetwork"],
                    "is false, so the instance needs a subnet (or managedNetwork: true when the workspace has a managed virtual network)",
                );
            }
        },
    },
    {
        code: "compute-instance/schedule-trigger-not-one",
        reads: ["schedules"],
        check: ({ schedules }, report) =>
            (schedules ?? []).forEach((s, i) => {
                const at = `schedules[${i}]`;
                if ((s.cron === undefined) === (s.recurrence === undefined)) {
                    report(
                        [at, `${at}.cron`, `${at}.recurrence`],
                        "needs either a cron expression or a recurrence (one of the two)",
                    );
                }
            }),
    },
    {
        code: "compute-instance/setup-script-source-not-one",
        reads: ["setupScripts"],
        check: ({ setupScripts }, report) => {
            for (const which of ["creation", "startup"] as const) {
                const script = setupScripts?.[which];
                if (script && (script.path === undefined) === (script.command === undefined)) {
                    const at = `setupScripts.${which}`;
                    report(
                        [at, `${at}.path`, `${at}.command`],
                        "needs either a path in the workspace's file share or an inline command (one of the two)",
                    );
                }
            }
        },
    },
    { code: "identity/invalid", reads: ["identity"], check: ({ identity }, report) => checkIdentity(identity, report) },
    {
        code: "custom-services/invalid",
        reads: ["customServices"],
        check: ({ customServices }, report) => checkCustomServices(customServices, report),
    },
];

const warnings: Rule<Values>[] = [
    {
        code: "vm-size/advisory",
        reads: ["vmSize", "adopt"],
        check: ({ vmSize, adopt }, report) => f.warnAboutVmSize(vmSize, adopt, report),
    },
];

type ScheduleArgs = inputs.machinelearningservices.ComputeStartStopScheduleArgs;

/** Week days in the week's order, for sorting. */
const WEEK_ORDER = Object.values(WeekDay);

/** One schedule as azure-native takes it: cron or recurrence, with their time zone and start; its lists sorted. */
function toSchedule(s: pulumi.Unwrap<InstanceSchedule>, keepOrder = false): ScheduleArgs {
    const timeZone = s.timeZone ?? SCHEDULE_DEFAULTS.timeZone;
    const status = (s.enabled ?? SCHEDULE_DEFAULTS.enabled) ? "Enabled" : "Disabled";
    if (s.cron !== undefined) {
        return {
            action: s.action,
            status,
            triggerType: "Cron",
            cron: { expression: s.cron, timeZone, startTime: s.startTime },
        };
    }
    const r = s.recurrence!;
    const numbers = (list: readonly number[] | undefined) =>
        list && (keepOrder ? [...list] : canonicalOrder(list, (n) => n));
    const recurrence: inputs.machinelearningservices.RecurrenceArgs = {
        frequency: r.frequency,
        interval: r.interval ?? SCHEDULE_DEFAULTS.interval,
        timeZone,
        startTime: s.startTime,
        schedule: {
            hours: numbers(r.hours)!,
            minutes: numbers(r.minutes)!,
            weekDays:
                r.weekDays && (keepOrder ? [...r.weekDays] : canonicalOrder(r.weekDays, (d) => WEEK_ORDER.indexOf(d))),
            monthDays: numbers(r.monthDays),
        },
    };
    return { action: s.action, status, triggerType: "Recurrence", recurrence };
}

/** A setup script as azure-native takes it: an inline command goes base64-encoded, a path as it is. */
function toScript(s: pulumi.Unwrap<SetupScript>): inputs.machinelearningservices.ScriptReferenceArgs {
    return {
        scriptSource: s.command !== undefined ? "inline" : "workspaceStorage",
        scriptData: s.command !== undefined ? Buffer.from(s.command, "utf8").toString("base64") : s.path,
        scriptArguments: s.arguments,
        timeout: s.timeoutMinutes === undefined ? undefined : `${s.timeoutMinutes}m`,
    };
}

/** A schedule arg from what Azure reports (the inverse of `toSchedule`); every setting written out. */
function fromSchedule(
    s: ScheduleArgs & {
        readonly cron?: { readonly expression?: string; readonly timeZone?: string; readonly startTime?: string };
        readonly recurrence?: {
            readonly frequency?: string;
            readonly interval?: number;
            readonly timeZone?: string;
            readonly startTime?: string;
            readonly schedule?: {
                readonly hours?: readonly number[];
                readonly minutes?: readonly number[];
                readonly weekDays?: readonly string[];
                readonly monthDays?: readonly number[];
            };
        };
    },
): unknown {
    const common = { action: s.action, enabled: s.status === undefined ? undefined : s.status === "Enabled" };
    if (s.triggerType === "Cron" || (s.triggerType === undefined && s.cron !== undefined)) {
        return { ...common, cron: s.cron?.expression, timeZone: s.cron?.timeZone, startTime: s.cron?.startTime };
    }
    const r = s.recurrence ?? {};
    const { hours, minutes, weekDays, monthDays } = r.schedule ?? {};
    return {
        ...common,
        recurrence: { frequency: r.frequency, interval: r.interval, hours, minutes, weekDays, monthDays },
        timeZone: r.timeZone,
        startTime: r.startTime,
    };
}

/** A setup script arg from what Azure reports (the inverse of `toScript`): an inline command decoded. */
function fromScript(s: {
    scriptSource?: string;
    scriptData?: string;
    scriptArguments?: string;
    timeout?: string;
}): unknown {
    const minutes = /^(\d+)m$/.exec(s.timeout ?? "");
    const inline = s.scriptSource === "inline" && s.scriptData !== undefined;
    return {
        command: inline ? Buffer.from(s.scriptData!, "base64").toString("utf8") : undefined,
        path: inline ? undefined : s.scriptData,
        arguments: s.scriptArguments,
        // Another unit than minutes has no arg: adopting it shows as a difference.
        timeoutMinutes: minutes ? Number(minutes[1]) : undefined,
    };
}

/** Everything that makes a ComputeInstance a ComputeInstance. @internal (its zod schemas stay out of the public types) */
export const COMPUTE_INSTANCE: ComputeKind<ComputeInstanceArgs, typeof argSchemas.shape> = {
    name: "ComputeInstance",
    rules: {
        schema: argSchemas,
        rules,
        warnings,
        absentFields: {
            location: "Azure places an instance in its workspace's region (and ignores computeLocation for instances)",
        },
    },
    fieldMap: COMPUTE_INSTANCE_FIELDS,
    immutable: COMPUTE_INSTANCE_IMMUTABLE,
    plainArgs: plainArgsOf(COMPUTE_INSTANCE_SPECS),
    // An instance's name is its regional DNS name; it runs in the workspace's region.
    region: (args) => (args.workspace as { location?: unknown } | undefined)?.location,
    fixed: { "properties.computeType": "ComputeInstance" },
};

/** An application the instance serves (JupyterLab, VS Code, ...), as Azure reports it. */
export interface InstanceApplication {
    readonly displayName: string;
    readonly endpointUri: string;
}

/** How to reach the instance over SSH, when SSH is enabled and Azure reports it. */
export interface InstanceSshEndpoint {
    readonly user: string;
    readonly host: string;
    readonly port: number;
}

/** What Azure reports about reaching an instance (each part absent until Azure reports it). */
export interface InstanceEndpoints {
    /** Every application the instance serves. */
    readonly applications: InstanceApplication[];
    /** The JupyterLab URL. */
    readonly jupyterLabUrl: string | undefined;
    /** The VS Code (web) URL. */
    readonly vsCodeUrl: string | undefined;
    /** SSH user, host and port, when SSH is enabled. */
    readonly ssh: InstanceSshEndpoint | undefined;
}

interface InstanceState {
    applications?: { displayName?: string; endpointUri?: string }[];
    connectivityEndpoints?: { publicIpAddress?: string; privateIpAddress?: string };
    sshSettings?: { adminUserName?: string; sshPort?: number; sshPublicAccess?: string };
}

function findApplication(apps: readonly InstanceApplication[], names: readonly string[]): string | undefined {
    return apps.find((a) => names.includes(a.displayName.replace(/\s+/g, "").toLowerCase()))?.endpointUri;
}

/** An instance's endpoints, read from what Azure reports on its Compute. @internal (the component and the provider read it) */
export function instanceEndpoints(compute: Compute): pulumi.Output<InstanceEndpoints> {
    return compute.properties.apply((p) =>
        endpointsOf(((p as { properties?: InstanceState } | undefined)?.properties ?? {}) as InstanceState),
    );
}

/** Reads the endpoints out of the instance's reported properties. */
function endpointsOf(state: InstanceState): InstanceEndpoints {
    const applications = (state.applications ?? [])
        .filter((a) => a.displayName !== undefined && a.endpointUri !== undefined)
        .map((a) => ({ displayName: a.displayName!, endpointUri: a.endpointUri! }));
    const host = state.connectivityEndpoints?.publicIpAddress ?? state.connectivityEndpoints?.privateIpAddress;
    const user = state.sshSettings?.adminUserName;
    const port = state.sshSettings?.sshPort;
    const sshEnabled = state.sshSettings?.sshPublicAccess === "Enabled" && host && user && port !== undefined;
    return {
        applications,
        jupyterLabUrl: findApplication(applications, ["jupyterlab"]),
        vsCodeUrl: findApplication(applications, ["vscode", "vscode(web)", "vscodeweb"]),
        ssh: sshEnabled ? { user: user!, host: host!, port: port! } : undefined,
    };
}

/**
 * An Azure ML compute instance: a managed VM with JupyterLab, VS Code and a terminal for one data scientist.
 *
 * Replacing an instance deletes it with its local disk: pass `{ protect: true }` for instances people work on.
 */
export class ComputeInstance extends ComputeComponent<ComputeInstanceArgs> {
    /**
     * The instance's endpoints, as Azure reports them: `endpoints.jupyterLabUrl`, `endpoints.vsCodeUrl`,
     * `endpoints.ssh` (`{ user, host, port }` when SSH is enabled) and every `endpoints.applications` entry.
     * One Output for all of them: a program with hundreds of instances pays for one, not five.
     */
    public readonly endpoints: pulumi.Output<InstanceEndpoints>;

    constructor(name: string, args: ComputeInstanceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPUTE_INSTANCE, name, args, opts);
        this.endpoints = instanceEndpoints(this.compute);
        this.registerOutputs({ ...this.commonOutputs(), endpoints: this.endpoints });
    }
}
