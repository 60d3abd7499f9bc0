import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import { hashPassword } from "@/lib/auth/password";

/**
 * Creates the first admin when the database has no admin yet. Without RIGHTSIZE_ADMIN_PASSWORD a password is
 * generated and returned so the caller prints it once.
 */
export async function ensureAdmin(email: string, password?: string): Promise<{ created: boolean; email: string; generatedPassword?: string }> {
  const admins = await prisma().user.count({ where: { role: "admin" } });
  if (admins > 0) return { created: false, email };
  const generated = password ? undefined : randomBytes(12).toString("base64url");
  await prisma().user.create({
    data: { email: email.toLowerCase(), name: "Administrator", role: "admin", passwordHash: await hashPassword(password ?? generated!) },
  });
  return { created: true, email, generatedPassword: generated };
}
