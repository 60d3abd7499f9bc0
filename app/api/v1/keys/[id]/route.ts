import { withAuth } from "@/lib/api/with-auth";
import { idParam } from "@/lib/api/read-json";
import { revokeApiKey } from "@/lib/users/api-key-admin";

// DELETE /api/v1/keys/:id - revoke a key (it stops working at once)
export const DELETE = withAuth("manage_users", async ({ principal, params }) => {
  await revokeApiKey(idParam(params.id), `user:${principal.label}`);
  return Response.json({ ok: true });
});
