import { withAuth } from "@/lib/api/with-auth";
import { readJson } from "@/lib/api/read-json";
import { createApiKey } from "@/lib/auth/api-keys";
import { CreateKeySchema, listApiKeys, teamIdForSlug } from "@/lib/users/api-key-admin";
import { audit } from "@/lib/audit";

export const dynamic = "force-dynamic";

// GET /api/v1/keys - list API keys (never the keys themselves)
export const GET = withAuth("manage_users", async () => Response.json({ keys: await listApiKeys() }));

// POST /api/v1/keys - create a key {name, scopes, team?, expiresAt?}; the full key is in this answer only
export const POST = withAuth("manage_users", async ({ req, principal }) => {
  const input = await readJson(req, CreateKeySchema);
  const { key, record } = await createApiKey({ name: input.name, scopes: input.scopes, teamId: await teamIdForSlug(input.team), expiresAt: input.expiresAt ?? null, createdById: principal.kind === "user" ? principal.id : null });
  await audit(`user:${principal.label}`, "api_key_created", record.prefix, { name: input.name, scopes: input.scopes, expiresAt: input.expiresAt?.toISOString() ?? null });
  return Response.json({ id: record.id, key, prefix: record.prefix }, { status: 201 });
});
