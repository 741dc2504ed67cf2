/**
 * A mocha root hook: the Pulumi runtime's warnings (`warning: [runtime] ...`, what the components log under the
 * mocks) are kept out of the test output, so that what is printed is what failed. Tests that assert on warnings
 * capture them themselves (support/monitor's warningsDuring). SHOW_RUNTIME_WARNINGS=1 prints them again.
 */
const original = console.warn;

export const mochaHooks = {
    beforeAll(): void {
        if (process.env.SHOW_RUNTIME_WARNINGS) return;
        console.warn = (...args: unknown[]) => {
            if (typeof args[0] === "string" && args[0].startsWith("warning: [runtime]")) return;
            original(...args);
        };
    },
    afterAll(): void {
        console.warn = original;
    },
};
