import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { hashPassword } from "@/lib/auth/password";
import { ROLES, type RoleName } from "@/lib/auth/roles";
import { AppError, badRequest } from "@/lib/errors";
import { audit } from "@/lib/audit";

export const CreateUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("must be an email address"),
  password: z.string().min(8, "must be at least 8 characters"),
  role: z.enum(ROLES),
  teams: z.array(z.string()).default([]),
});

/** Creates a user with a bcrypt-hashed password; a lead is linked to the teams (by slug) they will see. */
export async function createUser(input: { email: string; password: string; role: RoleName; teams?: string[]; actor: string }) {
  const data = CreateUserSchema.parse(input);
  const teams = await prisma().team.findMany({ where: { slug: { in: data.teams } } });
  const missing = data.teams.filter((slug) => !teams.some((t) => t.slug === slug));
  if (missing.length) throw badRequest(`team: no team named ${missing.map((m) => `"${m}"`).join(", ")}`);
  if (await prisma().user.findUnique({ where: { email: data.email } })) throw new AppError("conflict", `email: a user ${data.email} already exists`);
  const user = await prisma().user.create({
    data: {
      email: data.email,
      role: data.role,
      passwordHash: await hashPassword(data.password),
      teams: { create: teams.map((t) => ({ teamId: t.id })) },
    },
  });
  await audit(input.actor, "user_created", data.email, { role: data.role, teams: data.teams });
  return user;
}
