import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { badRequest } from "@/lib/errors";
import { audit } from "@/lib/audit";

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1, "enter your current password"),
  newPassword: z.string().min(8, "must be at least 8 characters"),
});

/** A signed-in user changes their own password; the current one must be given (a stolen session is not enough). */
export async function changeOwnPassword(userId: number, input: z.infer<typeof ChangePasswordSchema>) {
  const user = await prisma().user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.passwordHash) throw badRequest("currentPassword: this account signs in with single sign-on and has no password");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw badRequest("currentPassword: not your current password");
  await prisma().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.newPassword), sessionVersion: { increment: 1 } } });
  await audit(`user:${user.email}`, "password_changed", user.email);
}
