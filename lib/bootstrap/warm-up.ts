import "server-only";
import { principalForUser, type Principal } from "@/lib/auth/principal";
import { principalForApiKey } from "@/lib/auth/api-keys";
import { prisma } from "@/lib/db/prisma";
import { pool } from "@/lib/db/pool";
import { catalogueModels, resolveModel } from "@/lib/pricing/catalogue";
import { presetRange } from "@/lib/analytics/date-range";
import { addDays, todayUtc } from "@/lib/analytics/dates";
import { queryOverview } from "@/lib/analytics/overview";
import { querySeries } from "@/lib/analytics/series";
import { querySpend } from "@/lib/analytics/spend";
import { WhatIfRequestSchema } from "@/lib/whatif/schema";
import { runScenario } from "@/lib/whatif/server/run-scenario";

/**
 * Start-up warm-up (issue 17.3), run by instrumentation.ts before the server takes requests, so the first what-if
 * or dashboard request costs what the following ones do. What a first request otherwise pays once: the Prisma
 * client's first query (its query compiler loads), new database connections, the price catalogue's per-model
 * index and rate periods (built lazily on first look-up), the first plans and cold pages of the roll-up reads,
 * and V8 compiling the code that prices and sums call groups. Each step runs the real code path once, for all
 * teams, and its result is dropped; a failure (an empty or unmigrated database) only ends that step.
 * RIGHTSIZE_WARM_UP=off skips it.
 */
const WARM_UP_PRINCIPAL: Principal = { kind: "user", id: 0, label: "warm-up", role: "admin", teamIds: null, scopes: ["read"] };
/** The pool's connections opened up front: the Overview's five reads run in parallel. */
const CONNECTIONS = 5;

export interface WarmUpReport {
  ms: number;
  steps: Record<string, number | string>;
}

export async function warmUp(now = new Date()): Promise<WarmUpReport> {
  const started = performance.now();
  const steps: WarmUpReport["steps"] = {};
  const step = async (name: string, run: () => Promise<unknown>) => {
    const t = performance.now();
    try {
      await run();
      steps[name] = Math.round(performance.now() - t);
    } catch (error) {
      steps[name] = `failed: ${(error as Error).message.split("\n")[0]}`;
    }
  };
  await Promise.all([
    // The query shapes of sign-in by API key and by session (Prisma compiles each shape on its first use); they match
    // nothing (no key has this hash, no user or key has id -1).
    step("auth", () =>
      Promise.all([
        principalForApiKey("warm-up-not-a-key"),
        prisma().apiKey.updateMany({
          where: { id: -1, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: now } }] },
          data: { lastUsedAt: now },
        }),
        principalForUser(-1),
      ]),
    ),
    step("connections", () => Promise.all(Array.from({ length: CONNECTIONS }, () => pool().query("SELECT 1")))),
    step("catalogue", async () => {
      for (const m of catalogueModels(now)) resolveModel(m.provider, m.model);
    }),
  ]);
  const today = todayUtc(now);
  const mtd = presetRange("mtd", today);
  await step("overview", () =>
    Promise.all([
      queryOverview(WARM_UP_PRINCIPAL, mtd, now),
      querySeries(WARM_UP_PRINCIPAL, { ...mtd, interval: "day", stackBy: "team", top: 8 }, now),
      ...(["team", "workload", "model"] as const).map((groupBy) => querySpend(WARM_UP_PRINCIPAL, { ...mtd, groupBy }, now)),
    ]),
  );
  // A what-if of the last 30 complete days using every lever, as the What-if page's first run: every loader, the
  // pricer on catalogue models, the engine's paths.
  const to = addDays(today, -1);
  const request = WhatIfRequestSchema.parse({
    from: addDays(to, -29),
    to,
    rules: [
      { select: { taskClasses: ["classification", "extraction"] }, reroute: { provider: "openai", model: "gpt-5-nano" }, batchShare: 0.3 },
      {
        select: {},
        reroute: { provider: "openai", model: "gpt-5-mini" },
        escalation: { provider: "openai", model: "gpt-5", rate: 0.1, tokenShare: 0.5 },
        cachedShare: 0.5,
        outputFactor: 1.2,
      },
    ],
  });
  // Twice: V8 optimises the pricing and summing code further on the second run, which the first request would pay.
  await step("whatif", async () => {
    await runScenario(WARM_UP_PRINCIPAL, request);
    await runScenario(WARM_UP_PRINCIPAL, request);
  });
  return { ms: Math.round(performance.now() - started), steps };
}
