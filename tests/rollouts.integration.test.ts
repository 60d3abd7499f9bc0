/**
 * Rollouts on a synthetic workload that switches model on a known day; every figure worked out by hand.
 * Prices are overrides (USD per million tokens): gpt-4o in $10 / out $40, gpt-4o-mini in $1 / out $4. Every call
 * has 1,000 input and 100 output tokens: a gpt-4o call costs $0.01 + $0.004 = $0.014, a mini call $0.0014.
 *
 * Ticket triage (team support): Oct 1-14 10 calls a day on gpt-4o (140 calls; 7 of them errors = 5%).
 *   From Oct 15 to Oct 21: 20 calls a day (volume doubled), 18 on mini and 2 on gpt-4o (14 of the 140 errors = 10%).
 * Drafts (team support): Oct 1-14 10 calls a day on gpt-4o; from Oct 15: 5 on mini + 5 on gpt-4o (half moved).
 * "Now" is Oct 21 23:00 UTC, so each rollout from Oct 15 has 7 measured days.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/rollouts/route";
import { POST as saveScenario } from "@/app/api/v1/scenarios/route";
import { prisma } from "@/lib/db/prisma";
import { addDays } from "@/lib/forecast/utc-days";
import { pool } from "@/lib/db/pool";
import { detectRollouts } from "@/lib/rollouts/server/detect-rollouts";
import { raiseRolloutAlerts } from "@/lib/rollouts/server/rollout-alerts";
import { getRolloutDetail } from "@/lib/rollouts/server/rollout-detail";
import { patchRollout } from "@/lib/rollouts/server/rollout-store";
import { monthSavings } from "@/lib/rollouts/server/month-savings";
import { buildMonthlyReport } from "@/lib/reports/monthly-report";

useTestDatabase();

const NOW = new Date("2026-10-21T23:00:00Z");
const ALL = { teamIds: null };
let admin: { cookie: string };
let lead: { cookie: string };
let triageScenario: number;
let draftsScenario: number;

const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));
const calls = (workload: string, day: string, model: string, n: number, errors = 0) =>
  Array.from({ length: n }, (_, i) =>
    usageEvent({
      externalId: `${workload}-${day}-${model}-${i}`,
      occurredAt: new Date(`${day}T${String(1 + i).padStart(2, "0")}:00:00Z`),
      model,
      team: "support",
      workload,
      inputTokens: 1000,
      outputTokens: 100,
      status: i < errors ? "error" : "ok",
    }),
  );
const scenario = async (name: string, rule: object) => {
  const res = await saveScenario(request("/api/v1/scenarios", { cookie: admin.cookie, body: { name, definition: { from: "2026-10-01", to: "2026-10-14", rules: [rule] } } }));
  expect(res.status).toBe(201);
  return (await res.json()).id as number;
};

beforeAll(async () => {
  for (const [model, input, output] of [["gpt-4o", "10", "40"], ["gpt-4o-mini", "1", "4"]]) {
    await prisma().priceOverride.create({ data: { provider: "openai", model, inputPerMtok: input, outputPerMtok: output, validFrom: new Date("2026-01-01T00:00:00Z") } });
  }
  const team = await prisma().team.create({ data: { slug: "support", name: "Support" } });
  await prisma().workload.create({ data: { slug: "triage", name: "Ticket triage", teamId: team.id } });
  await prisma().workload.create({ data: { slug: "drafts", name: "Drafts", teamId: team.id } });
  await prisma().team.create({ data: { slug: "labs", name: "Labs" } });
  const before = days("2026-10-01", 14);
  const after = days("2026-10-15", 7);
  await ingest([
    ...before.flatMap((d, i) => calls("triage", d, "gpt-4o", 10, i < 7 ? 1 : 0)),
    ...after.flatMap((d) => [...calls("triage", d, "gpt-4o-mini", 18, 2), ...calls("triage", d, "gpt-4o", 2)]),
    ...before.flatMap((d) => calls("drafts", d, "gpt-4o", 10)),
    ...after.flatMap((d) => [...calls("drafts", d, "gpt-4o-mini", 5), ...calls("drafts", d, "gpt-4o", 5)]),
  ]);
  admin = await userWithSession("admin@rollouts.test", "admin");
  lead = await userWithSession("lead@rollouts.test", "lead", ["labs"]);
  triageScenario = await scenario("Triage on mini", {
    select: { workloads: ["triage"] },
    reroute: { provider: "openai", model: "gpt-4o-mini" },
    escalation: { provider: "openai", model: "gpt-4o", rate: 0.1 },
  });
  draftsScenario = await scenario("Drafts on mini", { select: { workloads: ["drafts"] }, reroute: { provider: "openai", model: "gpt-4o-mini" } });
});

describe("rollouts", () => {
  let proposalId: number;

  it("detects the triage switch on Oct 15 and proposes it; the half-moved drafts is not a shift", async () => {
    // triage: 0% on mini before; Oct 15 alone and Oct 15-17 both 18/20 = 90% on mini (> 50 points).
    // drafts: 50% on mini after, not more than 50 points.
    const created = await detectRollouts(NOW);
    expect(created).toHaveLength(1);
    const res = await listRoute(request("/api/v1/rollouts", { cookie: admin.cookie }));
    const { rollouts } = await res.json();
    expect(rollouts).toHaveLength(1);
    expect(rollouts[0]).toMatchObject({
      status: "proposed",
      source: "detected",
      appliedFrom: "2026-10-15",
      workloads: ["triage"],
      scenarioId: null,
      fromModel: "gpt-4o",
      toModel: "gpt-4o-mini",
      note: "Ticket triage moved from gpt-4o to gpt-4o-mini on Oct 15: link to a scenario?",
    });
    proposalId = rollouts[0].id;
    // Idempotent: the proposal covers the shift now.
    expect(await detectRollouts(NOW)).toEqual([]);
  });

  it("measures the unlinked proposal against the counterfactual (no prediction yet)", async () => {
    const d = await getRolloutDetail(ALL, proposalId, NOW);
    // Counterfactual per day: 20 calls on the before-mix (100% gpt-4o) = 20 x $0.014 = $0.28.
    // Actual per day: 18 x $0.0014 + 2 x $0.014 = $0.0252 + $0.028 = $0.0532. Realised $0.2268 a day.
    expect(d.byDay[0]).toEqual({ day: "2026-10-15", calls: 20, actualUsd: "0.0532", counterfactualUsd: "0.28", realisedSavingUsd: "0.2268", predictedSavingUsd: null });
    expect(d.predictedSavingUsd).toBeNull();
    expect(d.verdict).toBe("saved $1.59 against the previous model mix (no scenario linked, so no prediction)");
  });

  it("confirms the proposal, links the scenario, and gives the hand-worked realised and predicted savings", async () => {
    await patchRollout({ kind: "user", id: 0, label: "test", role: "admin", teamIds: null }, proposalId, { status: "applied", scenarioId: triageScenario });
    const d = await getRolloutDetail(ALL, proposalId, NOW);
    // 7 days: counterfactual 7 x $0.28 = $1.96, actual 7 x $0.0532 = $0.3724, realised $1.5876.
    // Prediction: the scenario on Oct 1-14 (140 calls): baseline 140 x $0.014 = $1.96; scenario 140 x $0.0014 +
    // 10% x 140 x $0.014 = $0.196 + $0.196 = $0.392; saving $1.568 = 80% of baseline. Per day 80% x $0.28 = $0.224,
    // 7 days $1.568. Delivered 1.5876 / 1.568 = 1.012500.
    expect(d).toMatchObject({
      status: "applied",
      scenarioId: triageScenario,
      scenarioName: "Triage on mini",
      appliedFrom: "2026-10-15",
      days: 7,
      actualUsd: "0.3724",
      counterfactualUsd: "1.96",
      realisedSavingUsd: "1.5876",
      predictedSavingUsd: "1.568",
      deliveredShare: 1.0125,
    });
    expect(d.byDay.map((x) => x.predictedSavingUsd)).toEqual(Array(7).fill("0.224"));
    // Escalations: 14 gpt-4o calls per 126 mini calls = 0.111111 vs 0.1 assumed. Errors: 7/140 = 5% before, 14/140 = 10% after.
    expect(d.escalation).toEqual({ model: "gpt-4o", assumedRate: 0.1, observedRate: 0.111111 });
    expect(d.quality).toEqual({ errorShareBefore: 0.05, errorShareAfter: 0.1, outputTokensPerCallBefore: 100, outputTokensPerCallAfter: 100, outputFactorAssumed: 1 });
    expect(d.verdict).toBe("delivering 101% of the predicted saving; escalations 11% vs 10% assumed");
  });

  it("records a scenario applied by hand, and alerts when it delivers under 70% for 7 days", async () => {
    const res = await createRoute(request("/api/v1/rollouts", { cookie: admin.cookie, body: { scenarioId: draftsScenario, appliedFrom: "2026-10-15" } }));
    expect(res.status).toBe(201);
    const created = await res.json();
    // The scenario routes only drafts, so that is the rollout's workload.
    expect(created).toMatchObject({ status: "applied", source: "manual", workloads: ["drafts"], scenarioId: draftsScenario, appliedFrom: "2026-10-15" });
    const d = await getRolloutDetail(ALL, created.id, NOW);
    // Per day: counterfactual 10 x $0.014 = $0.14; actual 5 x $0.0014 + 5 x $0.014 = $0.077; realised $0.063.
    // Predicted rate: 1 - $0.0014/$0.014 = 90%: $0.126 a day. 7 days: realised $0.441 of $0.882 = 50%.
    expect(d).toMatchObject({ counterfactualUsd: "0.98", actualUsd: "0.539", realisedSavingUsd: "0.441", predictedSavingUsd: "0.882", deliveredShare: 0.5 });
    const raised = await raiseRolloutAlerts([], NOW);
    // Triage delivers 101% and escalates 11% vs 10% (within 10 points): no alert. Drafts: 50% < 70%.
    expect(raised.map((a) => [a.kind, a.periodKey])).toEqual([["rollout", `rollout:${created.id}:under-delivery`]]);
    expect(raised[0].message).toBe("Drafts on mini (drafts) applied 2026-10-15 delivered 50% of its predicted saving over the last 7 days ($0.44 of $0.88).");
    // Once per rollout and condition.
    expect(await raiseRolloutAlerts([], NOW)).toEqual([]);
  });

  it("sums the month's realised savings over applied rollouts", async () => {
    // October: triage $1.5876 + drafts $0.441 = $2.0286 realised; predicted $1.568 + $0.882 = $2.45.
    const m = await monthSavings(ALL, "2026-10", { now: NOW });
    expect(m.realisedNanos).toBe(2_028_600_000n);
    expect(m.predictedNanos).toBe(2_450_000_000n);
    expect((await monthSavings(ALL, "2026-09", { now: NOW })).rollouts).toEqual([]);
  });

  it("puts the same figures in the monthly report's Savings delivered section", async () => {
    const report = await buildMonthlyReport({ kind: "user", id: 0, label: "test", role: "admin", teamIds: null, scopes: ["read"] }, "2026-10", NOW);
    expect(report.savingsDelivered.realisedSavingUsd).toBe("2.0286");
    expect(report.savingsDelivered.predictedSavingUsd).toBe("2.45");
    expect(report.savingsDelivered.rollouts.map((r) => [r.label, r.realisedSavingUsd, r.days])).toEqual([
      ["Drafts on mini", "0.441", 7],
      ["Triage on mini", "1.5876", 7],
    ]);
  });

  it("validates input, and hides another team's rollouts from a lead", async () => {
    const bad = await createRoute(request("/api/v1/rollouts", { cookie: admin.cookie, body: { scenarioId: draftsScenario, appliedFrom: "2026-13-01", workloads: ["nope"] } }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("appliedFrom must be a real UTC date");
    const unknown = await createRoute(request("/api/v1/rollouts", { cookie: admin.cookie, body: { scenarioId: draftsScenario, appliedFrom: "2026-10-15", workloads: ["nope"] } }));
    expect((await unknown.json()).error.message).toBe('workloads: unknown workload "nope"');
    const leadList = await (await listRoute(request("/api/v1/rollouts", { cookie: lead.cookie }))).json();
    expect(leadList.rollouts).toEqual([]);
    const count = await pool().query("SELECT count(*)::int AS n FROM rollouts");
    expect(count.rows[0].n).toBe(2);
  });
});
