import { z } from "zod";
import { API_KEY_SCOPES } from "@/lib/auth/api-key-scopes";
import { KeyExpirySchema } from "@/lib/auth/api-key-expiry";

/** Body of POST /api/v1/keys (also documented in lib/api/openapi/keys.ts). */
export const CreateKeySchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, "give at least one of ingest, read"),
  team: z.string().min(1).nullable().optional().describe("team slug: the key reads and writes only that team's data"),
  expiresAt: KeyExpirySchema.nullable().optional().describe("2027-01-31 (the key stops working when that UTC day begins) or an ISO date-time"),
});

export const CreatedKeySchema = z.object({ id: z.number().int(), key: z.string().describe("shown in this answer only"), prefix: z.string() });

/** One row of GET /api/v1/keys: never the key itself. */
export const ApiKeyRowSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  team: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable().describe("last use, to the minute"),
  expiresAt: z.string().nullable(),
  revoked: z.boolean(),
  status: z.enum(["active", "expired", "revoked"]),
});
export const ApiKeyListResponseSchema = z.object({ keys: z.array(ApiKeyRowSchema) });
