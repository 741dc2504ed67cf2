/**
 * Windows time zone IDs: the check that the compute components run on a schedule's `timeZone` before
 * anything reaches Azure.
 *
 * Azure ML compute instance start/stop schedules take a time zone that "should follow Windows time zone
 * format" ("W. Europe Standard Time", "Pacific Standard Time", "UTC"), not the IANA names ("Europe/Berlin")
 * that most other tools use, so a user who copies a zone from elsewhere often gets it wrong. The list of
 * IDs and the IANA-to-Windows mapping come from Unicode CLDR's windowsZones.xml; see the "source" field of
 * ./data/windowsTimeZones.json for the exact file and version.
 *
 * Pure functions only (no Pulumi), so they can run at construction time and in tests.
 */
import data from "./data/windowsTimeZones.json";
import { closest, quote } from "../validation/suggest";

/**
 * Every Windows time zone ID, spelled exactly as Windows (and so Azure) spells it, in CLDR's order
 * (by UTC offset, west to east). Matching is case-sensitive: that is how the IDs are documented, and
 * nothing promises that Azure accepts another casing.
 */
export const WINDOWS_TIME_ZONES: ReadonlySet<string> = new Set(data.ids);

/** The IDs as a list, in CLDR's order, for `closest` (which prefers earlier candidates on ties). */
const IDS: readonly string[] = data.ids;

/**
 * Lower-cased ID -> ID, to recognise a value that differs from an ID only in case ("utc") and name
 * the exact spelling. The IDs are unique ignoring case, so no entry shadows another.
 */
const IDS_BY_LOWER_CASE: ReadonlyMap<string, string> = new Map(IDS.map((id) => [id.toLowerCase(), id]));

/**
 * Lower-cased IANA name -> Windows ID: every name CLDR's windowsZones.xml lists, plus the tzdata aliases
 * of those names (CLDR keeps old spellings such as "Asia/Calcutta", while users type today's
 * "Asia/Kolkata"). Keyed in lower case because IANA names are matched case-insensitively by the systems
 * users copy them from, and the point here is only to tell them which Windows ID to use instead.
 */
const WINDOWS_BY_IANA: ReadonlyMap<string, string> = buildIanaMap();

function buildIanaMap(): Map<string, string> {
    const byIana = new Map<string, string>();
    // A Map, not the JSON object, so that lookups of names like "constructor" never hit Object.prototype.
    const listed = new Map<string, string>(Object.entries(data.iana));
    for (const [name, windowsId] of listed) {
        byIana.set(name.toLowerCase(), windowsId);
    }
    for (const [alias, listedName] of Object.entries(data.ianaAliases)) {
        const windowsId = listed.get(listedName);
        if (windowsId !== undefined) {
            byIana.set(alias.toLowerCase(), windowsId);
        }
    }
    return byIana;
}

/**
 * Checks a schedule `timeZone`: returns `[]` when `value` is exactly a Windows time zone ID, otherwise
 * exactly one message that echoes the value and says what to write instead:
 *
 * - a case-only difference names the exact ID (`"utc" ... did you mean "UTC"?`);
 * - an IANA name (anything with a "/") names the Windows ID CLDR maps it to, or, for a name CLDR does
 *   not map, says that Windows IDs are needed;
 * - a near miss suggests the closest ID;
 * - anything else gives examples of valid IDs.
 */
export function checkTimeZone(value: string): string[] {
    if (WINDOWS_TIME_ZONES.has(value)) {
        return [];
    }
    const sameButCase = IDS_BY_LOWER_CASE.get(value.toLowerCase());
    if (sameButCase !== undefined) {
        return [`${quote(value)} is not a Windows time zone ID; did you mean ${quote(sameButCase)}?`];
    }
    // No Windows ID contains "/", and every IANA zone name outside the legacy top-level ones ("UTC", "GB")
    // does, so a "/" marks a value copied from an IANA-based tool rather than a misspelt Windows ID.
    if (value.includes("/")) {
        const windowsId = WINDOWS_BY_IANA.get(value.toLowerCase());
        if (windowsId !== undefined) {
            return [
                `${quote(value)} is an IANA time zone; Azure ML schedules take Windows time zone IDs: use ${quote(windowsId)}`,
            ];
        }
        return [
            `${quote(value)} is an IANA time zone; Azure ML schedules take Windows time zone IDs such as "UTC" or "W. Europe Standard Time"`,
        ];
    }
    // "UTC+1" is one edit from "UTC+12", but a suggestion hours off would silently move the schedule:
    // Windows has fixed-offset IDs for a few offsets only, so list those instead.
    if (/^(UTC|GMT)\s*[+-]\s*\d/i.test(value)) {
        const fixed = IDS.filter((id) => /^UTC[+-]/.test(id)).map((id) => quote(id));
        return [
            `${quote(value)} is not a Windows time zone ID: Windows has fixed-offset IDs only for ${fixed.join(", ")}; otherwise use the named zone of the place, e.g. "W. Europe Standard Time"`,
        ];
    }
    const suggestion = closest(value, IDS);
    if (suggestion !== undefined) {
        return [`${quote(value)} is not a Windows time zone ID; did you mean ${quote(suggestion)}?`];
    }
    return [
        `${quote(value)} is not a Windows time zone ID such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"`,
    ];
}
