import { withAuth } from "@/lib/api/with-auth";
import { readJson } from "@/lib/api/read-json";
import { forbidden } from "@/lib/errors";
import { ChangePasswordSchema, changeOwnPassword } from "@/lib/users/change-password";

// POST /api/v1/account/password - change the signed-in user's own password
export const POST = withAuth("read", async ({ req, principal }) => {
  if (principal.kind !== "user") throw forbidden("API keys have no password");
  await changeOwnPassword(principal.id, await readJson(req, ChangePasswordSchema));
  return Response.json({ ok: true });
});
