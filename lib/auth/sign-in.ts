import "server-only";
import { prisma } from "@/lib/db/prisma";
import { verifyPassword } from "./password";
import { attemptSucceeded, countAttempt, throttleKeys } from "./throttle";

export const GENERIC_SIGN_IN_ERROR = "Invalid email or password";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks an email/password pair. Returns the user or null; callers show one generic message either way, so a
 * caller cannot learn whether the email exists or is throttled. The attempt is counted before the password is
 * checked (throttle.ts). `wait` is the deliberate delay (tests pass one that records instead of sleeping).
 */
export async function checkCredentials(email: string, password: string, clientAddress: string | null, wait: (ms: number) => Promise<void> = sleep) {
  const normalised = email.trim().toLowerCase();
  const keys = throttleKeys(normalised, clientAddress);
  const admission = await countAttempt(keys);
  if (!admission.allowed) return null;
  if (admission.delayMs > 0) await wait(admission.delayMs);

  const user = await prisma().user.findUnique({ where: { email: normalised } });
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok || user.disabledAt) return null;
  await attemptSucceeded(keys);
  return user;
}
