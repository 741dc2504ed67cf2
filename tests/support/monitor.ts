/**
 * Test helpers around the recording monitor (monitor/, shared with the offline plan and the bench).
 */
import * as pulumi from "@pulumi/pulumi";

export {
    CallFn,
    Registration,
    RecordingMonitor,
    recordRegistrations,
    StateFn,
    UNKNOWN,
} from "../../monitor/recordingMonitor";
import { captureDeploymentErrors } from "../../monitor/deploymentErrors";

/** An Output whose value is unknown, as an input computed by another resource is during preview. */
export function unknownOutput<T>(): pulumi.Output<T> {
    const Impl = pulumi.Output as unknown as new (...args: unknown[]) => pulumi.Output<T>;
    return new Impl(
        new Set(),
        Promise.resolve(undefined),
        Promise.resolve(false),
        Promise.resolve(false),
        Promise.resolve(new Set()),
    );
}

/** Resolves an Output's value in a test (rejects if the Output failed). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve, reject) => {
        output.apply((v) => {
            resolve(v);
            return v;
        });
        // An Output that failed never runs the apply; its promise carries the error.
        (output as unknown as { promise(): Promise<T> }).promise().then(undefined, reject);
    });
}

/** Lets pending registrations reach the monitor. */
export async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

/**
 * Runs `program` the way the Pulumi host runs one, and returns the errors that fail the deployment.
 *
 * A resource whose registration fails (an invalid Output input, say) fails the deployment through an
 * unhandled rejection, which the host reports as the program's error. Here those rejections are
 * collected instead of reaching mocha, and the failed registrations' pending promises are dropped so
 * the SDK's exit-time leak check does not count them.
 */
export async function deploymentErrors(program: () => void | Promise<void>): Promise<Error[]> {
    const capture = captureDeploymentErrors();
    try {
        try {
            await program();
        } catch (e) {
            capture.record(e);
        }
        await new Promise((r) => setTimeout(r, 50));
        await settle();
    } finally {
        capture.stop();
    }
    return capture.errors;
}

/** The warnings the library logs while `program` runs (and its Outputs settle), without the runtime's prefix. */
export async function warningsDuring(program: () => void | Promise<void>): Promise<string[]> {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => {
        warnings.push(
            args
                .map(String)
                .join(" ")
                .replace(/^warning: \[runtime\] /, ""),
        );
    };
    try {
        await program();
        await settle();
    } finally {
        console.warn = original;
    }
    return warnings;
}
