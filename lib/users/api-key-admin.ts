import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { API_KEY_SCOPES } from "@/lib/auth/api-keys";
import { notFound, badRequest } from "@/lib/errors";
import { audit } from "@/lib/audit";

export const CreateKeySchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, "give at least one of ingest, read"),
  team: z.string().min(1).nullable().optional(),
});

export async function listApiKeys() {
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
    revoked: k.revokedAt !== null,
  }));
}

export async function teamIdForSlug(slug: string | null | undefined): Promise<number | null> {
  if (!slug) return null;
  const team = await prisma().team.findUnique({ where: { slug } });
  if (!team) throw badRequest(`team: no team named "${slug}"`);
  return team.id;
}

export async function revokeApiKey(id: number, actor: string) {
  const key = await prisma().apiKey.findUnique({ where: { id } });
  if (!key) throw notFound(`API key ${id}`);
  await prisma().apiKey.update({ where: { id }, data: { revokedAt: key.revokedAt ?? new Date() } });
  await audit(actor, "api_key_revoked", key.prefix);
}
