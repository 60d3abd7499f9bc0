import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import { pool } from "@/lib/db/pool";
import { badRequest, unauthenticated } from "@/lib/errors";
import type { Principal } from "./principal";
import { keyRefusal } from "./api-key-expiry";

import { API_KEY_SCOPES, type ApiKeyScope } from "./api-key-scopes";
export { API_KEY_SCOPES, type ApiKeyScope };

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** "Last used" is kept to the minute: a gateway posting every second must not write the key row every second. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Creates a key. The full key is returned once; only its sha256 and a short prefix are stored. */
export async function createApiKey(opts: { name: string; scopes: ApiKeyScope[]; teamId?: number | null; createdById?: number | null; expiresAt?: Date | null }) {
  if (!opts.name.trim()) throw badRequest("name: must not be empty");
  if (opts.scopes.length === 0) throw badRequest("scope: give at least one of ingest, read");
  if (opts.expiresAt && opts.expiresAt <= new Date()) throw badRequest(`expiresAt: ${opts.expiresAt.toISOString()} is not in the future`);
  const prefix = `rs_${randomBytes(4).toString("hex")}`;
  const key = `${prefix}_${randomBytes(24).toString("base64url")}`;
  const record = await prisma().apiKey.create({
    data: { name: opts.name.trim(), prefix, hash: sha256(key), scopes: opts.scopes, teamId: opts.teamId ?? null, createdById: opts.createdById ?? null, expiresAt: opts.expiresAt ?? null },
  });
  return { key, record };
}

/**
 * Resolves `Authorization: Bearer <key>` to a principal; null for an unknown key. A revoked or expired key throws
 * 401 saying so, so the owner of a gateway knows to replace the key rather than hunt for a typo.
 */
export async function principalForApiKey(key: string): Promise<Principal | null> {
  // Plain SQL, not Prisma: every API and OTLP request starts here, and Prisma's query path showed as ~3% of the
  // ingest server's CPU profile (1,000-span OTLP requests), more than this one indexed lookup needs.
  const rows = await pool().query<KeyRecord>(
    `SELECT id, prefix, team_id AS "teamId", scopes, last_used_at AS "lastUsedAt", revoked_at AS "revokedAt", expires_at AS "expiresAt"
     FROM api_keys WHERE hash = $1`,
    [sha256(key)],
  );
  const record = rows.rows[0];
  if (!record) return null;
  const now = new Date();
  const refusal = keyRefusal(record, now);
  if (refusal) throw unauthenticated(refusal);
  // At most one write per key and minute, and no statement at all while the stored time is recent enough (most
  // requests of a busy gateway); conditional in SQL too, as concurrent requests read the same old time. Awaited so
  // "last used" is true when the answer arrives.
  if (record.lastUsedAt && now.getTime() - record.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return principalOf(record);
  await prisma().apiKey.updateMany({
    where: { id: record.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
    data: { lastUsedAt: now },
  });
  return principalOf(record);
}

interface KeyRecord {
  id: number;
  prefix: string;
  teamId: number | null;
  scopes: string[];
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
}

function principalOf(record: KeyRecord): Principal {
  return {
    kind: "api_key",
    id: record.id,
    label: `key ${record.prefix}`,
    role: "viewer",
    teamIds: record.teamId === null ? null : [record.teamId],
    scopes: record.scopes.filter((s): s is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(s)),
  };
}
