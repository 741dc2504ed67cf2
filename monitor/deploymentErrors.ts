/**
 * The rejection capture: what fails a program run, collected as the Pulumi Node.js host would report it, for the
 * offline plan and the tests that run programs under the recording monitor.
 *
 * What it models: the host's reporting of an unhandled rejection (a registration that failed on an invalid Output
 * input) as the program's error, one per distinct message. What it doesn't: the host's exit codes or its log
 * format, nor errors the engine itself would raise.
 */
import { forgetPendingPromises } from "./recordingMonitor";

/** The errors that fail a program run, collected while a capture is on. */
export interface DeploymentErrors {
    /** Every distinct error (by message), in the order they came. */
    readonly errors: Error[];
    /** Records an error thrown while the program loaded. */
    record(reason: unknown): void;
    /** Puts the process's own rejection handlers back and forgets the run's pending promises. */
    stop(): void;
}

/**
 * Collects what fails a program run the way the Pulumi host sees it: a resource whose registration fails
 * (an invalid Output input, say) surfaces as an unhandled rejection, which the host reports as the
 * program's error. Until `stop()`, those rejections are recorded instead of reaching the process's handlers.
 */
export function captureDeploymentErrors(): DeploymentErrors {
    const errors: Error[] = [];
    const saved = process.listeners("unhandledRejection");
    const record = (reason: unknown) => {
        const error = reason instanceof Error ? reason : new Error(String(reason));
        if (!errors.some((e) => e.message === error.message)) errors.push(error);
    };
    process.removeAllListeners("unhandledRejection");
    process.on("unhandledRejection", record);
    return {
        errors,
        record,
        stop: () => {
            process.off("unhandledRejection", record);
            for (const listener of saved) process.on("unhandledRejection", listener);
            forgetPendingPromises();
        },
    };
}
