/**
 * Field paths as users read them: `admin.password`, `identity.userAssignedIdentities[1]`, `tags["cost center"]`.
 * One format everywhere: issues, deferred (Output) inputs, stack config keys.
 */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** Appends one segment to a path. */
export function joinPath(base: string, segment: PathSegment): string {
    if (typeof segment === "number") {
        return `${base}[${segment}]`;
    }
    if (IDENTIFIER.test(segment)) {
        return base ? `${base}.${segment}` : segment;
    }
    return `${base}[${JSON.stringify(segment)}]`;
}

/** Formats a list of segments (as zod reports them) as one path. */
export function formatPath(segments: readonly PropertyKey[], base = ""): string {
    return segments.reduce<string>((path, s) => joinPath(path, typeof s === "symbol" ? String(s) : s), base);
}

/** True when `path` is `prefix` or lies inside it. */
export function isUnder(path: string, prefix: string): boolean {
    if (prefix === "") {
        return true;
    }
    return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}
