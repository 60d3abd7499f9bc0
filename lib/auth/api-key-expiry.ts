import { z } from "zod";

/**
 * An API key's expiry as people write it: a date `2027-01-31` (the key stops working when that UTC day begins)
 * or an ISO date-time with offset. Shared by the API (zod) and `rightsize keys create --expires`.
 */
export const KeyExpirySchema = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { message: "must be a date (YYYY-MM-DD) or an ISO date-time" })
  .transform((text) => new Date(text.length === 10 ? `${text}T00:00:00Z` : text));

/** Why a key that exists is refused, or null if it works at `now`. */
export function keyRefusal(key: { prefix: string; revokedAt: Date | null; expiresAt: Date | null }, now: Date): string | null {
  if (key.revokedAt) return `API key ${key.prefix} was revoked on ${key.revokedAt.toISOString()}`;
  if (key.expiresAt && key.expiresAt <= now) return `API key ${key.prefix} expired on ${key.expiresAt.toISOString()}; create a new key (Settings > API keys or rightsize keys create)`;
  return null;
}
