/** Helpers shared by the component suites: declare a component and wait for its child, or catch its validation error. */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ComputeValidationError } from "../../components";
import { setClock } from "../../components/core/azure/clock";
import { recordRegistrations, RecordingMonitor, settle, StateFn, valueOf } from "./monitor";

type ComponentClass<Args, C> = new (name: string, args: Args, opts?: pulumi.ComponentResourceOptions) => C;

/** Declares a component and waits until its Compute child is registered. */
export function declarer<Args, C extends { compute: { urn: pulumi.Output<string> } }>(
    Component: ComponentClass<Args, C>,
    defaultName: string,
) {
    return async (args: Args, name = defaultName, opts?: pulumi.ComponentResourceOptions): Promise<C> => {
        const component = new Component(name, args, opts);
        await valueOf(component.compute.urn);
        await settle();
        return component;
    };
}

/** The validation error a constructor throws; fails the test when it throws none (or another error). */
export function validationErrorOf<Args>(Component: ComponentClass<Args, unknown>, defaultName: string) {
    return (args: unknown, name = defaultName): ComputeValidationError => {
        try {
            new Component(name, args as Args);
        } catch (e) {
            assert.ok(ComputeValidationError.isInstance(e), `expected a ComputeValidationError, got ${String(e)}`);
            return e;
        }
        assert.fail("expected the constructor to throw");
    };
}

/** Reads a dotted path (`properties.properties.vmSize`) from registered inputs. */
export function at(inputs: unknown, path: string): unknown {
    return path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], inputs);
}

/** What a component suite's tests share: the recording monitor of the current test, and its clock. */
export interface ComponentSuite {
    /** The monitor of the running test (a new one for each test). */
    readonly monitor: RecordingMonitor;
    readonly preview: boolean;
    /** Installs a fresh monitor whose mock provider returns `state` for each resource. */
    record(state?: StateFn): Promise<void>;
    /** Pins "today" (YYYY-MM-DD, UTC) for the retirement checks of the running test. */
    today(date: string): void;
}

/** Before any size in the catalog retires, so only the tests about retirement see one. */
const DEFAULT_TODAY = "2026-01-15";

/**
 * Declares a component suite that runs twice, as `pulumi up` runs a program and as `pulumi preview`
 * does, each test with a fresh recording monitor and a pinned clock.
 */
export function describeInBothModes(title: string, body: (suite: ComponentSuite) => void): void {
    for (const preview of [false, true]) {
        describe(`${title} (${preview ? "preview" : "update"})`, () => {
            let monitor: RecordingMonitor | undefined;
            let restoreClock = () => {};
            const suite: ComponentSuite = {
                get monitor() {
                    assert.ok(monitor, "the suite's monitor is set up in beforeEach");
                    return monitor;
                },
                preview,
                record: async (state) => {
                    monitor = await recordRegistrations({ preview, state });
                },
                today: (date) => {
                    restoreClock();
                    restoreClock = setClock(() => new Date(`${date}T00:00:00Z`));
                },
            };
            beforeEach(async () => {
                await suite.record();
                suite.today(DEFAULT_TODAY);
            });
            afterEach(() => restoreClock());
            body(suite);
        });
    }
}
