import { withAuth } from "@/lib/api/with-auth";
import { readJson } from "@/lib/api/read-json";
import { createUser, CreateUserSchema } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/user-admin";

export const dynamic = "force-dynamic";

// GET /api/v1/users - list users (admins)
export const GET = withAuth("manage_users", async () => Response.json({ users: await listUsers() }));

// POST /api/v1/users - create a user {email, password, role, teams}
export const POST = withAuth("manage_users", async ({ req, principal }) => {
  const input = await readJson(req, CreateUserSchema);
  const user = await createUser({ ...input, actor: `user:${principal.label}` });
  return Response.json({ id: user.id, email: user.email, role: user.role }, { status: 201 });
});
