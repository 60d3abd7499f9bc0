import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import { badRequest } from "@/lib/errors";
import type { Principal } from "./principal";

export const API_KEY_SCOPES = ["ingest", "read"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Creates a key. The full key is returned once; only its sha256 and a short prefix are stored. */
export async function createApiKey(opts: { name: string; scopes: ApiKeyScope[]; teamId?: number | null; createdById?: number | null }) {
  if (!opts.name.trim()) throw badRequest("name: must not be empty");
  if (opts.scopes.length === 0) throw badRequest("scope: give at least one of ingest, read");
  const prefix = `rs_${randomBytes(4).toString("hex")}`;
  const key = `${prefix}_${randomBytes(24).toString("base64url")}`;
  const record = await prisma().apiKey.create({
    data: { name: opts.name.trim(), prefix, hash: sha256(key), scopes: opts.scopes, teamId: opts.teamId ?? null, createdById: opts.createdById ?? null },
  });
  return { key, record };
}

/** Resolves `Authorization: Bearer <key>` to a principal; null for unknown or revoked keys. */
export async function principalForApiKey(key: string): Promise<Principal | null> {
  const record = await prisma().apiKey.findUnique({ where: { hash: sha256(key) } });
  if (!record || record.revokedAt) return null;
  // Best effort: a failed timestamp update must not fail the request.
  prisma().apiKey.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  return {
    kind: "api_key",
    id: record.id,
    label: `key ${record.prefix}`,
    role: "viewer",
    teamIds: record.teamId === null ? null : [record.teamId],
    scopes: record.scopes.filter((s): s is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(s)),
  };
}
