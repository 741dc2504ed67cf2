/**
 * Azure VM sizes: the library's size catalog, a reader for the current Azure naming convention,
 * and the checks that the compute components run on a `vmSize` before anything reaches Azure.
 *
 * Pure functions only (no Pulumi), so they can run at construction time and in tests. "Today" comes
 * from `now()` in ./clock so retirement checks can be pinned in tests.
 */
import catalogData from "./data/vmSizes.json";
import { now } from "./clock";

/** The compute types a size can be asked to be: CPU-only or GPU-accelerated. */
export const VmType = { CPU: "CPU", GPU: "GPU" } as const;

/** `"CPU"` or `"GPU"`. */
export type VmType = (typeof VmType)[keyof typeof VmType];

/** Longest VM size name accepted; no Azure size comes close, so anything longer is a mistake. */
export const VM_SIZE_MAX_LENGTH = 64;

const PREFIX = "Standard_";

/**
 * Standard_ then letters, digits, _ and -, at most 64 characters in all.
 *
 * Case-insensitive (including the prefix) because Azure treats size names case-insensitively and
 * Azure ML itself reports and documents sizes in upper case (e.g. "STANDARD_DS3_V2"); rejecting
 * those would reject values copied from Azure's own output. The length limit is part of the
 * pattern so that the pattern alone is a complete shape check (e.g. in a schema).
 */
export const VM_SIZE_PATTERN: RegExp = new RegExp(
    `^${PREFIX}[A-Za-z0-9_-]{1,${VM_SIZE_MAX_LENGTH - PREFIX.length}}$`,
    "i",
);

/** What the library knows about a VM size. */
export interface VmSizeFacts {
    /** The catalog's spelling for catalog sizes; the name as given for sizes read from the name. */
    readonly name: string;
    /** Active vCPUs: for constrained sizes (e.g. Standard_E8-4ds_v5) the second number, 4. */
    readonly vcpus: number;
    /**
     * GPU count: 0 for non-GPU sizes, fractional for GPU partitions (Standard_NV6ads_A10_v5 is 1/6
     * of a GPU), undefined when unknown (a GPU size read from its name: the name does not say how
     * many GPUs it has).
     */
    readonly gpus: number | undefined;
    /** Whether it is a GPU size (NC, ND, NV and NG families; NP has FPGAs, not GPUs). */
    readonly gpu: boolean;
    /** Catalog series, e.g. "NCasT4_v3" (catalog sizes only). */
    readonly series?: string;
    /** Announced retirement date, YYYY-MM-DD (catalog sizes only). */
    readonly retires?: string;
    /** Where the facts came from: the library's catalog, or the size name read by the naming convention. */
    readonly source: "catalog" | "name";
}

/** The outcome of `checkVmSize`: errors block deployment, warnings are advice. */
export interface VmSizeCheck {
    /** Messages without a field path; the caller prefixes the path. */
    readonly errors: readonly string[];
    /** Messages without a field path; the caller prefixes the path. */
    readonly warnings: readonly string[];
    /** The size's facts when known (catalog or name). */
    readonly facts?: VmSizeFacts;
    /** The retirement message when the size is already retired (also one of `errors`): a compute that exists may still have it. */
    readonly retired?: string;
    /** The retirement warning when the size retires within a year (also one of `warnings`). */
    readonly retiring?: string;
}

interface CatalogEntry {
    readonly name: string;
    readonly vcpus: number;
    readonly gpus: number;
    readonly series: string;
    readonly retires: string | null;
}

// Typed through CatalogEntry so that a malformed edit of the JSON fails type-checking.
const CATALOG_ENTRIES: readonly CatalogEntry[] = catalogData.sizes;

