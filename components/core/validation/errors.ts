import * as pulumi from "@pulumi/pulumi";

/**
 * Finding codes: every issue carries a stable `code` that says which check found it, for programs that act on
 * a kind of problem without reading its message (which may be reworded).
 *
 * The scheme: `<area>/<problem>`, kebab-case, at least two segments (see {@link ISSUE_CODE_FORMAT}).
 * - `<area>` is a component (`compute-cluster`, `compute-instance`, `inference-cluster`, `attached-compute`) for
 *   a rule only that component has, or a shared area (`vm-size`, `identity`, `field`, `args`, `adopt`, `stack`,
 *   `lookup`, `name`...) for a check several components share; the same check gives the same code everywhere.
 * - A field schema's problem is `field/<failure>` (`field/required`, `field/invalid-type`, `field/too-small`,
 *   `field/too-big`, `field/not-one-of`, `field/invalid`), unless its refinement attaches a code of its own
 *   (`params: { code }`, e.g. `tags/refused-character`); an unknown field is `field/unknown`.
 * - A cross-field `Rule` declares its `code`; a rule that finds several distinct problems may pass a code per
 *   report.
 * A code never changes once shipped: a check that changes meaning gets a new code.
 */
/** What a finding code looks like: kebab-case segments joined by "/", two at least. */
export const ISSUE_CODE_FORMAT = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\/[a-z][a-z0-9]*(?:-[a-z0-9]+)*)+$/;

/** One problem with one input: where it is and what is wrong with it. */
export interface ValidationIssue {
    /** Which check found the problem, stable across releases (`compute-cluster/max-nodes-below-min`). */
    readonly code: string;
    /**
     * The dotted path of the field the problem is about (`maxNodes`, `admin.password`, `tags["cost center"]`).
     * Empty for a problem with the args object itself.
     */
    readonly path: string;
    /** What is wrong and what would be valid. Never contains a secret value. */
    readonly message: string;
    /** Every field the problem involves, `path` first (a cross-field rule names all of its fields). */
    readonly paths: readonly string[];
    /** True when the value has the wrong type (not just the wrong content). */
    readonly wrongType?: true;
}

/**
 * Every problem found in one component's inputs (or one stack config entry), raised once.
 *
 * It extends Pulumi's `RunError`, which the Pulumi program host prints as its message alone: a user's
 * mistake shows as a list of field paths and fixes, never as a stack trace.
 */
export class ComputeValidationError extends pulumi.RunError {
    /** What the issues belong to, e.g. `ComputeCluster "gpu-train"` or `azureml-compute:computeClusters`. */
    readonly subject: string;
    /** Every problem found, in input order. */
    readonly issues: readonly ValidationIssue[];

    constructor(subject: string, issues: readonly ValidationIssue[]) {
        const text = formatValidationMessage(subject, issues);
        super(text);
        this.name = "ComputeValidationError";
        this.subject = subject;
        this.issues = issues;
        // @pulumi/pulumi 3.249 and later prefix the message of an error that surfaces while serializing a resource's
        // properties (`error serializing property "outputs": ...`, when a component's outputs wait on the failed child)
        // by assigning to it: the user's problem is the issues, not serialization, so the message stays as written.
        Object.defineProperty(this, "message", {
            get: () => text,
            // Ignored: the message is derived from the issues.
            set: () => {},
            enumerable: false,
            configurable: true,
        });
    }

    /** True for a ComputeValidationError, even one thrown by another copy of this library. */
    static override isInstance(value: unknown): value is ComputeValidationError {
        return (
            value instanceof Error &&
            value.name === "ComputeValidationError" &&
            Array.isArray((value as { issues?: unknown }).issues)
        );
    }
}

/** How many issues a message lists; the rest are counted ("and 12 more"), and all are in `issues`. */
export const MAX_LISTED_ISSUES = 20;
/** Paths are cut to this many characters in a message (a key can be anything a stack file holds). */
const MAX_SHOWN_PATH = 200;

/**
 * `ComputeCluster "gpu" has 2 invalid inputs:` followed by one `  - path: message` line per issue, at most
 * {@link MAX_LISTED_ISSUES} of them, so that no input can make the message long.
 */
export function formatValidationMessage(subject: string, issues: readonly ValidationIssue[]): string {
    const count = issues.length === 1 ? "1 invalid input" : `${issues.length} invalid inputs`;
    const shown = (path: string) => (path.length > MAX_SHOWN_PATH ? `${path.slice(0, MAX_SHOWN_PATH)}…` : path);
    const lines = issues
        .slice(0, MAX_LISTED_ISSUES)
        .map((issue) => `  - ${issue.path ? `${shown(issue.path)}: ` : ""}${issue.message}`);
    if (issues.length > MAX_LISTED_ISSUES) lines.push(`  - and ${issues.length - MAX_LISTED_ISSUES} more`);
    return [`${subject} has ${count}:`, ...lines].join("\n");
}

/** Builds an issue; `paths` lists every field involved, the first one being the issue's own path. */
export function issue(code: string, path: string, message: string, ...related: string[]): ValidationIssue {
    return { code, path, message, paths: [path, ...related.filter((p) => p !== path)] };
}
