/**
 * State that lives as long as one deployment (one program run): keyed by the runtime's resource monitor,
 * so each test's mock monitor starts afresh and nothing leaks between programs in one process.
 */
import * as pulumi from "@pulumi/pulumi";

const states = new WeakMap<object, Map<string, unknown>>();
const noMonitor = {};

/** The deployment's value for `key`, made by `init` the first time it is asked for. */
export function deploymentState<T>(key: string, init: () => T): T {
    const monitor: object = pulumi.runtime.getMonitor() ?? noMonitor;
    let values = states.get(monitor);
    if (!values) {
        values = new Map();
        states.set(monitor, values);
    }
    if (!values.has(key)) values.set(key, init());
    return values.get(key) as T;
}

/** True the first time it is called with `message` in a deployment: for notices said once, not per component. */
export function firstTimeInDeployment(message: string): boolean {
    const said = deploymentState("notices", () => new Set<string>());
    if (said.has(message)) return false;
    said.add(message);
    return true;
}
