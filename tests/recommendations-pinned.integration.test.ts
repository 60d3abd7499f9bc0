import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, usageEvent } from "@/tests/factories";
import { prisma } from "@/lib/db/prisma";
import { eachDay } from "@/lib/forecast/utc-days";
import { importEvals } from "@/lib/evals/import-evals";
import { createPriceOverride } from "@/lib/pricing/overrides-admin";
import { PriceOverrideInputSchema } from "@/lib/pricing/override-schema";
import { assessWorkloads, type AssessedWindow } from "@/lib/recommendations/assess-workloads";
import { listOverSpecified } from "@/lib/recommendations/over-specified";
import { listRecommendations } from "@/lib/recommendations/list-recommendations";
import { build8020 } from "@/lib/whatif/server/preset-8020";
import { loadDims } from "@/lib/whatif/server/dimensions";
import { loadCallGroups } from "@/lib/whatif/server/load-groups";
import { loadWhatIfPricing } from "@/lib/whatif/server/pricing";
import { priceBreaks } from "@/lib/whatif/server/price-breaks";
import { mergeAcrossDays } from "@/lib/whatif/merge-days";
import { repriceByWorkload } from "@/lib/whatif/reprice";
import type { CallGroup } from "@/lib/whatif/types";

useTestDatabase();

/*
 * Pins what the recommendation endpoints answer (issue 17: they were made ~6x faster on 10M calls; the next
 * optimisation must not move a nano-dollar). Two kinds of check:
 * 1. The assessment equals its definition, computed the slow way: every day group of the window
 *    (loadCallGroups), merged across the days that price alike in Node (mergeAcrossDays), re-priced on every
 *    candidate; a switched workload on its own day groups since the switch. Several scopes and windows, one with
 *    a price override starting inside it (two price segments).
 * 2. The answers themselves, pinned: every workload's monthly cost on every candidate, and the recommendations,
 *    over-specified and 80/20 responses. They were recorded from the implementation before the speed-up and are
 *    unchanged by it; a few are worked by hand below. A change here means the answer changed: say why.
 *
 * The traffic (window Nov 1-10, 2026; all calls priced by the catalogue unless said):
 * - triage (support, classification, floor 90%): gpt-4o, 4 calls a day of 1,000 + 50*k input and 100 + 10*k
 *   output tokens (k = 0..3), one of them a batch call, and one flex call a day on gpt-4o-mini;
 * - contracts (legal, extraction): claude-sonnet-4-5, 2 calls a day of 3,000 input / 400 output tokens, and every
 *   other day one long-context call of 250,000 input (above 200k: Sonnet's long-context tier); eval set with
 *   gpt-4o-mini passing 96/100 and claude-sonnet-4-5 100/100, floor 90%;
 * - rewrite (platform, summarisation): gpt-4o-mini from Oct 18 to Nov 3, gpt-4o from Nov 4, 10 calls a day of
 *   1,000 input / 100 output: a switch inside the window;
 * - chat (search, no task class): deepseek-chat at hours 0, 6, 12 and 18 (time-of-day prices), plus calls of a
 *   model no catalogue knows (unpriced: left out);
 * - digest (support, summarisation): usage-export rows on gpt-4.1, one of 20 requests (400,000 input, 30,000
 *   output) and one without a request count (requests 0), each day.
 * - a price override of gpt-4o-mini from Nov 6 (inside the window: a price break).
 */
const W = { from: "2026-11-01", to: "2026-11-10" };
const admin = { teamIds: null };

