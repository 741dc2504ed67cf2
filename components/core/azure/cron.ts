/**
 * Cron expressions of compute instance schedules. Azure ML reads them with NCrontab: five fields,
 * `minute hour day-of-month month day-of-week`, each `*`, a value, a range `a-b`, a step `*\/n` or
 * `a-b/n`, or a comma-separated list of those; months and week days also by name (`JAN`, `MON`).
 * Checked here so a schedule that would never fire (or that Azure rejects) fails before deployment.
 */
import { quote } from "../validation/suggest";

interface CronField {
    readonly name: string;
    readonly min: number;
    readonly max: number;
    readonly names?: readonly string[];
}

/** The five fields, in order. Week days run 0 (Sunday) to 6, as NCrontab counts them. */
const FIELDS: readonly CronField[] = [
    { name: "minute", min: 0, max: 59 },
    { name: "hour", min: 0, max: 23 },
    { name: "day of month", min: 1, max: 31 },
    {
        name: "month",
        min: 1,
        max: 12,
        names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
    },
    { name: "day of week", min: 0, max: 6, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] },
];

export const CRON_EXAMPLE = '"0 18 * * 1-5" (18:00 on weekdays)';

/** A value of a field: a number, or a name counted from the field's minimum. */
function valueOf(token: string, field: CronField): number | undefined {
    if (/^\d+$/.test(token)) return Number(token);
    const index = field.names?.indexOf(token.toUpperCase()) ?? -1;
    return index >= 0 ? field.min + index : undefined;
}

/** Checks one comma-separated item of a field; returns its problem, if any. */
function checkItem(item: string, field: CronField, shown: string): string | undefined {
    const [range, step, extra] = item.split("/");
    const badToken = () =>
        `${shown}: ${quote(item)} is not a valid ${field.name}: use a number ${field.min}-${field.max}` +
        `${field.names ? ` or a name (${field.names[0]}-${field.names[field.names.length - 1]})` : ""}, a range such as ${field.min}-${field.min + 2}, a step such as */2, or a list`;
    if (extra !== undefined || range === undefined || range === "") return badToken();
    if (step !== undefined && (!/^\d+$/.test(step) || Number(step) === 0)) {
        return `${shown}: the step in ${quote(item)} must be a whole number of 1 or more`;
    }
    if (range === "*") return undefined;
    const bounds = range.split("-");
    if (bounds.length > 2) return badToken();
    const values = bounds.map((b) => valueOf(b, field));
    if (values.some((v) => v === undefined)) return badToken();
    for (const v of values as number[]) {
        if (v < field.min || v > field.max) return `${shown}: ${field.name} ${v} is outside ${field.min}-${field.max}`;
    }
    if (values.length === 2 && values[0]! > values[1]!) {
        return `${shown}: the ${field.name} range ${range} runs backwards`;
    }
    return undefined;
}

/** Checks a 5-field cron expression; returns every problem found (empty when valid). */
export function checkCron(expression: string): string[] {
    const shown = quote(expression);
    const parts = expression
        .trim()
        .split(/\s+/)
        .filter((p) => p !== "");
    if (parts.length !== FIELDS.length) {
        return [
            `${shown} has ${parts.length} field${parts.length === 1 ? "" : "s"}; a cron expression has 5: minute hour day-of-month month day-of-week, e.g. ${CRON_EXAMPLE}`,
        ];
    }
    const problems: string[] = [];
    parts.forEach((part, i) => {
        const field = FIELDS[i]!;
        for (const item of part.split(",")) {
            const problem = checkItem(item, field, shown);
            if (problem !== undefined) problems.push(problem);
        }
    });
    return problems;
}
