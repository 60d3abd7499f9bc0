import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, request, usageEvent, userWithSession } from "@/tests/factories";
import { prisma } from "@/lib/db/prisma";
import { eachDay } from "@/lib/forecast/utc-days";
import { importEvals } from "@/lib/evals/import-evals";
import { GET as verdictRoute } from "@/app/api/v1/workloads/[slug]/recommendation/route";
import { GET as recommendationsRoute } from "@/app/api/v1/recommendations/route";

useTestDatabase();

let admin: { cookie: string };
let otherLead: { cookie: string };
const WINDOW = "from=2026-11-01&to=2026-11-12";
const verdict = (who: { cookie: string }, slug = "triage") =>
  verdictRoute(request(`/api/v1/workloads/${slug}/recommendation?${WINDOW}`, who), { params: Promise.resolve({ slug }) });

/*
 * Support triage ran on gpt-4o-mini until Nov 2 and on gpt-4o from Nov 3: 10 calls a day of 1,000 input and 100
 * output tokens.
 *   gpt-4o:      1,000 x 2,500 + 100 x 10,000 nanos = 3,500,000 nanos a call
 *   gpt-4o-mini: 1,000 x   150 + 100 x    600 nanos =   210,000 nanos a call
 * The switch (Nov 3) is inside the window Nov 1-12, so the workload is assessed on Nov 3-12 (10 days, 100 calls):
 *   since:  100 x 3,500,000 = 350,000,000 nanos; per month x 30.4375 / 10 = 1,065,312,500 = $1.0653125
 *   before: Oct 20 - Nov 2, 140 x 210,000 = 29,400,000; x 30.4375 / 14 = 63,918,750 = $0.06391875
 *   revert: the same 100 calls on gpt-4o-mini = 21,000,000; x 3.04375 = 63,918,750 = $0.06391875
 *   saving: 1,065,312,500 - 63,918,750 = 1,001,393,750 = $1.00139375
 * Eval (floor 85%): gpt-4o-mini 95/100, Wilson 95% interval 88.8%-97.8% (worked in lib/whatif/revert.test.ts):
 * the lower bound meets the floor, so reverting is proven ("high").
 */
