import { withAuth } from "@/lib/api/with-auth";
import { forbidden } from "@/lib/errors";
import { ChangePasswordSchema, changeOwnPassword } from "@/lib/users/change-password";

// POST /api/v1/account/password - change the signed-in user's own password
export const POST = withAuth("read", async ({ req, principal }) => {
  if (principal.kind !== "user") throw forbidden("API keys have no password");
  await changeOwnPassword(principal.id, ChangePasswordSchema.parse(await req.json()));
  return Response.json({ ok: true });
});
