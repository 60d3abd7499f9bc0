/**
 * Next.js calls register() once when a server process starts, and serves requests only after it returns.
 * 1. Warm-up (lib/bootstrap/warm-up.ts): the first what-if or dashboard request after a start costs what the next
 *    ones do (issue 17.3). Bounded (WARM_UP_WAIT_MS): a slow database delays the start by at most that much, the
 *    rest carries on in the background. RIGHTSIZE_WARM_UP=off skips it.
 * 2. Budget alerts need a clock: the scheduler evaluates budgets and anomalies every minute and sends due webhooks
 *    (lib/alerts/scheduler.ts). RIGHTSIZE_ALERTS=off runs a server without it.
 * Node runtime only.
 */
const WARM_UP_WAIT_MS = 15_000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.RIGHTSIZE_WARM_UP !== "off") {
    const { warmUp } = await import("./lib/bootstrap/warm-up");
    const warm = warmUp().then(
      (r) => console.log(`Warm-up done in ${r.ms} ms: ${JSON.stringify(r.steps)}`),
      (error) => console.error("Warm-up failed", error),
    );
    await Promise.race([warm, new Promise((resolve) => setTimeout(resolve, WARM_UP_WAIT_MS).unref())]);
  }
  if (process.env.RIGHTSIZE_ALERTS === "off") return;
  const { startAlertScheduler } = await import("./lib/alerts/scheduler");
  startAlertScheduler();
}