beforeAll(async () => {
  const call = (day: string, hour: number, model: string) =>
    usageEvent({ occurredAt: new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`), team: "support", workload: "triage", model, inputTokens: 1_000, outputTokens: 100 });
  await ingest([
    usageEvent({ occurredAt: new Date("2026-11-01T00:00:00Z"), team: "search", workload: "query-rewrite", model: "gpt-4o", inputTokens: 10, outputTokens: 1 }),
    ...eachDay("2026-10-20", "2026-11-02").flatMap((d) => Array.from({ length: 10 }, (_, h) => call(d, h, "gpt-4o-mini"))),
    ...eachDay("2026-11-03", "2026-11-12").flatMap((d) => Array.from({ length: 10 }, (_, h) => call(d, h, "gpt-4o"))),
  ]);
  await prisma().workload.update({ where: { slug: "triage" }, data: { qualityFloor: 0.85, taskClass: "classification" } });
  const rows = Array.from({ length: 100 }, (_, i) => `t${i},gpt-4o-mini,${i < 95}`).concat(Array.from({ length: 100 }, (_, i) => `t${i},gpt-4o,true`));
  await importEvals({ text: `task_id,model,passed\n${rows.join("\n")}\n`, format: "csv", set: "triage-golden", workload: "triage", actor: "test" }, null);
  admin = await userWithSession("admin@verdict.test", "admin");
  otherLead = await userWithSession("lead@verdict.test", "lead", ["search"]);
});

describe("a workload that switched model recently", () => {
  it("is assessed on its spend since the switch, and reverting to the previous model is the recommendation", async () => {
    const res = await verdict(admin);
    expect(res.status).toBe(200);
    const v = await res.json();
    expect(v.modelSwitch).toMatchObject({
      from: "openai/gpt-4o-mini",
      to: "openai/gpt-4o",
      on: "2026-11-03",
      before: { days: 14, costUsd: "0.0294", monthlyUsd: "0.06391875" },
      since: { days: 10, costUsd: "0.35", monthlyUsd: "1.0653125" },
      revert: { model: "openai/gpt-4o-mini", monthlyCostUsd: "0.06391875", metFloor: true, recommended: true },
    });
    expect(v.recommendation).toMatchObject({
      currentModel: { model: "gpt-4o" },
      candidate: { model: "gpt-4o-mini" },
      revert: true,
      confidence: "high",
      monthlyCostUsd: "1.0653125",
      recommendedMonthlyCostUsd: "0.06391875",
      monthlySavingUsd: "1.00139375",
      passRate: { passes: 95, tasks: 100, rate: 0.95, low: 0.8882, high: 0.9785 },
      modelSwitch: { from: "openai/gpt-4o-mini", to: "openai/gpt-4o", on: "2026-11-03" },
      // Simulate re-prices the days since the switch
      scenario: { from: "2026-11-03", to: "2026-11-12", rules: [expect.objectContaining({ select: { workloads: ["triage"] }, reroute: { provider: "openai", model: "gpt-4o-mini" } })] },
    });
    expect(v.recommendation.evidence).toMatch(/^revert to gpt-4o-mini \(the model before the switch on 2026-11-03\)/);
    expect(v.verdict).toMatchObject({ status: "over-specified", headline: "Over-specified", proven: true });
    expect(v.verdict.why).toBe("eval evidence: gpt-4o-mini meets the 85.0% floor even at the 95% lower bound (88.8%)");
  });

  it("the evidence: pass rates with intervals, tokens per call, model history", async () => {
    const v = await (await verdict(admin)).json();
    expect(v.evidence.evalSet).toBe("triage-golden");
    expect(v.evidence.passRates).toEqual([
      // 100/100: Wilson lower bound 100 / (100 + 3.8415) = 96.3%
      expect.objectContaining({ model: "gpt-4o", passes: 100, tasks: 100, rate: 1, low: 0.963, meetsFloor: "lower-bound" }),
      expect.objectContaining({ model: "gpt-4o-mini", passes: 95, tasks: 100, rate: 0.95, meetsFloor: "lower-bound" }),
    ]);
    // The window Nov 1-12: gpt-4o 100 calls ($0.35), gpt-4o-mini Nov 1-2, 20 calls (20 x 210,000 = $0.0042).
    expect(v.evidence.models).toEqual([
      { provider: "openai", model: "gpt-4o", tier: expect.anything(), calls: 100, costUsd: "0.35", inputTokensPerCall: 1000, outputTokensPerCall: 100, reasoningShare: 0 },
      { provider: "openai", model: "gpt-4o-mini", tier: expect.anything(), calls: 20, costUsd: "0.0042", inputTokensPerCall: 1000, outputTokensPerCall: 100, reasoningShare: 0 },
    ]);
    // Weeks (Mondays) from Sep 6 (8 weeks before Nov 1) to Nov 12: Oct 19 week has Oct 20-25 on mini = 60 calls.
    expect(v.evidence.history.filter((h: { week: string }) => h.week === "2026-10-19")).toEqual([{ week: "2026-10-19", model: "gpt-4o-mini", calls: 60, costUsd: "0.0126" }]);
    // Nov 2 week: Nov 2 on mini (10), Nov 3-8 on gpt-4o (60).
    expect(v.evidence.history.filter((h: { week: string }) => h.week === "2026-11-02").map((h: { model: string; calls: number }) => [h.model, h.calls])).toEqual([
      ["gpt-4o", 60],
      ["gpt-4o-mini", 10],
    ]);
  });

  it("the recommendations list says the same (one decide())", async () => {
    const list = await (await recommendationsRoute(request(`/api/v1/recommendations?${WINDOW}`, admin))).json();
    expect(list.recommendations.find((r: { workload: string }) => r.workload === "triage")).toMatchObject({ revert: true, monthlySavingUsd: "1.00139375" });
  });

  it("a lead of another team gets 404, as for any workload they cannot see", async () => {
    expect((await verdict(otherLead)).status).toBe(404);
    expect((await verdict(admin, "nope")).status).toBe(404);
  });
});
