/**
 * Next.js calls register() once when a server process starts, and serves requests only after it returns.
 * 1. Warm-up (lib/bootstrap/warm-up.ts): the first what-if or dashboard request after a start costs what the next
 *    ones do (issue 17.3). Bounded (WARM_UP_WAIT_MS): a slow database delays the start by at most that much, the
 *    rest carries on in the background. Then, once the server answers, one render of the Overview page
 *    (lib/bootstrap/warm-pages.ts: a page's first server render cannot run before register() returns).
 *    RIGHTSIZE_WARM_UP=off skips both.
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
    // After register() has returned: Next.js serves only then. Not under bench:whatif (no server: no PORT).
    if (process.env.PORT) {
      setTimeout(() => {
        void warm
          .then(() => import("./lib/bootstrap/warm-pages"))
          .then(({ warmPages }) => warmPages())
          .then(
            (steps) => console.log(`Warm-up of pages: ${JSON.stringify(steps)}`),
            (error) => console.error("Warm-up of pages failed", error),
          );
      }, 0).unref();
    }
  }
  if (process.env.RIGHTSIZE_ALERTS === "off") return;
  const { startAlertScheduler } = await import("./lib/alerts/scheduler");
  startAlertScheduler();
}
