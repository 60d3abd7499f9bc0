import "server-only";
import { pool } from "@/lib/db/pool";

/**
 * Slows down password guessing without letting a stranger lock a known user out.
 *
 * Every attempt is COUNTED BEFORE its password is checked, in one statement (an upsert that returns the new
 * counts), so a burst of parallel guesses cannot all read "no failures yet": each gets its own number, and those
 * past the limit are refused without a password check. A successful sign-in takes its own count back.
 *
 * Counters (15-minute window, kept in Postgres so they hold across restarts and processes):
 * - email + client address: after 3 failures each attempt waits 1 s, 2 s, 4 s... (at most 8 s); past 10 it is
 *   refused. A stranger elsewhere only locks their own pair, never the user's.
 * - email alone: refused past 100 (many addresses guessing one account; far above what a person mistypes).
 * - client address alone: refused past 100 (one address guessing many accounts).
 * The client address is the socket's, or X-Forwarded-For only with RIGHTSIZE_TRUST_PROXY=1 (client-address.ts).
 */
export const WINDOW_MS = 15 * 60 * 1000;
const FREE_ATTEMPTS = 3;
export const PAIR_LOCK_AFTER = 10;
export const EMAIL_LOCK_AFTER = 100;
export const ADDRESS_LOCK_AFTER = 100;

export interface ThrottleKeys {
  pair: string;
  email: string;
  address: string | null;
}

export function throttleKeys(email: string, address: string | null): ThrottleKeys {
  return { pair: `pair:${email}|${address ?? "unknown"}`, email: `email:${email}`, address: address ? `ip:${address}` : null };
}

const keyList = (k: ThrottleKeys) => [k.pair, k.email, ...(k.address ? [k.address] : [])];

export function delayFor(failuresBefore: number): number {
  return failuresBefore < FREE_ATTEMPTS ? 0 : Math.min(8000, 1000 * 2 ** (failuresBefore - FREE_ATTEMPTS));
}

export interface Admission {
  allowed: boolean;
  /** Wait this long before checking the password (deliberate: slows guessing). */
  delayMs: number;
}

/** Counts this attempt on every key (one statement) and says whether it may be checked at all. */
export async function countAttempt(keys: ThrottleKeys, now = new Date()): Promise<Admission> {
  const list = keyList(keys);
  const rows = await pool().query<{ key: string; failures: number }>(
    `INSERT INTO login_failures (key, failures, last_at) SELECT k, 1, $2 FROM unnest($1::text[]) AS k
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN login_failures.last_at > $3 THEN login_failures.failures + 1 ELSE 1 END,
       last_at = $2
     RETURNING key, failures`,
    [list, now, new Date(now.getTime() - WINDOW_MS)],
  );
  const count = (key: string | null) => rows.rows.find((r) => r.key === key)?.failures ?? 0;
  const pair = count(keys.pair);
  const allowed = pair <= PAIR_LOCK_AFTER && count(keys.email) <= EMAIL_LOCK_AFTER && count(keys.address) <= ADDRESS_LOCK_AFTER;
  return { allowed, delayMs: allowed ? delayFor(pair - 1) : 0 };
}

/** A successful sign-in: its pair starts over, and the attempt is taken back from the email and address counts. */
export async function attemptSucceeded(keys: ThrottleKeys): Promise<void> {
  await pool().query(`DELETE FROM login_failures WHERE key = $1`, [keys.pair]);
  await pool().query(`UPDATE login_failures SET failures = greatest(failures - 1, 0) WHERE key = ANY($1::text[])`, [
    [keys.email, ...(keys.address ? [keys.address] : [])],
  ]);
}