beforeAll(async () => {
  const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
  const events = [
    ...eachDay("2026-10-18", "2026-11-10").flatMap((d) => [
      ...[0, 1, 2, 3].map((k) =>
        usageEvent({ occurredAt: at(d, 8 + k), team: "support", workload: "triage", model: "gpt-4o", inputTokens: 1_000 + 50 * k, outputTokens: 100 + 10 * k, batch: k === 3 }),
      ),
      usageEvent({ occurredAt: at(d, 13), team: "support", workload: "triage", model: "gpt-4o-mini", inputTokens: 900, outputTokens: 80, serviceTier: "flex" }),
      ...[0, 1].map((k) => usageEvent({ occurredAt: at(d, 9 + k), team: "legal", workload: "contracts", provider: "anthropic", model: "claude-sonnet-4-5", inputTokens: 3_000, outputTokens: 400 })),
      ...(Number(d.slice(8)) % 2 === 0
        ? [usageEvent({ occurredAt: at(d, 15), team: "legal", workload: "contracts", provider: "anthropic", model: "claude-sonnet-4-5", inputTokens: 250_000, cachedInputTokens: 50_000, outputTokens: 2_000 })]
        : []),
      ...Array.from({ length: 10 }, (_, h) =>
        usageEvent({ occurredAt: at(d, h), team: "platform", workload: "rewrite", model: d <= "2026-11-03" ? "gpt-4o-mini" : "gpt-4o", inputTokens: 1_000, outputTokens: 100 }),
      ),
      ...[0, 6, 12, 18].map((h) => usageEvent({ occurredAt: at(d, h), team: "search", workload: "chat", provider: "deepseek", model: "deepseek-chat", inputTokens: 2_000 + h, outputTokens: 300 })),
      usageEvent({ occurredAt: at(d, 7), team: "search", workload: "chat", provider: "acme", model: "acme-mystery-70b", inputTokens: 5_000, outputTokens: 500 }),
      usageEvent({ occurredAt: at(d, 0), team: "support", workload: "digest", model: "gpt-4.1", inputTokens: 400_000, outputTokens: 30_000, requests: 20 }),
      usageEvent({ occurredAt: at(d, 1), team: "support", workload: "digest", model: "gpt-4.1", inputTokens: 120_000, outputTokens: 9_000, requests: 0 }),
    ]),
  ];
  await ingest(events);
  const classify = async (slug: string, taskClass: string | null, qualityFloor: number) =>
    prisma().workload.update({ where: { slug }, data: { taskClass, qualityFloor } });
  await classify("triage", "classification", 0.9);
  await classify("contracts", "extraction", 0.9);
  await classify("rewrite", "summarisation", 0.85);
  await classify("digest", "summarisation", 0.85);
  const rows = Array.from({ length: 100 }, (_, i) => `t${i},gpt-4o-mini,${i < 96}`).concat(Array.from({ length: 100 }, (_, i) => `t${i},claude-sonnet-4-5,true`));
  await importEvals({ text: `task_id,model,passed\n${rows.join("\n")}\n`, format: "csv", set: "contracts-golden", workload: "contracts", actor: "test" }, null);
  await createPriceOverride(
    PriceOverrideInputSchema.parse({ provider: "openai", model: "gpt-4o-mini", inputPerMtok: "0.12", outputPerMtok: "0.5", validFrom: "2026-11-06" }),
    { label: "test", userId: null },
  );
});

const json = (x: unknown) => JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === "bigint" ? v.toString() : v instanceof Map ? Object.fromEntries(v) : v)));

/** Every workload's monthly cost now and on each candidate, in nano-dollars: the re-pricing the decisions rest on. */
const costTable = (a: AssessedWindow) =>
  Object.fromEntries(
    a.items.map((i) => [
      i.workload.slug,
      {
        current: `${i.currentModel.provider}/${i.currentModel.model} ${i.monthlyCostNanos}`,
        ...Object.fromEntries(i.input.candidates.map((c) => [`${c.provider}/${c.model}`, c.monthlyCostNanos === null ? null : String(c.monthlyCostNanos)])),
      },
    ]),
  );

/** The assessment's costs computed from its definition: day groups merged in Node, switched workloads unmerged. */
async function slowCosts(principal: { teamIds: number[] | null }, window: { from: string; to: string }, a: AssessedWindow) {
  const [dims, pricing] = await Promise.all([loadDims(principal), loadWhatIfPricing()]);
  const ids = a.items.map((i) => i.workload.id);
  const groups = ids.length === 0 ? [] : await loadCallGroups(principal, dims, { ...window, workloadIds: ids });
  const candidates = a.items[0]?.input.candidates ?? [];
  const merged = mergeAcrossDays(groups, window.from, priceBreaks(candidates, pricing.overrides, window));
  const all = repriceByWorkload({ groups: merged, from: window.from, to: window.to, candidates, price: pricing.price });
  const top = (gs: CallGroup[]) => {
    const by = new Map<string, bigint>();
    for (const g of gs) if (g.baselineCostNanos !== null) by.set(`${g.provider}/${g.model}`, (by.get(`${g.provider}/${g.model}`) ?? 0n) + g.baselineCostNanos);
    return [...by].reduce((x, y) => (y[1] > x[1] ? y : x))[0];
  };
  return Object.fromEntries(
    a.items.map((i) => {
      const sw = i.modelSwitch;
      const own = groups.filter((g) => g.workloadSlug === i.workload.slug && (!sw || g.day >= sw.day));
      const c = sw ? repriceByWorkload({ groups: own, from: sw.day, to: window.to, candidates, price: pricing.price }).get(i.workload.slug)! : all.get(i.workload.slug)!;
      return [
        i.workload.slug,
        { current: `${top(own)} ${c.currentMonthlyNanos}`, ...Object.fromEntries(candidates.map((m) => [`${m.provider}/${m.model}`, json(c.candidates.get(`${m.provider}/${m.model}`) ?? null)])) },
      ];
    }),
  );
}

