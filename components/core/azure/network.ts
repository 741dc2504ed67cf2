/**
 * IPv4 addresses and CIDR ranges, for an AKS cluster's network settings (service CIDR, DNS service IP,
 * Docker bridge): parsed strictly, compared as 32-bit numbers.
 */
import { quote } from "../validation/suggest";

/** A CIDR as written (`172.17.0.1/16`: an address with a prefix) and the range it covers. */
export interface Cidr {
    readonly text: string;
    /** The address as written, host bits included. */
    readonly address: number;
    readonly prefix: number;
    /** The first address of the range (host bits cleared). */
    readonly first: number;
    /** The last address of the range. */
    readonly last: number;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** An IPv4 address as an unsigned 32-bit number, or undefined (no leading zeros, four octets). */
export function parseIpv4(text: string): number | undefined {
    const parts = text.split(".");
    if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return undefined;
    return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export function formatIpv4(n: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/** `10.0.0.0/16`, or undefined when not an IPv4 address with a prefix 0-32. */
export function parseCidr(text: string): Cidr | undefined {
    const match = /^([^/]+)\/(\d{1,2})$/.exec(text);
    if (!match) return undefined;
    const address = parseIpv4(match[1]!);
    const prefix = Number(match[2]);
    if (address === undefined || prefix > 32 || String(prefix) !== match[2]) return undefined;
    const size = 2 ** (32 - prefix);
    const first = address - (address % size);
    return { text, address, prefix, first, last: first + size - 1 };
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
    return ip >= cidr.first && ip <= cidr.last;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
    return a.first <= b.last && b.first <= a.last;
}

/** Problems with an IPv4 address. */
export function checkIpv4(text: string): string[] {
    return parseIpv4(text) === undefined ? [`${quote(text)} is not an IPv4 address such as "10.0.0.10"`] : [];
}

/**
 * Problems with a CIDR. `aligned`: the address must be the range's first (`10.0.0.0/16`, not `10.0.5.0/16`),
 * as a range (unlike the Docker bridge's gateway address with its prefix) is written.
 */
export function checkCidr(text: string, aligned: boolean): string[] {
    const cidr = parseCidr(text);
    if (cidr === undefined) return [`${quote(text)} is not an IPv4 CIDR range such as "10.0.0.0/16"`];
    if (aligned && cidr.address !== cidr.first) {
        return [
            `${quote(text)} has host bits set: the range it names starts at ${formatIpv4(cidr.first)}; write "${formatIpv4(cidr.first)}/${cidr.prefix}"`,
        ];
    }
    return [];
}

/** The network settings checked against each other, once each is well formed. */
export interface AksAddressing {
    readonly serviceCidr: string;
    readonly dnsServiceIp: string;
    readonly dockerBridgeCidr: string;
}

/**
 * The cross checks of AKS addressing (problems keyed by the field they are about): the DNS service IP is
 * inside the service range and is not its first address (the range's network address, or the address
 * AKS gives the Kubernetes API service); the Docker bridge range overlaps neither the service range nor
 * the DNS service IP. Assumes each value is well formed (see checkIpv4 / checkCidr).
 */
export function checkAksAddressing(values: AksAddressing): { field: keyof AksAddressing; message: string }[] {
    const service = parseCidr(values.serviceCidr);
    const dns = parseIpv4(values.dnsServiceIp);
    const bridge = parseCidr(values.dockerBridgeCidr);
    if (service === undefined || dns === undefined || bridge === undefined) return [];
    const problems: { field: keyof AksAddressing; message: string }[] = [];
    if (!cidrContains(service, dns)) {
        problems.push({
            field: "dnsServiceIp",
            message: `${values.dnsServiceIp} is outside serviceCidr ${values.serviceCidr}; pick an address inside it, e.g. ${formatIpv4(service.first + 10)}`,
        });
    } else if (dns === service.first || dns === service.first + 1) {
        problems.push({
            field: "dnsServiceIp",
            message: `${values.dnsServiceIp} is the ${dns === service.first ? "network address" : "first address"} of serviceCidr ${values.serviceCidr}, which AKS keeps for itself; use another, e.g. ${formatIpv4(service.first + 10)}`,
        });
    }
    if (cidrsOverlap(bridge, service)) {
        problems.push({
            field: "dockerBridgeCidr",
            message: `${values.dockerBridgeCidr} overlaps serviceCidr ${values.serviceCidr}; the Docker bridge needs a range of its own, e.g. "172.17.0.1/16"`,
        });
    } else if (cidrContains(bridge, dns)) {
        problems.push({
            field: "dockerBridgeCidr",
            message: `${values.dockerBridgeCidr} contains dnsServiceIp ${values.dnsServiceIp}`,
        });
    }
    return problems;
}
