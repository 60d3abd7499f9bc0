/**
 * POST /api/v1/whatif, /api/v1/scenarios, /api/v1/recommendations on ingested synthetic events, every figure
 * computed by hand. Prices are overrides (so the catalogue cannot move them), USD per million tokens:
 *   openai/gpt-4o       in $10, out $40        openai/gpt-4o-mini  in $1, out $4
 * Traffic (October 2026):
 *   triage (team support):   3 calls on gpt-4o, 1,000 in + 100 out each = $0.01 + $0.004 = $0.014 -> $0.042
 *   research (team labs):    2 calls on gpt-4o, 2,000 in + 500 out each = $0.02 + $0.02 = $0.04 -> $0.080
 *   tagging (team support):  1 call on gpt-4o-mini, 1,000 in + 100 out = $0.0014
 * Baseline over 2026-10-01..2026-10-31 (31 days) = $0.1234.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { POST as whatif } from "@/app/api/v1/whatif/route";
import { GET as listScenarios, POST as saveScenario } from "@/app/api/v1/scenarios/route";
import { DELETE as deleteScenario, GET as getScenario, PUT as putScenario } from "@/app/api/v1/scenarios/[id]/route";
import { GET as recommendations } from "@/app/api/v1/recommendations/route";
import { GET as overSpecified } from "@/app/api/v1/recommendations/over-specified/route";
import { GET as preset8020 } from "@/app/api/v1/whatif/presets/80-20/route";
import { GET as whatifOptions } from "@/app/api/v1/whatif/options/route";
import { PATCH as patchClassification } from "@/app/api/v1/workloads/[slug]/classification/route";
import { POST as importEvals } from "@/app/api/v1/evals/route";
import { prisma } from "@/lib/db/prisma";
import { WhatIfRequestSchema } from "@/lib/whatif/schema";

useTestDatabase();

let admin: { cookie: string };
let lead: { cookie: string };
let viewer: { cookie: string };

const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
const WINDOW = { from: "2026-10-01", to: "2026-10-31" };
const REROUTE_TRIAGE = {
  ...WINDOW,
  rules: [
    {
      select: { workloads: ["triage"] },
      reroute: { provider: "openai", model: "gpt-4o-mini" },
      escalation: { provider: "openai", model: "gpt-4o", rate: 0.1, tokenShare: 1 },
      batchShare: 0,
      cachedShare: null,
      outputFactor: 1,
    },
  ],
};

const post = (cookie: string, body: unknown) => whatif(request("/api/v1/whatif", { cookie, body }));

beforeAll(async () => {
  for (const [model, input, output] of [["gpt-4o", "10", "40"], ["gpt-4o-mini", "1", "4"]]) {
    await prisma().priceOverride.create({ data: { provider: "openai", model, inputPerMtok: input, outputPerMtok: output, validFrom: new Date("2026-01-01T00:00:00Z") } });
  }
  await ingest([
    ...[5, 6, 6].map((d, i) => usageEvent({ externalId: `triage-${i}`, occurredAt: at(`2026-10-0${d}`, 9 + i), model: "gpt-4o", team: "support", workload: "triage", inputTokens: 1000, outputTokens: 100 })),
    ...[7, 8].map((d, i) => usageEvent({ externalId: `research-${i}`, occurredAt: at(`2026-10-0${d}`), model: "gpt-4o", team: "labs", workload: "research", inputTokens: 2000, outputTokens: 500 })),
    usageEvent({ externalId: "tagging-0", occurredAt: at("2026-10-09"), model: "gpt-4o-mini", team: "support", workload: "tagging", inputTokens: 1000, outputTokens: 100 }),
  ]);
  admin = await userWithSession("admin@whatif.test", "admin");
  lead = await userWithSession("lead@whatif.test", "lead", ["support"]);
  viewer = await userWithSession("viewer@whatif.test", "viewer");
  const classify = await patchClassification(
    request("/api/v1/workloads/triage/classification", { cookie: admin.cookie, method: "PATCH", body: { taskClass: "classification", qualityFloor: 0.95 } }),
    { params: Promise.resolve({ slug: "triage" }) },
  );
  expect(classify.status).toBe(200);
  // 10 tasks: gpt-4o passes all, gpt-4o-mini passes 9 (task t10 fails).
  const csv = ["task_id,model,passed", ...Array.from({ length: 10 }, (_, i) => [`t${i + 1},gpt-4o,true`, `t${i + 1},gpt-4o-mini,${i < 9}`]).flat()].join("\n");
  const imported = await importEvals(request("/api/v1/evals?set=triage-golden&workload=triage", { cookie: admin.cookie, method: "POST", body: csv, headers: { "content-type": "text/csv" } }));
  expect(imported.status).toBe(201);
});

describe("POST /api/v1/whatif on ingested events", () => {
  it("gives the hand-computed totals, range, projections and breakdowns", async () => {
    const res = await post(admin.cookie, REROUTE_TRIAGE);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    // triage on mini: 3 x (1,000 x $1/M + 100 x $4/M) = 3 x $0.0014 = $0.0042
    // escalation: 10% x 3 calls x $0.014 on gpt-4o = $0.0042; research $0.08 and tagging $0.0014 unchanged
    expect(body.baseline).toEqual({ costUsd: "0.1234" });
    expect(body.scenario).toEqual({
      costUsd: "0.0898",
      // tokenizer band on the target only (the escalation model is the one that produced the tokens):
      // low 3 x (900 x $1/M + 90 x $4/M) = $0.00378, high 3 x (1,100 + 110 x 4)/1e6 = $0.00462
      lowUsd: "0.08938",
      highUsd: "0.09022",
    });
    expect(body.savingsUsd).toBe("0.0336");
    // 0.0336 x 30.4375 / 31 = 0.032990322580... -> 0.032990323; annual = 12 x monthly
    expect(body.monthlySavingsUsd).toBe("0.032990323");
    expect(body.annualSavingsUsd).toBe("0.395883876");
    expect(body.windowDays).toBe(31);
    expect(body.daysWithTraffic).toBe(5);
    const triage = body.byWorkload.find((w: { workload: string }) => w.workload === "triage");
    expect(triage).toMatchObject({ workload: "triage", team: "support", baselineUsd: "0.042", scenarioUsd: "0.0084" });
    // quality: (1 - 10%) x 90% (mini) + 10% x 100% (gpt-4o) = 91% < floor 95%
    expect(triage.quality.baseline).toBe(1);
    expect(triage.quality.scenario).toBeCloseTo(0.91, 12);
    expect(triage.quality).toMatchObject({ floor: 0.95, ok: false });
    expect(triage.quality.evidence).toContain('eval set "triage-golden"');
    expect(body.byTeam).toEqual([
      expect.objectContaining({ team: "support", baselineUsd: "0.0434", scenarioUsd: "0.0098", savingsUsd: "0.0336" }),
      expect.objectContaining({ team: "labs", baselineUsd: "0.08", scenarioUsd: "0.08", savingsUsd: "0.00" }),
    ]);
    expect(body.daily.find((d: { day: string }) => d.day === "2026-10-06")).toEqual({ day: "2026-10-06", baselineUsd: "0.028", scenarioUsd: "0.0056" });
    expect(body.daily).toHaveLength(31);
  });

  it("applies batch and caching levers without a reroute exactly, and leaves idle levers at the recorded cost", async () => {
    // gpt-4o batch is 50% off: half of research's 2 calls in batch = $0.08 - 0.5 x $0.04 = $0.06
    const body = await (await post(admin.cookie, { ...WINDOW, rules: [{ select: { workloads: ["research"] }, batchShare: 0.5 }] })).json();
    expect(body.scenario.costUsd).toBe("0.1034");
    const idle = await (await post(admin.cookie, { ...WINDOW, rules: [{ select: { workloads: ["research"] } }] })).json();
    expect(idle.scenario.costUsd).toBe("0.1234");
  });
});

describe("bad input", () => {
  const problem = async (body: unknown, cookie = admin.cookie) => {
    const res = await post(cookie, body);
    const json = await res.json();
    return { status: res.status, message: String(json.error?.message ?? "") };
  };

  it("refuses rates outside 0-100%", async () => {
    const r = await problem({ ...WINDOW, rules: [{ select: {}, reroute: { provider: "openai", model: "gpt-4o-mini" }, escalation: { provider: "openai", model: "gpt-4o", rate: 1.5 } }] });
    expect(r.status).toBe(400);
    expect(r.message).toContain("escalation rate must be between 0 and 1 (0-100%)");
    expect((await problem({ ...WINDOW, rules: [{ select: {}, batchShare: -0.1 }] })).message).toContain("batchShare must be between 0 and 1");
  });

  it("says a rule selects nothing instead of reporting a $0 saving", async () => {
    const r = await problem({ from: "2026-09-01", to: "2026-09-30", rules: [{ select: { workloads: ["triage"] }, reroute: { provider: "openai", model: "gpt-4o-mini" } }] });
    expect(r).toEqual({ status: 400, message: "rule 1 selects no traffic in 2026-09-01..2026-09-30" });
  });

  it("refuses an unknown or unpriced target with the reason, and unknown selections", async () => {
    const r = await problem({ ...WINDOW, rules: [{ select: {}, reroute: { provider: "openai", model: "gpt-9-ultra" } }] });
    expect(r.status).toBe(400);
    expect(r.message).toBe("rule 1: reroute target openai/gpt-9-ultra is refused: not in the price catalogue and no price override: unknown or unpriced model");
    const u = await problem({ ...WINDOW, rules: [{ select: { workloads: ["nope"], taskClasses: ["poetry"] }, reroute: { provider: "openai", model: "gpt-4o-mini" } }] });
    expect(u.message).toBe('rule 1: unknown workload "nope"; rule 1: unknown task class "poetry"');
  });

  it("refuses malformed bodies with 400", async () => {
    expect((await whatif(request("/api/v1/whatif", { cookie: admin.cookie, body: "{not json" }))).status).toBe(400);
    expect((await problem({ ...WINDOW, rules: [] })).message).toContain("at least one rule");
    expect((await problem({ from: "2026-10-31", to: "2026-10-01", rules: [{ select: {} }] })).message).toContain("is before from");
    expect((await problem({ ...WINDOW, rules: [{ select: {}, bogus: 1 }] })).status).toBe(400);
  });
});

describe("team scope", () => {
  it("lets a lead simulate only their teams' traffic", async () => {
    const body = await (await post(lead.cookie, { ...WINDOW, rules: [{ select: {}, reroute: { provider: "openai", model: "gpt-4o-mini" } }] })).json();
    // support only: triage $0.042 + tagging $0.0014
    expect(body.baseline.costUsd).toBe("0.0434");
    expect(body.byWorkload.map((w: { workload: string }) => w.workload).sort()).toEqual(["tagging", "triage"]);
    const other = await post(lead.cookie, { ...WINDOW, rules: [{ select: { workloads: ["research"] }, reroute: { provider: "openai", model: "gpt-4o-mini" } }] });
    expect(other.status).toBe(400);
    expect((await other.json()).error.message).toBe('rule 1: unknown workload "research"');
    const options = await (await whatifOptions(request("/api/v1/whatif/options", { cookie: lead.cookie }))).json();
    expect(options.workloads.map((w: { slug: string }) => w.slug).sort()).toEqual(["tagging", "triage"]);
    expect(options.targets.some((t: { provider: string; model: string }) => t.provider === "openai" && t.model === "gpt-4o-mini")).toBe(true);
  });

  it("keeps recommendations to the lead's teams", async () => {
    const body = await (await recommendations(request(`/api/v1/recommendations?from=${WINDOW.from}&to=${WINDOW.to}`, { cookie: lead.cookie }))).json();
    const all = [...body.recommendations, ...body.withoutRecommendation].map((r: { workload: string }) => r.workload).sort();
    expect(all).toEqual(["tagging", "triage"]);
  });
});

describe("saved scenarios", () => {
  it("saves, lists, reloads and re-runs a scenario to the same result", async () => {
    const saved = await saveScenario(request("/api/v1/scenarios", { cookie: viewer.cookie, body: { name: "Triage on mini", definition: REROUTE_TRIAGE } }));
    expect(saved.status).toBe(201);
    const s = await saved.json();
    expect(s).toMatchObject({ name: "Triage on mini", createdBy: "viewer@whatif.test", canEdit: true });
    const listed = await (await listScenarios(request("/api/v1/scenarios", { cookie: admin.cookie }))).json();
    expect(listed.scenarios.map((x: { id: number }) => x.id)).toContain(s.id);
    const reloaded = await (await getScenario(request(`/api/v1/scenarios/${s.id}`, { cookie: admin.cookie }), { params: Promise.resolve({ id: String(s.id) }) })).json();
    // stored as parsed: the defaults are written out (escalation mode "rate")
    expect(reloaded.definition).toEqual(WhatIfRequestSchema.parse(REROUTE_TRIAGE));
    expect(reloaded.definition.rules[0].escalation.mode).toBe("rate");
    const again = await (await post(admin.cookie, reloaded.definition)).json();
    expect(again.scenario.costUsd).toBe("0.0898");
  });

  it("lets only the author or an admin change it, and hides from a lead a scenario naming another team's workload", async () => {
    const s = await (await saveScenario(request("/api/v1/scenarios", { cookie: viewer.cookie, body: { name: "Research batch", definition: { ...WINDOW, rules: [{ select: { workloads: ["research"] }, batchShare: 0.5 }] } } }))).json();
    const params = { params: Promise.resolve({ id: String(s.id) }) };
    expect((await getScenario(request(`/api/v1/scenarios/${s.id}`, { cookie: lead.cookie }), params)).status).toBe(404);
    const leadList = await (await listScenarios(request("/api/v1/scenarios", { cookie: lead.cookie }))).json();
    expect(leadList.scenarios.map((x: { name: string }) => x.name)).toEqual(["Triage on mini"]);
    const byOther = await putScenario(request(`/api/v1/scenarios/${s.id}`, { cookie: lead.cookie, method: "PUT", body: { name: "x", definition: REROUTE_TRIAGE } }), params);
    expect(byOther.status).toBe(404);
    const renamed = await putScenario(request(`/api/v1/scenarios/${s.id}`, { cookie: viewer.cookie, method: "PUT", body: { name: "Research half batch", definition: { ...WINDOW, rules: [{ select: { workloads: ["research"] }, batchShare: 0.5 }] } } }), params);
    expect((await renamed.json()).name).toBe("Research half batch");
    const other = await userWithSession("viewer2@whatif.test", "viewer");
    expect((await deleteScenario(request(`/api/v1/scenarios/${s.id}`, { cookie: other.cookie, method: "DELETE" }), params)).status).toBe(403);
    expect((await deleteScenario(request(`/api/v1/scenarios/${s.id}`, { cookie: admin.cookie, method: "DELETE" }), params)).status).toBe(204);
  });

  it("refuses a scenario that would not run", async () => {
    const bad = await saveScenario(request("/api/v1/scenarios", { cookie: admin.cookie, body: { name: "bad", definition: { ...WINDOW, rules: [{ select: {}, batchShare: 2 }] } } }));
    expect(bad.status).toBe(400);
    expect((await saveScenario(request("/api/v1/scenarios", { cookie: admin.cookie, body: { name: " ", definition: REROUTE_TRIAGE } }))).status).toBe(400);
  });
});

describe("recommendations", () => {
  it("recommends nothing where evals show the cheaper model below the floor, and explains why", async () => {
    const body = await (await recommendations(request(`/api/v1/recommendations?from=${WINDOW.from}&to=${WINDOW.to}`, { cookie: admin.cookie }))).json();
    const triage = body.withoutRecommendation.find((w: { workload: string }) => w.workload === "triage");
    // 9/10 Wilson 95%: denom 1 + 3.8416/10 = 1.38416; centre (0.9 + 0.19208) / 1.38416 = 0.788984;
    // half 1.96 x sqrt(0.009 + 0.0096) / 1.38416 = 1.96 x 0.136382 / 1.38416 = 0.193120 -> 59.6% to 98.2%
    expect(triage.reason).toBe('eval set "triage-golden": no cheaper model meets the floor 95.0% (best: gpt-4o-mini 90.0%, 95% CI 59.6%–98.2%)');
    expect(triage.monthlyCostUsd).toBe("0.041237903"); // $0.042 x 30.4375 / 31
  });

  it("recommends the cheapest candidate meeting the floor with the saving, and a scenario that reproduces it", async () => {
    await patchClassification(
      request("/api/v1/workloads/triage/classification", { cookie: admin.cookie, method: "PATCH", body: { qualityFloor: 0.9 } }),
      { params: Promise.resolve({ slug: "triage" }) },
    );
    const body = await (await recommendations(request(`/api/v1/recommendations?from=${WINDOW.from}&to=${WINDOW.to}`, { cookie: admin.cookie }))).json();
    const r = body.recommendations.find((x: { workload: string }) => x.workload === "triage");
    expect(r).toMatchObject({
      currentModel: { provider: "openai", model: "gpt-4o", tier: "frontier" },
      candidate: { provider: "openai", model: "gpt-4o-mini", tier: "small" },
      monthlyCostUsd: "0.041237903",
      // $0.0042 x 30.4375 / 31 = 0.004123790...
      recommendedMonthlyCostUsd: "0.00412379",
      monthlySavingUsd: "0.037114113",
      // 90% of 10 tasks meets a 90% floor, but the 95% lower bound (59.6%, above) does not: medium, unproven.
      confidence: "medium",
      basis: "eval",
      passRate: { passes: 9, tasks: 10, rate: 0.9, high: 0.9821 },
      proven: false,
      unprovenReason: "unproven: 10 eval tasks are too few (95% lower bound 59.6% < floor 90.0%): run a larger eval",
      evidence:
        'eval set "triage-golden" (10 tasks): gpt-4o-mini passes 90.0% (95% CI 59.6%–98.2%), >= floor 90.0%, but the lower bound 59.6% is below it; gpt-4o passes 100.0%',
      overSpecified: true,
    });
    expect(r.passRate.low).toBeCloseTo(0.5959, 3); // 0.59586 by hand with z = 1.96; z = 1.95996 gives 0.59585
    const run = await (await post(admin.cookie, r.scenario)).json();
    expect(run.monthlySavingsUsd).toBe("0.037114113");
    const over = await (await overSpecified(request(`/api/v1/recommendations/over-specified?from=${WINDOW.from}&to=${WINDOW.to}&limit=5`, { cookie: admin.cookie }))).json();
    expect(over.workloads[0]).toMatchObject({ workload: "triage", monthlyAtStakeUsd: "0.037114113", confidence: "medium" });
    // One decision: the three lists agree. Over-specified with a recommendation, and the 80/20 preset leaves it out
    // because 10 tasks do not prove the floor; it is listed apart as unproven with its saving.
    const preset = await (await preset8020(request(`/api/v1/whatif/presets/80-20?from=${WINDOW.from}&to=${WINDOW.to}`, { cookie: admin.cookie }))).json();
    expect(preset.request).toBeNull();
    expect(preset.summary).toMatchObject({ movedWorkloads: 0, totalWorkloads: 3, monthlySavingUsd: "0.00", unprovenMonthlySavingUsd: "0.037114113" });
    expect(preset.summary.unproven).toEqual([
      expect.objectContaining({ workload: "triage", monthlySavingUsd: "0.037114113", reason: "unproven: 10 eval tasks are too few (95% lower bound 59.6% < floor 90.0%): run a larger eval" }),
    ]);
  });

  it("moves a workload into the 80/20 preset once its floor is proven at the 95% lower bound", async () => {
    // Floor 0.55 < the 59.6% lower bound of 9/10: high confidence, proven, moved.
    await patchClassification(
      request("/api/v1/workloads/triage/classification", { cookie: admin.cookie, method: "PATCH", body: { qualityFloor: 0.55 } }),
      { params: Promise.resolve({ slug: "triage" }) },
    );
    const body = await (await recommendations(request(`/api/v1/recommendations?from=${WINDOW.from}&to=${WINDOW.to}`, { cookie: admin.cookie }))).json();
    expect(body.recommendations.find((x: { workload: string }) => x.workload === "triage")).toMatchObject({ confidence: "high", proven: true, unprovenReason: null });
    const preset = await (await preset8020(request(`/api/v1/whatif/presets/80-20?from=${WINDOW.from}&to=${WINDOW.to}`, { cookie: admin.cookie }))).json();
    expect(preset.request.rules).toEqual([expect.objectContaining({ select: { workloads: ["triage"] }, reroute: { provider: "openai", model: "gpt-4o-mini" } })]);
    expect(preset.summary).toMatchObject({ movedWorkloads: 1, totalWorkloads: 3, monthlySavingUsd: "0.037114113", unproven: [] });
  });
});