describe("the recommendation assessment", () => {
  it("equals its definition (day groups merged in Node) for every scope and window", async () => {
    const support = await prisma().team.findUniqueOrThrow({ where: { slug: "support" } });
    const cases: [{ teamIds: number[] | null }, { from: string; to: string }, { team?: string; workload?: string }][] = [
      [admin, W, {}],
      [admin, { from: "2026-10-20", to: "2026-10-31" }, {}], // no price break inside
      [admin, { from: "2026-11-06", to: "2026-11-06" }, {}],
      [admin, { from: "2026-10-25", to: "2026-11-10" }, {}], // the switch, and the override's break
      [{ teamIds: [support.id] }, W, {}],
      [{ teamIds: [] }, W, {}],
      [admin, W, { team: "legal" }],
      [admin, W, { workload: "rewrite" }],
    ];
    for (const [principal, window, opts] of cases) {
      const a = await assessWorkloads(principal, window, opts);
      expect(costTable(a), JSON.stringify([principal, window, opts])).toEqual(await slowCosts(principal, window, a));
    }
  });

  /*
   * Worked by hand:
   * - rewrite switched to gpt-4o on Nov 4, so it is assessed on Nov 4-10 (7 days): 70 calls of 1,000 x 2,500 +
   *   100 x 10,000 = 3,500,000 nano-$ = 245,000,000; per month x 30.4375 / 7 = 1,065,312,500.
   * - digest on gpt-4.1 ($2 / $8 per million): a day is 400,000 x 2,000 + 30,000 x 8,000 = 1,040,000,000 plus
   *   120,000 x 2,000 + 9,000 x 8,000 = 312,000,000; 10 days = 13,520,000,000; x 3.04375 = 41,151,500,000.
   */
  it("re-prices every workload on every candidate to the nano-dollar", async () => {
    const a = await assessWorkloads(admin, W);
    expect(a.workloadCount).toBe(5);
    expect(String(a.totalMonthlyCostNanos)).toBe("63019703561");
    expect(a.items.map((i) => [i.workload.slug, i.modelSwitch?.day ?? null, i.costFrom])).toEqual([
      ["chat", null, "2026-11-01"],
      ["contracts", null, "2026-11-01"],
      ["digest", null, "2026-11-01"],
      ["rewrite", "2026-11-04", "2026-11-04"],
      ["triage", null, "2026-11-01"],
    ]);
    expect(costTable(a)).toEqual({
      chat: {
        current: "deepseek/deepseek-chat 79663764",
        "anthropic/claude-sonnet-4-5": "1281662250",
        "deepseek/deepseek-chat": "88515294",
        "openai/gpt-4.1": "781391500",
        "openai/gpt-4o": "976739375",
        "openai/gpt-4o-mini": "53109176",
      },
      contracts: {
        current: "anthropic/claude-sonnet-4-5 20317031250",
        "anthropic/claude-sonnet-4-5": "20317031250",
        "deepseek/deepseek-chat": "820544291",
        "openai/gpt-4.1": "7271518750",
        "openai/gpt-4o": "9564984375",
        "openai/gpt-4o-mini": "506480000",
      },
      digest: {
        current: "openai/gpt-4.1 41151500000",
        "anthropic/claude-sonnet-4-5": "65288437500",
        "deepseek/deepseek-chat": "4649328125",
        "openai/gpt-4.1": "41151500000",
        "openai/gpt-4o": "51439375000",
        "openai/gpt-4o-mini": "2789596875",
      },
      rewrite: {
        current: "openai/gpt-4o 1065312500",
        "anthropic/claude-sonnet-4-5": "1369687500",
        "deepseek/deepseek-chat": "96385518",
        "openai/gpt-4.1": "852250000",
        "openai/gpt-4o": "1065312500",
        "openai/gpt-4o-mini": "55222321",
      },
      triage: {
        current: "openai/gpt-4o 406196047",
        "anthropic/claude-sonnet-4-5": "639187500",
        "deepseek/deepseek-chat": "50678468",
        "openai/gpt-4.1": "360075625",
        "openai/gpt-4o": "450094531",
        "openai/gpt-4o-mini": "24437508",
      },
    });
  });
});

