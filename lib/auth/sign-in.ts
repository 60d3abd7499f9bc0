import "server-only";
import { prisma } from "@/lib/db/prisma";
import { verifyPassword } from "./password";
import { clearFailures, delayFor, failuresFor, isLockedOut, recordFailure } from "./throttle";

export const GENERIC_SIGN_IN_ERROR = "Invalid email or password";

/**
 * Checks an email/password pair. Returns the user or null; callers show one generic message either way, so a
 * caller cannot learn whether the email exists.
 */
export async function checkCredentials(email: string, password: string, clientAddress: string | null) {
  const normalised = email.trim().toLowerCase();
  const keys = [`email:${normalised}`, ...(clientAddress ? [`ip:${clientAddress}`] : [])];
  const failures = await failuresFor(keys);
  if (isLockedOut(failures)) return null;
  const delay = delayFor(failures);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay)); // deliberate: slows guessing

  const user = await prisma().user.findUnique({ where: { email: normalised } });
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok || user.disabledAt) {
    await recordFailure(keys);
    return null;
  }
  await clearFailures(keys);
  return user;
}
