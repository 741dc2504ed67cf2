/**
 * An SSH sign-in as Azure ML takes it on a cluster's admin and on an attached VM's or HDInsight cluster's
 * credentials: a user name with a key, a password, or both. The rule and the warning are stated once here, so the
 * two components say the same thing in the same words.
 */
import type { Rule } from "../validation/validate";

/** The rule that a sign-in has a key or a password, and the warning for a password alone. */
export function sshSignInRules<V extends object>(
    field: keyof V & string,
    key: { readonly name: string; readonly article: "a" | "an" },
): { readonly rule: Rule<V>; readonly warning: Rule<V> } {
    const aKey = `${key.article} ${key.name}`;
    const signIn = (values: V) => values[field] as Readonly<Record<string, unknown>> | undefined;
    return {
        rule: {
            code: "ssh-sign-in/no-key-or-password",
            reads: [field],
            check: (values, report) => {
                const s = signIn(values);
                if (s && s[key.name] === undefined && s.password === undefined)
                    report(
                        [field, `${field}.${key.name}`, `${field}.password`],
                        `needs ${aKey} or a password (or both)`,
                    );
            },
        },
        warning: {
            code: "ssh-sign-in/password-only",
            reads: [field],
            check: (values, report) => {
                const s = signIn(values);
                if (s?.password !== undefined && s[key.name] === undefined)
                    report(
                        field,
                        `signs in with a password only; passwords can be brute-forced, ${aKey} is safer (the Studio's recommendation)`,
                    );
            },
        },
    };
}