const usd = (x: string | null) => (x === null ? "-" : `$${x}`);

describe("the recommendation endpoints", () => {
  it("recommendations: the cheapest candidate meeting each floor, and why the others have none", async () => {
    const r = await listRecommendations(admin, W);
    expect([r.windowDays, r.totalMonthlyCostUsd, r.totalMonthlySavingUsd]).toEqual([10, "63.019703561", "20.405372289"]);
    expect(
      r.recommendations.map(
        (x) =>
          `${x.workload}: ${x.currentModel.model} ${usd(x.monthlyCostUsd)} -> ${x.candidate.model} ${usd(x.recommendedMonthlyCostUsd)}, saves ${usd(x.monthlySavingUsd)} a month; ` +
          `${x.confidence} on ${x.basis}, proven ${x.proven}, over-specified ${x.overSpecified}, revert ${x.revert}`,
      ),
    ).toEqual([
      "contracts: claude-sonnet-4-5 $20.31703125 -> gpt-4o-mini $0.50648, saves $19.81055125 a month; high on eval, proven true, over-specified true, revert false",
      "triage: gpt-4o $0.406196047 -> gpt-4o-mini $0.024437508, saves $0.381758539 a month; low on classification, proven false, over-specified true, revert false",
      "rewrite: gpt-4o $1.0653125 -> gpt-4.1 $0.85225, saves $0.2130625 a month; low on classification, proven false, over-specified true, revert false",
    ]);
    expect(r.withoutRecommendation.map((x) => `${x.workload}: ${x.currentModel.model} ${usd(x.monthlyCostUsd)}: ${x.reason}`)).toEqual([
      "digest: gpt-4.1 $41.1515: no cheaper candidate in the mid tier or above (guidance for summarisation)",
      "chat: deepseek-chat $0.079663764: no eval evidence for a cheaper model and the workload has no task class: link an eval set to get a recommendation",
    ]);
  });

  it("over-specified workloads, money at stake first", async () => {
    const o = await listOverSpecified(admin, { ...W, limit: 8 });
    expect(o.totalMonthlyAtStakeUsd).toBe("20.405372289");
    expect(o.workloads.map((x) => `${x.workload}: ${x.currentModel.model} ${usd(x.monthlyCostUsd)} -> ${x.candidate.model}, ${usd(x.monthlyAtStakeUsd)} at stake (${x.confidence}): ${x.reason}`)).toEqual([
      "contracts: claude-sonnet-4-5 $20.31703125 -> gpt-4o-mini, $19.81055125 at stake (high): eval evidence: gpt-4o-mini meets the 90.0% floor even at the 95% lower bound (90.2%)",
      "triage: gpt-4o $0.406196047 -> gpt-4o-mini, $0.381758539 at stake (low): classification is a routine task class, running on the frontier tier (gpt-4o); no eval yet",
      "rewrite: gpt-4o $1.0653125 -> gpt-4.1, $0.2130625 at stake (low): summarisation is a routine task class, running on the frontier tier (gpt-4o); no eval yet",
    ]);
  });

  it("the 80/20 preset moves the proven workload and lists the unproven ones", async () => {
    const p = await build8020(admin, W);
    expect(p.request?.rules).toEqual([{ select: { workloads: ["contracts"] }, reroute: { provider: "openai", model: "gpt-4o-mini" }, batchShare: 0, cachedShare: null, outputFactor: 1 }]);
    expect({ ...p.summary, unproven: p.summary.unproven.map((u) => `${u.workload}: ${u.candidate.model} saves $${u.monthlySavingUsd} (${u.confidence})`) }).toEqual({
      movedWorkloads: 1,
      totalWorkloads: 5,
      movedMonthlyCostUsd: "20.31703125",
      totalMonthlyCostUsd: "63.019703561",
      spendShare: 0.322391,
      monthlySavingUsd: "19.81055125",
      unprovenMonthlySavingUsd: "0.594821039",
      unproven: ["triage: gpt-4o-mini saves $0.381758539 (low)", "rewrite: gpt-4.1 saves $0.2130625 (low)"],
    });
  });
});
