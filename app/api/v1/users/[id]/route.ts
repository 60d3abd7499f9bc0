import { withAuth } from "@/lib/api/with-auth";
import { idParam, readJson } from "@/lib/api/read-json";
import { UpdateUserSchema, updateUser } from "@/lib/users/user-admin";

// PATCH /api/v1/users/:id - change role, teams or disable a user (admins)
export const PATCH = withAuth("manage_users", async ({ req, principal, params }) => {
  await updateUser(idParam(params.id), await readJson(req, UpdateUserSchema), principal);
  return Response.json({ ok: true });
});
