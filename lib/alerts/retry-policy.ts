/**
 * Webhook retries: exponential backoff from `baseMs`, doubling per failed attempt up to `maxDelayMs`, giving up
 * (status "failed", visible in the alert history) after `maxAttempts` attempts. The defaults retry for about an
 * hour: 30s, 1m, 2m, 4m, 8m, 16m, 32m.
 */
export interface RetryPolicy {
  baseMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 30_000, maxDelayMs: 6 * 3_600_000, maxAttempts: 8 };

/** Delay before the next attempt after `attempts` failed attempts (1 = the first failed). */
export function backoffDelayMs(attempts: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.min(exponent, 30));
}

/** After a failed attempt: when to try again, or null to give up. */
export function nextAttemptAt(attempts: number, now: Date, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  return new Date(now.getTime() + backoffDelayMs(attempts, policy));
}