// Frozen because lookups hand out these shared objects; a caller mutating one would change the catalog.
const CATALOG: readonly VmSizeFacts[] = Object.freeze(
    CATALOG_ENTRIES.map((e) =>
        Object.freeze<VmSizeFacts>({
            name: e.name,
            vcpus: e.vcpus,
            gpus: e.gpus,
            // The catalog has exact GPU counts, so a partition (0.1667) is still a GPU size.
            gpu: e.gpus > 0,
            series: e.series,
            ...(e.retires !== null ? { retires: e.retires } : {}),
            source: "catalog",
        }),
    ),
);

// Keyed by lower case: Azure size names are case-insensitive.
const CATALOG_BY_NAME: ReadonlyMap<string, VmSizeFacts> = new Map(CATALOG.map((f) => [f.name.toLowerCase(), f]));

/**
 * The current Azure naming convention
 * (https://learn.microsoft.com/azure/virtual-machines/vm-naming-conventions):
 * family (+ sub-family) letters, vCPU count, optional "-<active vCPUs>" for constrained sizes,
 * lower-case additive features, optional "_<accelerator>", "_v<version>".
 *
 * Matched case-insensitively (see VM_SIZE_PATTERN); the structure is still unambiguous because
 * digits separate the family from the features and the version is always last. Counts have no
 * leading zeros. The accelerator must contain a digit (T4, A10, A100, H100, V620, MI300X): that
 * keeps non-accelerator segments such as "_cc" in Standard_DC4as_cc_v5 out of the reader.
 */
const NAME_CONVENTION = /^Standard_([A-Z]+)([1-9]\d*)(?:-([1-9]\d*))?([a-z]*)(?:_([A-Z]+\d[A-Z0-9]*))?_v([1-9]\d*)$/i;

/**
 * Older sizes (A, D/DS v1 and v2, G, ...) predate the convention: their digits are not vCPU counts
 * (Standard_D3_v2 has 4 vCPUs, Standard_DS11_v2 has 2). Reading only v3 and later keeps the reader
 * from inventing counts for them; those sizes must come from the catalog. The cost is that some
 * v1/v2 and unversioned sizes that do follow the convention (Standard_NG8ads_V620_v1, Standard_NP10s,
 * Standard_F2s_v2) are unknown unless catalogued.
 */
const MIN_READABLE_VERSION = 3;

// GPU families by the convention's family letters; NCC (confidential NC) starts with NC. An allow-list,
// because other N families are not GPUs (NP: FPGA).
const GPU_FAMILY = /^N[CDVG]/;

/**
 * The family letters Azure uses today (general purpose, compute, memory, storage, HPC, GPU, FPGA, confidential);
 * a name with other letters is not read, so a made-up size draws the unknown-size warning instead of counts.
 */
const KNOWN_FAMILY = /^(A|B|D|DC|E|EC|F|FX|H|HB|HC|HX|L|M|NC|NCC|ND|NG|NV|NP)$/;

/**
 * Reads a size from its name by the current Azure naming convention, without the catalog.
 * Strict: returns undefined unless the whole name follows the convention with version v3 or later,
 * and for a constrained size the active vCPUs are fewer than the total.
 * For a GPU family the GPU count is unknown (`gpus` undefined); otherwise `gpus` is 0.
 */
export function readVmSizeName(size: string): VmSizeFacts | undefined {
    if (typeof size !== "string" || !VM_SIZE_PATTERN.test(size)) return undefined;
    const m = NAME_CONVENTION.exec(size);
    if (!m) return undefined;
    // Optional groups are undefined when absent; the annotations say so.
    const family: string = m[1]!;
    if (!KNOWN_FAMILY.test(family.toUpperCase())) return undefined;
    const total: string = m[2]!;
    const active: string | undefined = m[3];
    const accelerator: string | undefined = m[5];
    const version: string = m[6]!;
    if (Number(version) < MIN_READABLE_VERSION) return undefined;
    // Azure spells accelerators in upper case and the version marker in lower case, so "_v5" before
    // "_v5" is a doubled version, not an accelerator. (In an all-upper-case name they look alike.)
    if (accelerator !== undefined && /^v\d+$/.test(accelerator)) return undefined;
    let vcpus = Number(total);
    if (active !== undefined) {
        // A constrained size runs fewer vCPUs than its base size; anything else is not a real size.
        if (Number(active) >= vcpus) return undefined;
        vcpus = Number(active);
    }
    const gpu = GPU_FAMILY.test(family.toUpperCase());
    return { name: size, vcpus, gpus: gpu ? undefined : 0, gpu, source: "name" };
}

