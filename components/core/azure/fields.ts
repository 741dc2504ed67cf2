/**
 * Field schemas and rules that several components share, so a rule (a compute name, a VM size, a subnet
 * id, a duration) is written once and reads the same in every component and in stack config.
 */
import { z } from "zod";
import { checkDuration, DurationInput } from "./durations";
import { checkInferenceOrAttachedName, checkInstanceOrClusterName } from "./names";
import { checkResourceId, ExpectedType, SUBNET } from "./resourceIds";
import { checkedString, choice, FREE_TEXT_MAX, tagsSchema, text, withCode } from "../validation/schema";
import { checkSshRsaPublicKey, SSH_KEY_MAX_LENGTH } from "./sshKeys";
import { Report } from "../validation/validate";
import { checkVmSize, lookupVmSize, VmType, vmTypeMismatch } from "./vmSizes";

// Long enough that the rule's own length message (which says what is allowed) is the one a user sees.
const ID_MAX = 2048;

/** A compute instance or compute cluster name (3 to 24 characters). */
export const instanceOrClusterName = checkedString(checkInstanceOrClusterName, ID_MAX, "name/invalid");
/** An inference cluster or attached compute name (3 to 16 characters). */
export const inferenceOrAttachedName = checkedString(checkInferenceOrAttachedName, ID_MAX, "name/invalid");

/**
 * An Azure VM size name. Whether it is retired is a rule of its own (`checkRetiredVmSize`): a compute
 * that already exists may have a retired size, and adopting it must not be refused.
 */
export const vmSize = checkedString(
    (size) => {
        const check = checkVmSize(size, undefined);
        return check.errors.filter((e) => e !== check.retired);
    },
    ID_MAX,
    "vm-size/invalid",
);
/** `"CPU"` or `"GPU"`. */
export const vmType = choice(VmType);

/** An ARM resource id of one of the given kinds; `what` names them in words ("a subnet"). */
export function resourceId(expected: ExpectedType | readonly ExpectedType[], what: string) {
    return checkedString((id) => checkResourceId(id, expected, what), ID_MAX, "resource-id/invalid");
}
/** A virtual network subnet id. */
export const subnetId = resourceId(SUBNET, "a subnet");

/** An OpenSSH `ssh-rsa` public key. */
export const sshRsaPublicKey = checkedString(checkSshRsaPublicKey, SSH_KEY_MAX_LENGTH, "ssh-key/invalid");

/** Free text such as a description. */
export const description = text(FREE_TEXT_MAX);
/** Azure resource tags. */
export const tags = tagsSchema;

/** A duration as seconds or an ISO 8601 string, within inclusive bounds in seconds. */
export function duration(bounds: { readonly min: number; readonly max: number }) {
    return z
        .union([z.number(), z.string()], {
            error: 'must be a number of seconds or an ISO 8601 duration such as "PT2M"',
        })
        .superRefine((value: DurationInput, ctx) => {
            for (const message of checkDuration(value, bounds))
                ctx.addIssue({ code: "custom", message, ...withCode("duration/invalid") });
        });
}

/** Reports a `vmType` that disagrees with a known `vmSize`, naming both fields. */
export function checkVmTypeAgreement(size: string, type: VmType | undefined, report: Report): void {
    const facts = lookupVmSize(size);
    const mismatch = facts && vmTypeMismatch(facts, type);
    if (mismatch !== undefined) report(["vmType", "vmSize"], mismatch);
}

/** Refuses a retired size, except on a compute being adopted (`warnAboutVmSize` warns then). */
export function checkRetiredVmSize(size: string | undefined, adopt: boolean | undefined, report: Report): void {
    const retired = size === undefined || adopt === true ? undefined : checkVmSize(size, undefined).retired;
    if (retired !== undefined) report("vmSize", retired);
}

/**
 * Warns about a size that retires soon or that the library can't read, and about the retired size of a
 * compute being adopted (it keeps running, but Azure can't create or scale nodes of that size).
 */
export function warnAboutVmSize(size: string | undefined, adopt: boolean | undefined, report: Report): void {
    if (size === undefined) return;
    const check = checkVmSize(size, undefined);
    for (const warning of check.warnings) report("vmSize", warning);
    if (check.retired !== undefined && adopt === true) {
        report(
            "vmSize",
            `${check.retired}. The adopted compute keeps it, since the import must declare what exists; replacing the compute with a current size is a change after the import`,
        );
    }
}
