import { strict as assert } from "node:assert";
import { checkSshRsaPublicKey } from "../../components/core/azure/sshKeys";
import {
    ED25519,
    PRIVATE_KEY_TEXT,
    RSA_1024,
    RSA_2048,
    RSA_4096,
    RSA_PREFIX_ED25519_BODY,
} from "../support/sshKeyFixtures";

const EXAMPLE = `"ssh-rsa AAAAB3NzaC1yc2E... user@host" (the contents of ~/.ssh/id_rsa.pub)`;
const body2048 = RSA_2048.split(" ")[1]!;

describe("checkSshRsaPublicKey", () => {
    const valid: [string, string][] = [
        ["a 2048-bit key with a comment", RSA_2048],
        ["a 4096-bit key", RSA_4096],
        ["a key without a comment", `ssh-rsa ${body2048}`],
        ["a key with a trailing newline, as read from a file", `${RSA_2048}\n`],
    ];
    for (const [title, key] of valid) {
        it(`accepts ${title}`, () => assert.deepEqual(checkSshRsaPublicKey(key), []));
    }

    const invalid: [string, string, string][] = [
        ["an ed25519 key", ED25519, `is an ssh-ed25519 key; Azure ML compute takes ssh-rsa keys only, e.g. ${EXAMPLE}`],
        [
            "an ssh-rsa prefix over an ed25519 body",
            RSA_PREFIX_ED25519_BODY,
            `the prefix says "ssh-rsa" but the key body holds ssh-ed25519; the prefix and body must come from the same key`,
        ],
        [
            "a 1024-bit key",
            RSA_1024,
            "is a 1024-bit RSA key; Azure needs at least 2048 bits (ssh-keygen -t rsa -b 4096)",
        ],
        ["a private key", PRIVATE_KEY_TEXT, `this is a private key; give the public key instead, e.g. ${EXAMPLE}`],
        ["a body that is not base64", "ssh-rsa not*base64 me@host", `the key body after "ssh-rsa" is not base64`],
        [
            "a truncated body",
            `ssh-rsa ${body2048.slice(0, 40)}`,
            "the key body is truncated or corrupt: it does not decode to an SSH public key",
        ],
        [
            "only a type",
            "ssh-rsa",
            `is not an OpenSSH public key: expected a key type, a base64 body and an optional comment, e.g. ${EXAMPLE}`,
        ],
        [
            "a bare base64 body",
            body2048,
            `is not an OpenSSH public key: expected a key type, a base64 body and an optional comment, e.g. ${EXAMPLE}`,
        ],
        [
            "words",
            "hello world",
            `does not start with a key type; Azure ML compute takes ssh-rsa keys only, e.g. ${EXAMPLE}`,
        ],
        ["two lines", `${RSA_2048}\n${RSA_4096}`, `must be a single line, e.g. ${EXAMPLE}`],
        [
            "an SSH2-format key",
            "---- BEGIN SSH2 PUBLIC KEY ----\nAAAA\n---- END SSH2 PUBLIC KEY ----",
            `is in the SSH2 (RFC 4716) format; convert it with "ssh-keygen -i -f <file>" to the OpenSSH form, e.g. ${EXAMPLE}`,
        ],
    ];
    for (const [title, key, message] of invalid) {
        it(`rejects ${title}`, () => assert.deepEqual(checkSshRsaPublicKey(key), [message]));
    }

    it("never echoes the key body", () => {
        for (const [, key] of invalid) {
            const body = key.split(/\s+/)[1];
            for (const m of checkSshRsaPublicKey(key)) if (body && body.length > 8) assert.ok(!m.includes(body), m);
        }
    });
});
