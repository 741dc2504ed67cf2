/**
 * SSH public keys for compute admins and instances. Azure documents `ssh-rsa` as the key type for
 * compute admin keys (`adminUserSshPublicKey`, `adminPublicKey`), and its VM agent needs RSA keys of
 * at least 2048 bits. A key is checked the way `ssh-keygen -l` reads it: the OpenSSH one-line form
 * `ssh-rsa <base64 body> [comment]`, whose body starts with its own copy of the key type.
 *
 * Messages never echo the key body: a user who pasted the wrong file may have pasted a private key.
 */

/** The one key type Azure ML takes for compute admin keys. */
export const SSH_KEY_TYPE = "ssh-rsa";
/** Smallest RSA modulus Azure accepts for Linux VM keys, in bits. */
export const MIN_RSA_BITS = 2048;
/** An OpenSSH public key line longer than this is not a key (a 16384-bit RSA key is about 2.8 kB). */
export const SSH_KEY_MAX_LENGTH = 8192;

const EXAMPLE = `"ssh-rsa AAAAB3NzaC1yc2E... user@host" (the contents of ~/.ssh/id_rsa.pub)`;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const KNOWN_TYPE = /^(ssh-[a-z0-9]+|ecdsa-sha2-[a-z0-9]+|sk-[a-z0-9@.-]+)$/;

/** Reads the SSH wire format: uint32 big-endian lengths, each followed by that many bytes. */
function readFields(body: Buffer): Buffer[] | undefined {
    const fields: Buffer[] = [];
    let at = 0;
    while (at < body.length) {
        if (at + 4 > body.length) return undefined;
        const length = body.readUInt32BE(at);
        at += 4;
        if (at + length > body.length) return undefined;
        fields.push(body.subarray(at, at + length));
        at += length;
    }
    return fields;
}

/** Bits in an unsigned big-endian integer as SSH stores it (a leading zero byte keeps it positive). */
function bitLength(mpint: Buffer): number {
    let i = 0;
    while (i < mpint.length && mpint[i] === 0) i++;
    if (i === mpint.length) return 0;
    return (mpint.length - i - 1) * 8 + (32 - Math.clz32(mpint[i]!));
}

/**
 * Checks an OpenSSH `ssh-rsa` public key line. Returns its problems (empty when valid): a private key
 * pasted by mistake, another key type, a body that is not base64, a body whose embedded type is not
 * the one its prefix names, a truncated body, an RSA modulus under 2048 bits.
 */
export function checkSshRsaPublicKey(key: string): string[] {
    const trimmed = key.trim();
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(trimmed)) {
        return [`this is a private key; give the public key instead, e.g. ${EXAMPLE}`];
    }
    if (trimmed.startsWith("---- BEGIN SSH2 PUBLIC KEY")) {
        return [
            `is in the SSH2 (RFC 4716) format; convert it with "ssh-keygen -i -f <file>" to the OpenSSH form, e.g. ${EXAMPLE}`,
        ];
    }
    if (/[\r\n]/.test(trimmed)) {
        return [`must be a single line, e.g. ${EXAMPLE}`];
    }
    const [type, body] = trimmed.split(/\s+/);
    if (type === undefined || body === undefined) {
        return [
            `is not an OpenSSH public key: expected a key type, a base64 body and an optional comment, e.g. ${EXAMPLE}`,
        ];
    }
    if (type !== SSH_KEY_TYPE) {
        const what = KNOWN_TYPE.test(type) ? `is an ${type} key` : "does not start with a key type";
        return [`${what}; Azure ML compute takes ${SSH_KEY_TYPE} keys only, e.g. ${EXAMPLE}`];
    }
    if (!BASE64.test(body) || body.length % 4 !== 0) {
        return [`the key body after "${SSH_KEY_TYPE}" is not base64`];
    }
    const fields = readFields(Buffer.from(body, "base64"));
    if (fields === undefined || fields.length === 0) {
        return [`the key body is truncated or corrupt: it does not decode to an SSH public key`];
    }
    const embedded = fields[0]!.toString("latin1");
    if (embedded !== SSH_KEY_TYPE) {
        const shown = KNOWN_TYPE.test(embedded) ? embedded : "no known key type";
        return [
            `the prefix says "${SSH_KEY_TYPE}" but the key body holds ${shown}; the prefix and body must come from the same key`,
        ];
    }
    // ssh-rsa: string "ssh-rsa", mpint e, mpint n.
    if (fields.length !== 3) {
        return [`the key body is truncated or corrupt: an ${SSH_KEY_TYPE} key holds an exponent and a modulus`];
    }
    const bits = bitLength(fields[2]!);
    if (bits < MIN_RSA_BITS) {
        return [`is a ${bits}-bit RSA key; Azure needs at least ${MIN_RSA_BITS} bits (ssh-keygen -t rsa -b 4096)`];
    }
    return [];
}
