import "server-only";
import { prisma } from "@/lib/db/prisma";

/**
 * Slows down password guessing: after 3 failures for an email (or client address) within 15 minutes, each further
 * attempt waits 1 s, 2 s, 4 s... (at most 8 s) before it is checked; past 10 failures the key is refused for the
 * rest of the window. Kept in Postgres so it holds across server restarts and processes.
 */
const WINDOW_MS = 15 * 60 * 1000;
const FREE_ATTEMPTS = 3;
const LOCK_AFTER = 10;

export async function failuresFor(keys: string[]): Promise<number> {
  const rows = await prisma().loginFailure.findMany({ where: { key: { in: keys }, lastAt: { gt: new Date(Date.now() - WINDOW_MS) } } });
  return Math.max(0, ...rows.map((r) => r.failures));
}

export function delayFor(failures: number): number {
  return failures < FREE_ATTEMPTS ? 0 : Math.min(8000, 1000 * 2 ** (failures - FREE_ATTEMPTS));
}

export const isLockedOut = (failures: number) => failures >= LOCK_AFTER;

export async function recordFailure(keys: string[]): Promise<void> {
  const now = new Date();
  for (const key of keys) {
    await prisma().$executeRaw`
      INSERT INTO login_failures (key, failures, last_at) VALUES (${key}, 1, ${now})
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_failures.last_at > ${new Date(now.getTime() - WINDOW_MS)} THEN login_failures.failures + 1 ELSE 1 END,
        last_at = ${now}`;
  }
}

export async function clearFailures(keys: string[]): Promise<void> {
  await prisma().loginFailure.deleteMany({ where: { key: { in: keys } } });
}
