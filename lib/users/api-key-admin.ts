import "server-only";
import { prisma } from "@/lib/db/prisma";
import { notFound, badRequest } from "@/lib/errors";
import { audit } from "@/lib/audit";

export { CreateKeySchema } from "./api-key-schema";

/** Every key, newest first, with when it expires and was last used (to the minute); never the key itself. */
export async function listApiKeys(now = new Date()) {
  const keys = await prisma().apiKey.findMany({ orderBy: { createdAt: "desc" } });
  const teams = new Map((await prisma().team.findMany()).map((t) => [t.id, t.slug]));
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    team: k.teamId ? (teams.get(k.teamId) ?? null) : null,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    expiresAt: k.expiresAt?.toISOString() ?? null,
    revoked: k.revokedAt !== null,
    status: k.revokedAt ? ("revoked" as const) : k.expiresAt && k.expiresAt <= now ? ("expired" as const) : ("active" as const),
  }));
}

export async function teamIdForSlug(slug: string | null | undefined): Promise<number | null> {
  if (!slug) return null;
  const team = await prisma().team.findUnique({ where: { slug } });
  if (!team) throw badRequest(`team: no team named "${slug}"`);
  return team.id;
}

/** Revokes a key by id or by its prefix (`rs_1a2b3c4d`, as lists show it); it stops working at once. */
export async function revokeApiKey(idOrPrefix: number | string, actor: string) {
  const where = typeof idOrPrefix === "number" ? { id: idOrPrefix } : { prefix: idOrPrefix };
  const key = await prisma().apiKey.findUnique({ where });
  if (!key) throw notFound(`API key ${idOrPrefix}`);
  const id = key.id;
  await prisma().apiKey.update({ where: { id }, data: { revokedAt: key.revokedAt ?? new Date() } });
  await audit(actor, "api_key_revoked", key.prefix);
  return key;
}
