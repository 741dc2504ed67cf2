import { strict as assert } from "node:assert";
import { checkCron } from "../../components/core/azure/cron";

describe("core/cron", () => {
    const valid = [
        "0 18 * * 1-5",
        "*/15 * * * *",
        "0 8 1 * *",
        "30 7 * JAN-MAR MON,WED,FRI",
        "0 0 * * 0",
        "0,30 9-17/2 1-31 1-12 0-6",
        "5 4 * * sun",
        "  0 18 * * 1-5  ",
    ];
    for (const expression of valid) {
        it(`accepts ${JSON.stringify(expression)}`, () => assert.deepEqual(checkCron(expression), []));
    }

    const invalid: [string, string[]][] = [
        [
            "0 18 * *",
            [
                '"0 18 * *" has 4 fields; a cron expression has 5: minute hour day-of-month month day-of-week, e.g. "0 18 * * 1-5" (18:00 on weekdays)',
            ],
        ],
        [
            "0 0 18 * * 1-5",
            [
                '"0 0 18 * * 1-5" has 6 fields; a cron expression has 5: minute hour day-of-month month day-of-week, e.g. "0 18 * * 1-5" (18:00 on weekdays)',
            ],
        ],
        [
            "",
            [
                '"" has 0 fields; a cron expression has 5: minute hour day-of-month month day-of-week, e.g. "0 18 * * 1-5" (18:00 on weekdays)',
            ],
        ],
        ["0 25 * * *", ['"0 25 * * *": hour 25 is outside 0-23']],
        ["60 * * * *", ['"60 * * * *": minute 60 is outside 0-59']],
        ["0 0 0 * *", ['"0 0 0 * *": day of month 0 is outside 1-31']],
        ["0 0 * 13 *", ['"0 0 * 13 *": month 13 is outside 1-12']],
        ["0 0 * * 7", ['"0 0 * * 7": day of week 7 is outside 0-6']],
        ["0 17-9 * * *", ['"0 17-9 * * *": the hour range 17-9 runs backwards']],
        ["*/0 * * * *", ['"*/0 * * * *": the step in "*/0" must be a whole number of 1 or more']],
        [
            "0 8 * * MON-FRY",
            [
                '"0 8 * * MON-FRY": "MON-FRY" is not a valid day of week: use a number 0-6 or a name (SUN-SAT), a range such as 0-2, a step such as */2, or a list',
            ],
        ],
        [
            "x 8 * * *",
            [
                '"x 8 * * *": "x" is not a valid minute: use a number 0-59, a range such as 0-2, a step such as */2, or a list',
            ],
        ],
        [
            "0 8,25,99 * * *",
            ['"0 8,25,99 * * *": hour 25 is outside 0-23', '"0 8,25,99 * * *": hour 99 is outside 0-23'],
        ],
        [
            "0 1-2-3 * * *",
            [
                '"0 1-2-3 * * *": "1-2-3" is not a valid hour: use a number 0-23, a range such as 0-2, a step such as */2, or a list',
            ],
        ],
    ];
    for (const [expression, messages] of invalid) {
        it(`rejects ${JSON.stringify(expression)}`, () => assert.deepEqual(checkCron(expression), messages));
    }
});
