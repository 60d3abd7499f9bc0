import { z } from "zod";
import { ApiKeyListResponseSchema, CreateKeySchema, CreatedKeySchema } from "@/lib/users/api-key-schema";
import type { ApiOperation } from "./operation";

export const keyOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/keys",
    tag: "API keys",
    summary: "Every API key with its status (active, expired, revoked), expiry and last use; never the key itself",
    permission: "manage_users",
    response: ApiKeyListResponseSchema,
  },
  {
    method: "post",
    path: "/api/v1/keys",
    tag: "API keys",
    summary: "Create a key; the full key is in this answer only",
    description: "From `expiresAt` on, the key gets 401 with a message saying it expired.",
    permission: "manage_users",
    body: CreateKeySchema,
    response: CreatedKeySchema,
  },
  {
    method: "delete",
    path: "/api/v1/keys/{id}",
    tag: "API keys",
    summary: "Revoke a key: it stops working at once (401 saying it was revoked)",
    permission: "manage_users",
    response: z.object({ ok: z.literal(true) }),
  },
];