/**
 * Facts about a size: from the catalog (case-insensitive, catalog spelling, which wins), else read
 * from the name by the current naming convention; undefined when neither knows it.
 */
export function lookupVmSize(size: string): VmSizeFacts | undefined {
    if (typeof size !== "string") return undefined;
    return CATALOG_BY_NAME.get(size.toLowerCase()) ?? readVmSizeName(size);
}

/** Active vCPUs of a size (catalog or name), or undefined when unknown. */
export function vcpusOf(size: string): number | undefined {
    return lookupVmSize(size)?.vcpus;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// Retirement dates are calendar dates, so "today" is compared as a UTC YYYY-MM-DD string
// (lexicographic order of YYYY-MM-DD is date order).
function todayUtc(): string {
    return now().toISOString().slice(0, 10);
}

function addDays(isoDate: string, days: number): string {
    return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

// "Within a year" is 365 days, as the retirement warning promises.
const RETIREMENT_NOTICE_DAYS = 365;

/**
 * A current catalog size to move to from `facts` (typically a retired or retiring one), or undefined.
 *
 * Candidates: catalog sizes that are not retired and do not retire within 365 days of today, of
 * the same class (GPU or not), other than the size itself. For GPU sizes, the fewest GPUs that are
 * at least the size's count (so an equal count when there is one); then the fewest vCPUs that are
 * at least the size's, ties going to the earlier catalog entry; if none has enough vCPUs, the one
 * with the most. A GPU size with an unknown GPU count skips the GPU step.
 */
export function suggestCurrentSize(facts: VmSizeFacts): VmSizeFacts | undefined {
    const horizon = addDays(todayUtc(), RETIREMENT_NOTICE_DAYS);
    const self = facts.name.toLowerCase();
    let candidates = CATALOG.filter(
        (c) => c.gpu === facts.gpu && c.name.toLowerCase() !== self && (c.retires === undefined || c.retires > horizon),
    );
    const wantGpus = facts.gpus;
    if (facts.gpu && wantGpus !== undefined) {
        const enough = candidates.filter((c) => (c.gpus ?? 0) >= wantGpus);
        if (enough.length === 0) return undefined;
        const tier = Math.min(...enough.map((c) => c.gpus ?? 0));
        candidates = enough.filter((c) => c.gpus === tier);
    }
    if (candidates.length === 0) return undefined;
    // Array order is catalog order and the comparisons are strict, so ties keep the earlier entry.
    let best: VmSizeFacts | undefined;
    for (const c of candidates) {
        if (c.vcpus >= facts.vcpus && (best === undefined || c.vcpus < best.vcpus)) best = c;
    }
    if (best !== undefined) return best;
    for (const c of candidates) {
        if (best === undefined || c.vcpus > best.vcpus) best = c;
    }
    return best;
}

function plural(n: number, unit: string): string {
    return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

// GPU partitions are fractions of one GPU; "1/6 of a GPU" reads better than "0.1667 GPUs".
function formatGpus(gpus: number): string {
    if (Number.isInteger(gpus)) return plural(gpus, "GPU");
    if (gpus > 0 && gpus < 1) {
        const n = Math.round(1 / gpus);
        if (Math.abs(1 / gpus - n) < 0.01) return `1/${n} of a GPU`;
    }
    return `${gpus} GPUs`;
}

function describe(facts: VmSizeFacts): string {
    const parts = [plural(facts.vcpus, "vCPU")];
    if (facts.gpu && facts.gpus !== undefined) parts.push(formatGpus(facts.gpus));
    return `${facts.name} (${parts.join(", ")})`;
}

// Long junk is echoed shortened so one bad value cannot flood the error output. Cut by code points
// so a surrogate pair is never split.
const ECHO_LIMIT = 200;
const ECHO_KEEP = 40;

function echo(value: unknown): string {
    let text = typeof value === "string" ? value : String(value);
    const chars = Array.from(text);
    if (chars.length > ECHO_LIMIT) text = chars.slice(0, ECHO_KEEP).join("") + "…";
    // JSON quoting escapes quotes, backslashes and control characters (a newline in the value stays visible).
    return JSON.stringify(text);
}

/**
 * Checks a `vmSize` (and, when given, that it fits `vmType`).
 *
 * Errors: not a size name; a catalog size already retired (on or before today, UTC); a known size
 * of the other type than `vmType`. Warnings: a catalog size retiring within 365 days; a well-formed
 * name that neither the catalog nor the naming convention knows (no type check is possible then).
 */
export function checkVmSize(size: string, vmType: VmType | undefined): VmSizeCheck {
    // A component asks about its size from a field schema, a rule and a warning: the answer is worked out once per
    // size and day (retirement depends on the day).
    const key = `${todayUtc()}|${String(vmType)}|${String(size)}`;
    let check = CHECKS.get(key);
    if (check === undefined) {
        check = Object.freeze(uncachedCheckVmSize(size, vmType));
        if (CHECKS.size >= MAX_CACHED_CHECKS) CHECKS.clear();
        CHECKS.set(key, check);
    }
    return check;
}

/** Answers already worked out, by day, type and size; never more than MAX_CACHED_CHECKS. */
const CHECKS = new Map<string, VmSizeCheck>();
const MAX_CACHED_CHECKS = 1000;

function uncachedCheckVmSize(size: string, vmType: VmType | undefined): VmSizeCheck {
    if (typeof size !== "string" || !VM_SIZE_PATTERN.test(size)) {
        return {
            errors: [
                `${echo(size)} is not an Azure VM size name: expected "${PREFIX}" followed by letters, digits, "_" or "-" (at most ${VM_SIZE_MAX_LENGTH} characters), e.g. "Standard_DS3_v2"`,
            ],
            warnings: [],
        };
    }
    const facts = lookupVmSize(size);
    if (facts === undefined) {
        return {
            errors: [],
            warnings: [
                `${size} is not in the library's size catalog and its name does not follow the current Azure naming convention, so its vCPU and GPU counts are unknown; check that the region offers it`,
            ],
        };
    }
    const errors: string[] = [];
    const warnings: string[] = [];
    let retired: string | undefined;
    let retiring: string | undefined;
    if (facts.retires !== undefined) {
        const today = todayUtc();
        if (facts.retires <= today) {
            const s = suggestCurrentSize(facts);
            retired = `${facts.name} was retired on ${facts.retires}; use a current size${s ? ` such as ${describe(s)}` : ""}`;
            errors.push(retired);
        } else if (facts.retires <= addDays(today, RETIREMENT_NOTICE_DAYS)) {
            const s = suggestCurrentSize(facts);
            retiring = `${facts.name} retires on ${facts.retires}; plan a move to a current size${s ? ` such as ${describe(s)}` : ""}`;
            warnings.push(retiring);
        }
    }
    const mismatch = vmTypeMismatch(facts, vmType);
    if (mismatch !== undefined) errors.push(mismatch);
    return { errors, warnings, facts, retired, retiring };
}

/** Says why a known size is not of `vmType` (a GPU size for "CPU", or the reverse); undefined when it agrees. */
export function vmTypeMismatch(facts: VmSizeFacts, vmType: VmType | undefined): string | undefined {
    if (facts.gpu && vmType === VmType.CPU) return `${facts.name} is a GPU size, but vmType is "CPU"`;
    if (!facts.gpu && vmType === VmType.GPU) return `${facts.name} is a CPU size, but vmType is "GPU"`;
    return undefined;
}
