import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { findVisibleWorkload } from "@/lib/analytics/find-visible";
import { notFound } from "@/lib/errors";
import { nanosToUsd } from "@/lib/money";
import { prisma } from "@/lib/db/prisma";
import { addDays, daysInclusive } from "@/lib/forecast/utc-days";
import { BEFORE_DAYS } from "@/lib/rollouts/detect-shift";
import { monthlyFromWindow } from "@/lib/whatif/projection";
import { resolveWindow } from "@/lib/whatif/window";
import { wilsonInterval } from "@/lib/whatif/wilson";
import { assessWorkloads, type WorkloadAssessment } from "./assess-workloads";
import { intervalJson } from "./interval-json";
import { recommendationOut } from "./recommendation-out";
import { modelFacts, modelHistory, workloadCost } from "./workload-evidence";
import type { WorkloadVerdict } from "./workload-verdict-schema";

const FLOOR_EPS = 1e-9;

/**
 * One workload's verdict for its page and its evidence drawer: the SAME assessment and `decide()` as the
 * recommendations list and the over-specified list (assess-workloads.ts), narrowed to one workload, with the facts
 * behind it: eval pass rates with their 95% Wilson intervals, tokens per call and reasoning share per model, the
 * model history, and a recent model switch with the spend rate before and since.
 */
export async function workloadVerdict(principal: Principal, slug: string, q: { from?: string; to?: string }): Promise<WorkloadVerdict> {
  const found = await findVisibleWorkload(principal, slug);
  // Out of scope reads as missing, as the classification does: a lead learns nothing about other teams' workloads.
  if (found.status !== "ok") throw notFound(`workload "${slug}"`);
  const window = resolveWindow(q);
  const [a, row] = await Promise.all([
    assessWorkloads(principal, window, { workload: slug }),
    prisma().workload.findUniqueOrThrow({ where: { slug }, select: { id: true, qualityFloor: true, team: { select: { slug: true } } } }),
  ]);
  const item = a.items[0] ?? null;
  const [models, history] = await Promise.all([modelFacts(principal, row.id, window), modelHistory(principal, row.id, window)]);
  const floor = item?.workload.qualityFloor ?? Number(row.qualityFloor);
  return {
    workload: { slug, name: found.value.name, team: row.team?.slug ?? null, taskClass: found.value.taskClass, qualityFloor: floor },
    from: window.from,
    to: window.to,
    verdict: verdictOf(item),
    recommendation: item?.decision.recommendation ? recommendationOut(item, item.decision.recommendation, window) : null,
    modelSwitch: item ? await switchOut(principal, row.id, item, window) : null,
    evidence: {
      evalSet: item?.input.evidence?.evalSet ?? null,
      passRates: passRatesOut(item, floor),
      models: models.map(({ costNanos, ...m }) => ({ ...m, costUsd: nanosToUsd(costNanos) })),
      history: history.map((h) => ({ week: h.week, model: h.model, calls: h.calls, costUsd: nanosToUsd(h.costNanos) })),
    },
  };
}

function verdictOf(item: WorkloadAssessment | null): WorkloadVerdict["verdict"] {
  if (!item) {
    return { status: "no-traffic", headline: "No priced traffic in the window", why: "nothing to assess: no priced calls of this workload in the window", proven: false, unprovenReason: null };
  }
  const d = item.decision;
  if (d.overSpecified) {
    return { status: "over-specified", headline: "Over-specified", why: d.overSpecifiedReason ?? "", proven: d.proven, unprovenReason: d.unprovenReason };
  }
  const why = d.reason ?? `a cheaper model is suggested (${d.recommendation?.evidence ?? "task class"}), but ${item.currentModel.model} is not a frontier model and no eval shows a cheaper one holds the floor`;
  return { status: "not-over-specified", headline: "Not over-specified", why, proven: d.proven, unprovenReason: d.unprovenReason };
}

function passRatesOut(item: WorkloadAssessment | null, floor: number): WorkloadVerdict["evidence"]["passRates"] {
  const ev = item?.input.evidence;
  if (!ev) return [];
  return ev.passRates
    .map((p) => {
      const i = wilsonInterval(p.passes, p.tasks);
      const standsFor = [...(ev.standIns ?? new Map<string, string>())].filter(([, evalModel]) => evalModel === p.model).map(([real]) => real);
      const meetsFloor = i.low >= floor - FLOOR_EPS ? "lower-bound" : i.rate >= floor - FLOOR_EPS ? "rate" : "no";
      return { model: p.model, standsFor, meetsFloor, ...intervalJson(i)! } as const;
    })
    .sort((x, y) => y.rate - x.rate || x.model.localeCompare(y.model));
}

async function switchOut(principal: Principal, workloadId: number, item: WorkloadAssessment, window: { to: string }): Promise<WorkloadVerdict["modelSwitch"]> {
  const sw = item.modelSwitch;
  const revert = item.decision.revert;
  if (!sw || !revert) return null;
  const beforeFrom = addDays(sw.day, -BEFORE_DAYS);
  const beforeTo = addDays(sw.day, -1);
  const [before, since] = await Promise.all([workloadCost(principal, workloadId, beforeFrom, beforeTo), workloadCost(principal, workloadId, sw.day, window.to)]);
  const rate = (cost: bigint, days: number) => ({ days, costUsd: nanosToUsd(cost), monthlyUsd: nanosToUsd(monthlyFromWindow(cost, 1n, days)) });
  return {
    from: sw.from,
    to: sw.to,
    on: sw.day,
    before: rate(before, BEFORE_DAYS),
    since: rate(since, daysInclusive(sw.day, window.to)),
    revert: {
      model: `${revert.to.provider}/${revert.to.model}`,
      monthlyCostUsd: revert.monthlyCostNanos === null ? null : nanosToUsd(revert.monthlyCostNanos),
      metFloor: revert.metFloor,
      passRate: intervalJson(revert.interval),
      note: revert.note,
      recommended: item.decision.recommendation?.revert ?? false,
    },
  };
}
