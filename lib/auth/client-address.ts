/**
 * The address a sign-in attempt comes from, for throttling (throttle.ts).
 * - RIGHTSIZE_TRUST_PROXY=1 (behind a reverse proxy): the LAST X-Forwarded-For entry, i.e. the address your
 *   proxy saw (entries before it were sent by the client and prove nothing).
 * - otherwise X-Forwarded-For is ignored whatever it says: a client could send a fresh one with every guess. The
 *   address is then the socket's, which `npm start` passes in PEER_HEADER (scripts/peer-address.cjs overwrites
 *   whatever a client sent under that name). Without it (e.g. `next dev`) the address is unknown (null).
 */
export const PEER_HEADER = "x-rightsize-peer-address";

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(n: string): string | null }).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value.at(-1) ?? null) : (value ?? null);
}

export function clientAddress(headers: HeaderSource, trustProxy = process.env.RIGHTSIZE_TRUST_PROXY === "1"): string | null {
  if (trustProxy) {
    const last = header(headers, "x-forwarded-for")?.split(",").at(-1)?.trim();
    if (last) return last;
  }
  return header(headers, PEER_HEADER)?.trim() || null;
}
