/**
 * Durations: users think in seconds ("scale down after 120 s"), the Azure API takes ISO 8601 strings
 * (`nodeIdleTimeBeforeScaleDown: "PT2M"`, `idleTimeBeforeShutdown: "PT15M"`). Either form is accepted
 * and normalized to one canonical ISO string, so a change from `120` to `"PT2M"` is no change at all.
 *
 * Only days, hours, minutes and seconds are supported: years, months and weeks are not fixed lengths
 * (or, for weeks, not accepted by .NET's TimeSpan parser behind the API), so Azure can't take them.
 */
import { quote } from "../validation/suggest";

/** A duration as a user writes it: a number of seconds (also as text, `"120"`), or an ISO 8601 duration such as `"PT2M"`. */
export type DurationInput = number | string;

const SECONDS_PER = { day: 86400, hour: 3600, minute: 60 } as const;

// P[nD][T[nH][nM][n[.f]S]]; only the seconds may have a fraction, as the API's TimeSpan does.
const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
// The wider ISO 8601 grammar, to recognize years, months and weeks and say why they are refused.
const ISO_WITH_CALENDAR_UNITS =
    /^P(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?(?:T(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$/;

/**
 * Seconds in an ISO 8601 duration of days, hours, minutes and (possibly fractional) seconds, such as
 * `PT2M` (120), `PT1H30M` (5400), `P1D` (86400) or `PT0.5S` (0.5). Returns `undefined` for anything
 * else, including years, months and weeks, an empty `P`/`PT`, lowercase designators and surrounding
 * whitespace: the value is sent to Azure as written only after normalization, and strictness here keeps
 * "what you wrote" and "what was checked" the same thing.
 */
export function parseDurationSeconds(value: string): number | undefined {
    // Whole seconds as text ("120"): what a number becomes in languages and config that carry strings only.
    if (/^\d{1,15}$/.test(value)) return Number(value);
    const match = ISO_DURATION.exec(value);
    // "P" and "PT" match the pattern with no component, and a "T" must be followed by a time component.
    if (match === null || value === "P" || value.endsWith("T")) {
        return undefined;
    }
    const [, days, hours, minutes, seconds] = match;
    const total =
        Number(days ?? 0) * SECONDS_PER.day +
        Number(hours ?? 0) * SECONDS_PER.hour +
        Number(minutes ?? 0) * SECONDS_PER.minute +
        Number(seconds ?? 0);
    return Number.isFinite(total) ? total : undefined;
}

/**
 * The canonical ISO 8601 form of a number of seconds: the largest units first, zero parts left out,
 * days never folded into months or years. `120` -> `PT2M`, `90` -> `PT1M30S`, `86400` -> `P1D`,
 * `0` -> `PT0S`, `3700` -> `PT1H1M40S`, `1.5` -> `PT1.5S` (fractions kept to 100 ns, the API's tick).
 *
 * @throws RangeError for a negative or non-finite number, which has no ISO 8601 duration.
 */
export function toIsoDuration(seconds: number): string {
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > Number.MAX_SAFE_INTEGER) {
        throw new RangeError(
            `${seconds} has no ISO 8601 duration: give a number of seconds from 0 to ${Number.MAX_SAFE_INTEGER}`,
        );
    }
    const { days, hours, minutes, wholeSeconds, ticks } = split(seconds);
    const fraction = fractionOf(ticks);
    const date = days > 0 ? `${days}D` : "";
    let time = "";
    if (hours > 0) time += `${hours}H`;
    if (minutes > 0) time += `${minutes}M`;
    if (wholeSeconds > 0 || ticks > 0) time += `${wholeSeconds}${fraction}S`;
    if (date === "" && time === "") {
        return "PT0S";
    }
    return `P${date}${time === "" ? "" : `T${time}`}`;
}

/**
 * Checks a duration given as seconds or as an ISO 8601 string against inclusive bounds in seconds.
 * Returns at most one message: a value that is not a duration can't also be out of bounds.
 */
export function checkDuration(value: DurationInput, bounds: { readonly min: number; readonly max: number }): string[] {
    let seconds: number;
    let shown: string;
    if (typeof value === "number") {
        if (!Number.isFinite(value) || value < 0 || !Number.isInteger(value)) {
            return [`must be a whole number of seconds, 0 or more; got ${value}`];
        }
        seconds = value;
        shown = String(value);
    } else if (typeof value === "string") {
        const parsed = parseDurationSeconds(value);
        if (parsed === undefined) {
            if (ISO_WITH_CALENDAR_UNITS.test(value) && /[YMW]/.test(value.split("T")[0]!)) {
                return [
                    `${quote(value)}: years, months and weeks are not fixed lengths; use days, hours, minutes or seconds (e.g. "P7D")`,
                ];
            }
            return [notADuration(value)];
        }
        seconds = parsed;
        shown = quote(value);
    } else {
        // Not reachable from typed code; config read at run time can still hold a boolean or null.
        return [notADuration(String(value))];
    }
    if (seconds < bounds.min || seconds > bounds.max) {
        return [
            `${shown} (${describeSeconds(seconds)}) is outside ${describeSeconds(bounds.min)} to ${describeSeconds(bounds.max)}`,
        ];
    }
    return [];
}

/**
 * A number of seconds in words, largest units first, zero parts left out: `900` -> "15 minutes",
 * `259200` -> "3 days", `5400` -> "1 hour 30 minutes", `45` -> "45 seconds", `0` -> "0 seconds".
 * Never throws: a negative or non-finite number is shown as "<n> seconds".
 */
export function describeSeconds(seconds: number): string {
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > Number.MAX_SAFE_INTEGER) {
        return `${seconds} seconds`;
    }
    const { days, hours, minutes, wholeSeconds, ticks } = split(seconds);
    const parts: string[] = [];
    if (days > 0) parts.push(plural(days, "day"));
    if (hours > 0) parts.push(plural(hours, "hour"));
    if (minutes > 0) parts.push(plural(minutes, "minute"));
    if (wholeSeconds > 0 || ticks > 0 || parts.length === 0) {
        const value = `${wholeSeconds}${fractionOf(ticks)}`;
        parts.push(value === "1" ? "1 second" : `${value} seconds`);
    }
    return parts.join(" ");
}

/**
 * The canonical ISO 8601 string for a duration, for the API payload: seconds and valid ISO strings both
 * become {@link toIsoDuration}'s form (`120` and `"PT120S"` both -> `"PT2M"`), so equal durations look
 * equal to Pulumi's diff. Never throws: a value that is not a valid duration comes back as
 * `String(value)` unchanged, so mapping code can run before (or without) {@link checkDuration}, which
 * is what reports the problem.
 */
export function normalizeDuration(value: DurationInput): string {
    if (typeof value === "number") {
        return Number.isFinite(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER
            ? toIsoDuration(value)
            : String(value);
    }
    if (typeof value === "string") {
        const parsed = parseDurationSeconds(value);
        return parsed === undefined || parsed > Number.MAX_SAFE_INTEGER ? value : toIsoDuration(parsed);
    }
    return String(value);
}

/** ".5", ".0000001": the sub-second part in decimal digits (never exponent notation), or "" for none. */
function fractionOf(ticks: number): string {
    return ticks === 0 ? "" : `.${String(ticks).padStart(7, "0").replace(/0+$/, "")}`;
}

function notADuration(value: string): string {
    return `${quote(value)} is not a duration: give a number of seconds or an ISO 8601 duration such as "PT2M"`;
}

function plural(n: number, unit: string): string {
    return n === 1 ? `1 ${unit}` : `${n} ${unit}s`;
}

/** Splits seconds into whole units plus the sub-second rest in 100 ns ticks (the API's resolution). */
function split(seconds: number): { days: number; hours: number; minutes: number; wholeSeconds: number; ticks: number } {
    let whole = Math.floor(seconds);
    let ticks = Math.round((seconds - whole) * 1e7);
    if (ticks >= 1e7) {
        // 0.99999999 s rounds up to a whole second.
        whole += 1;
        ticks = 0;
    }
    const days = Math.floor(whole / SECONDS_PER.day);
    const hours = Math.floor((whole % SECONDS_PER.day) / SECONDS_PER.hour);
    const minutes = Math.floor((whole % SECONDS_PER.hour) / SECONDS_PER.minute);
    const wholeSeconds = whole % SECONDS_PER.minute;
    return { days, hours, minutes, wholeSeconds, ticks };
}
