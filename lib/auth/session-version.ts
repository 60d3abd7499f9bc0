import "server-only";
import { prisma } from "@/lib/db/prisma";

/**
 * Sessions are JWTs, so ending one means refusing it: each carries the user's session_version from sign-in
 * (`sv`), and a password change or disabling the user bumps the version, so every older token stops working
 * (principal.ts compares them). Tokens from before this column existed carry none and count as version 0.
 */
export async function sessionVersionOf(userId: number): Promise<number> {
  const user = await prisma().user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? 0;
}
