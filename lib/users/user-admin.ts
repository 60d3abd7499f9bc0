import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { ROLES } from "@/lib/auth/roles";
import { badRequest, notFound } from "@/lib/errors";
import { audit } from "@/lib/audit";

export const UpdateUserSchema = z.object({
  role: z.enum(ROLES).optional(),
  teams: z.array(z.string()).optional(),
  disabled: z.boolean().optional(),
});

export async function listUsers() {
  const users = await prisma().user.findMany({ orderBy: { email: "asc" }, include: { teams: { include: { team: true } } } });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    teams: u.teams.map((t) => t.team.slug),
    disabled: u.disabledAt !== null,
    /** signs in with single sign-on (an IdP identity is linked) */
    sso: u.ssoSubject !== null,
    /** role and teams come from the IdP's groups at every sign-in; Settings shows "managed by SSO" */
    ssoManaged: u.ssoManaged,
    createdAt: u.createdAt.toISOString(),
  }));
}

export async function updateUser(id: number, input: z.infer<typeof UpdateUserSchema>, actor: { id: number; label: string }) {
  const user = await prisma().user.findUnique({ where: { id } });
  if (!user) throw notFound(`user ${id}`);
  // The IdP's groups would overwrite the change at the next sign-in; disabling stays possible (an emergency stop
  // that single sign-on respects).
  if (user.ssoManaged && (input.role !== undefined || input.teams !== undefined)) {
    throw badRequest(`${input.role !== undefined ? "role" : "teams"}: ${user.email} is managed by SSO; change their groups in the identity provider`);
  }
  if (id === actor.id && (input.disabled || (input.role && input.role !== "admin"))) {
    throw badRequest("you cannot disable yourself or drop your own admin role");
  }
  let teamIds: number[] | undefined;
  if (input.teams) {
    const teams = await prisma().team.findMany({ where: { slug: { in: input.teams } } });
    const missing = input.teams.filter((s) => !teams.some((t) => t.slug === s));
    if (missing.length) throw badRequest(`teams: no team named ${missing.join(", ")}`);
    teamIds = teams.map((t) => t.id);
  }
  await prisma().$transaction(async (tx) => {
    await tx.user.update({
      where: { id },
      data: {
        role: input.role,
        disabledAt: input.disabled === undefined ? undefined : input.disabled ? new Date() : null,
        // Disabling ends the user's sessions for good (re-enabling does not bring the old ones back).
        sessionVersion: input.disabled ? { increment: 1 } : undefined,
      },
    });
    if (teamIds) {
      await tx.userTeam.deleteMany({ where: { userId: id } });
      await tx.userTeam.createMany({ data: teamIds.map((teamId) => ({ userId: id, teamId })) });
    }
  });
  await audit(`user:${actor.label}`, "user_updated", user.email, input);
}
