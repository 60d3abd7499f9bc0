import { isIP } from "node:net";

/**
 * Which kind of internal address an IP is, or null for an ordinary public address. Webhooks must not reach these
 * (SSRF): a budget manager could otherwise make the server POST to its own admin ports, the database host or
 * the cloud metadata service (169.254.169.254, fd00:ec2::254).
 */
export type InternalKind = "loopback" | "private" | "link-local" | "metadata" | "unspecified" | "multicast" | "reserved";

type Range = [base: bigint, bits: number, kind: InternalKind];

const V4_RANGES: [string, number, InternalKind][] = [
  ["169.254.169.254", 32, "metadata"], // AWS, GCP, Azure, OpenStack
  ["100.100.100.200", 32, "metadata"], // Alibaba Cloud
  ["0.0.0.0", 8, "unspecified"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "private"], // carrier-grade NAT, shared address space
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "reserved"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "reserved"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"], // includes 255.255.255.255
];

const V6_RANGES: [string, number, InternalKind][] = [
  ["fd00:ec2::254", 128, "metadata"], // AWS over IPv6
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["fc00::", 7, "private"], // unique local
  ["fe80::", 10, "link-local"],
  ["ff00::", 8, "multicast"],
];

const v4 = (ip: string): bigint => ip.split(".").reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);

/** An IPv6 text -> 128-bit number (handles "::" and a trailing dotted IPv4). */
function v6(ip: string): bigint {
  let text = ip.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = v4(dotted[1]);
    text = text.slice(0, dotted.index) + `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, null];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === null ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g || "0", 16)), 0n);
}

const compile = (ranges: [string, number, InternalKind][], parse: (s: string) => bigint, width: number): Range[] =>
  ranges.map(([ip, bits, kind]) => [parse(ip) >> BigInt(width - bits), bits, kind]);
const V4 = compile(V4_RANGES, v4, 32);
const V6 = compile(V6_RANGES, v6, 128);

function match(n: bigint, ranges: Range[], width: number): InternalKind | null {
  for (const [base, bits, kind] of ranges) if (n >> BigInt(width - bits) === base) return kind;
  return null;
}

export function internalKind(ip: string): InternalKind | null {
  const family = isIP(ip);
  if (family === 4) return match(v4(ip), V4, 32);
  if (family !== 6) return "reserved"; // not an IP at all: never connect to it
  const n = v6(ip);
  const embedded = n >> 32n;
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address.
  if (embedded === 0xffffn || (embedded === 0n && n > 1n) || embedded === 0x64ff9b0000000000000000n) {
    return match(n & 0xffffffffn, V4, 32);
  }
  return match(n, V6, 128);
}
