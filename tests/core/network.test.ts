import { strict as assert } from "node:assert";
import {
    checkAksAddressing,
    checkCidr,
    checkIpv4,
    formatIpv4,
    parseCidr,
    parseIpv4,
} from "../../components/core/azure/network";

describe("core/network", () => {
    const addresses: [string, number | undefined][] = [
        ["10.0.0.10", 167772170],
        ["0.0.0.0", 0],
        ["255.255.255.255", 4294967295],
        ["10.0.0", undefined],
        ["10.0.0.256", undefined],
        ["10.0.0.01", undefined],
        ["10.0.0.1/16", undefined],
        [" 10.0.0.1", undefined],
    ];
    for (const [text, value] of addresses) {
        it(`parseIpv4(${JSON.stringify(text)}) = ${value}`, () => assert.equal(parseIpv4(text), value));
    }

    it("formats addresses back", () => assert.equal(formatIpv4(167772170), "10.0.0.10"));

    it("reads a CIDR with host bits (the Docker bridge form) as its range", () => {
        const cidr = parseCidr("172.17.0.1/16")!;
        assert.deepEqual(
            [formatIpv4(cidr.first), formatIpv4(cidr.last), cidr.prefix],
            ["172.17.0.0", "172.17.255.255", 16],
        );
    });

    const cidrs: [string, boolean, string[]][] = [
        ["10.0.0.0/16", true, []],
        ["172.17.0.1/16", false, []],
        [
            "172.17.0.1/16",
            true,
            ['"172.17.0.1/16" has host bits set: the range it names starts at 172.17.0.0; write "172.17.0.0/16"'],
        ],
        ["10.0.0.0/33", true, ['"10.0.0.0/33" is not an IPv4 CIDR range such as "10.0.0.0/16"']],
        ["10.0.0.0", true, ['"10.0.0.0" is not an IPv4 CIDR range such as "10.0.0.0/16"']],
        ["10.0.0.0/016", true, ['"10.0.0.0/016" is not an IPv4 CIDR range such as "10.0.0.0/16"']],
    ];
    for (const [text, aligned, messages] of cidrs) {
        it(`checkCidr(${JSON.stringify(text)}, aligned ${aligned})`, () =>
            assert.deepEqual(checkCidr(text, aligned), messages));
    }

    it("checks an address", () => {
        assert.deepEqual(checkIpv4("10.0.0.10"), []);
        assert.deepEqual(checkIpv4("10.0.0.300"), ['"10.0.0.300" is not an IPv4 address such as "10.0.0.10"']);
    });

    const addressing: [string, [string, string, string], string[]][] = [
        ["the AKS defaults", ["10.0.0.0/16", "10.0.0.10", "172.17.0.1/16"], []],
        [
            "a DNS IP outside the service range",
            ["10.0.0.0/16", "10.1.0.10", "172.17.0.1/16"],
            ["dnsServiceIp: 10.1.0.10 is outside serviceCidr 10.0.0.0/16; pick an address inside it, e.g. 10.0.0.10"],
        ],
        [
            "the DNS IP on the network address",
            ["10.0.0.0/16", "10.0.0.0", "172.17.0.1/16"],
            [
                "dnsServiceIp: 10.0.0.0 is the network address of serviceCidr 10.0.0.0/16, which AKS keeps for itself; use another, e.g. 10.0.0.10",
            ],
        ],
        [
            "the DNS IP on the first address",
            ["10.0.0.0/16", "10.0.0.1", "172.17.0.1/16"],
            [
                "dnsServiceIp: 10.0.0.1 is the first address of serviceCidr 10.0.0.0/16, which AKS keeps for itself; use another, e.g. 10.0.0.10",
            ],
        ],
        [
            "a bridge overlapping the service range",
            ["10.0.0.0/16", "10.0.0.10", "10.0.128.1/17"],
            [
                'dockerBridgeCidr: 10.0.128.1/17 overlaps serviceCidr 10.0.0.0/16; the Docker bridge needs a range of its own, e.g. "172.17.0.1/16"',
            ],
        ],
        ["a bridge just past the service range", ["10.0.0.0/16", "10.0.0.10", "10.1.0.1/16"], []],
        [
            "a bridge containing the DNS IP outside the service range",
            ["10.0.0.0/16", "172.17.0.10", "172.17.0.1/16"],
            [
                "dnsServiceIp: 172.17.0.10 is outside serviceCidr 10.0.0.0/16; pick an address inside it, e.g. 10.0.0.10",
                "dockerBridgeCidr: 172.17.0.1/16 contains dnsServiceIp 172.17.0.10",
            ],
        ],
    ];
    for (const [title, [serviceCidr, dnsServiceIp, dockerBridgeCidr], messages] of addressing) {
        it(`checkAksAddressing: ${title}`, () =>
            assert.deepEqual(
                checkAksAddressing({ serviceCidr, dnsServiceIp, dockerBridgeCidr }).map(
                    (p) => `${p.field}: ${p.message}`,
                ),
                messages,
            ));
    }
});
