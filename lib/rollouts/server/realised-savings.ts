import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { pool } from "@/lib/db/pool";
import { addDays, dayOf, eachDay } from "@/lib/forecast/utc-days";
import { nanosToUsd } from "@/lib/money";
import { buildRoutingTable, type ExportWorkload } from "@/lib/routing-export/routing-table";
import { prisma } from "@/lib/db/prisma";
import { runWhatIf } from "@/lib/whatif/engine";
import { WhatIfRequestSchema, type WhatIfRequest } from "@/lib/whatif/schema";
import { loadDims, type WhatIfDims } from "@/lib/whatif/server/dimensions";
import { loadCallGroups } from "@/lib/whatif/server/load-groups";
import { loadWhatIfPricing, type WhatIfPricing } from "@/lib/whatif/server/pricing";
import { loadWorkloadInfo } from "@/lib/whatif/server/workload-info";
import type { CallGroup } from "@/lib/whatif/types";
import { BEFORE_DAYS } from "../detect-shift";
import { counterfactual, type ModelCalls } from "../counterfactual";
import type { RolloutDetail } from "../rollout-schema";
import { verdictText } from "../verdict";
import type { RolloutRecord } from "./rollout-store";
import { toRolloutOut } from "./rollout-out";

/** Loaded once for many rollouts (the Rollouts list, the Overview, alerts): names and prices. */
export interface SavingsContext {
  principal: Pick<Principal, "teamIds">;
  dims: WhatIfDims;
  pricing: WhatIfPricing;
  now: Date;
}

export async function savingsContext(principal: Pick<Principal, "teamIds">, now = new Date()): Promise<SavingsContext> {
  const [dims, pricing] = await Promise.all([loadDims(principal), loadWhatIfPricing()]);
  return { principal, dims, pricing, now };
}

/** Raw figures of one rollout (nano-dollars), before they become the API's decimal strings. */
export interface RolloutSavings {
  to: string | null;
  byDay: { day: string; calls: number; actualNanos: bigint; counterfactualNanos: bigint; realisedNanos: bigint; predictedNanos: bigint | null }[];
  actualNanos: bigint;
  counterfactualNanos: bigint;
  realisedNanos: bigint;
  predictedNanos: bigint | null;
  escalation: RolloutDetail["escalation"];
  quality: RolloutDetail["quality"];
  warnings: string[];
}

const MAX_DAYS = 366;

/**
 * A rollout's realised savings, per day from appliedFrom to today: actual cost vs the counterfactual (the same
 * calls on the 14-day-before model mix, counterfactual.ts), the scenario's predicted saving for that traffic (its
 * what-if saving rate on the 14 days before, applied to the counterfactual), and the quality signals seen in traffic.
 */
export async function computeRolloutSavings(ctx: SavingsContext, r: RolloutRecord, opts: { quality?: boolean } = {}): Promise<RolloutSavings> {
  const today = dayOf(ctx.now);
  const warnings: string[] = [];
  const beforeFrom = addDays(r.appliedFrom, -BEFORE_DAYS);
  const last = r.appliedFrom > today ? null : addDays(r.appliedFrom, MAX_DAYS - 1) < today ? addDays(r.appliedFrom, MAX_DAYS - 1) : today;
  const groups = await loadCallGroups(ctx.principal, ctx.dims, { from: beforeFrom, to: last ?? addDays(r.appliedFrom, -1), workloadIds: r.workloadIds });
  const before = groups.filter((g) => g.day < r.appliedFrom);
  const after = groups.filter((g) => g.day >= r.appliedFrom);
  const mixes = mixOf(before);
  const days = last === null ? [] : eachDay(r.appliedFrom, last);
  const cf = counterfactual({ days, groups: after, mixes, price: ctx.pricing.price });
  if (cf.withoutHistory.length) warnings.push(`no calls in the ${BEFORE_DAYS} days before the change for ${cf.withoutHistory.join(", ")}: counted at actual cost on both sides`);
  if (cf.unpricedCalls) warnings.push(`${cf.unpricedCalls.toLocaleString("en-US")} calls after the change have no price: left out`);
  if (cf.unpricedMixModels.length) warnings.push(`no price on some days for ${cf.unpricedMixModels.join(", ")}: left out of the previous mix on those days`);

  const definition = r.scenarioId === null ? null : await scenarioDefinition(r.scenarioId);
  const rate = definition ? await predictedRate(ctx, definition, before, r.appliedFrom, warnings) : null;
  const byDay = cf.days.map((d) => {
    const realisedNanos = d.counterfactualNanos - d.actualNanos;
    const predictedNanos = rate === null ? null : (2n * d.counterfactualNanos * rate.num + rate.den) / (2n * rate.den);
    return { ...d, realisedNanos, predictedNanos };
  });
  const sum = (f: (d: (typeof byDay)[number]) => bigint) => byDay.reduce((s, d) => s + f(d), 0n);
  const routes = definition ? buildRoutingTable({ id: r.scenarioId, name: "", definition: { ...definition, from: beforeFrom, to: addDays(r.appliedFrom, -1) } }, exportWorkloads(before, r, ctx.dims)).routes : [];
  return {
    to: last,
    byDay,
    actualNanos: sum((d) => d.actualNanos),
    counterfactualNanos: sum((d) => d.counterfactualNanos),
    realisedNanos: sum((d) => d.realisedNanos),
    predictedNanos: rate === null ? null : sum((d) => d.predictedNanos ?? 0n),
    escalation: escalationSignals(routes, after),
    quality: {
      ...(opts.quality === false ? { errorShareBefore: null, errorShareAfter: null } : await errorShares(ctx, r, beforeFrom, last)),
      outputTokensPerCallBefore: outputPerCall(before),
      outputTokensPerCallAfter: outputPerCall(after),
      outputFactorAssumed: routes.length ? weighted(routes.map((x) => [x.outputFactor, x.expectedShare])) : null,
    },
    warnings,
  };
}

export function toRolloutDetail(r: RolloutRecord, s: RolloutSavings): RolloutDetail {
  const base = toRolloutOut(r);
  const outputRatio =
    s.quality.outputTokensPerCallBefore && s.quality.outputTokensPerCallAfter !== null ? s.quality.outputTokensPerCallAfter / s.quality.outputTokensPerCallBefore : null;
  return {
    ...base,
    days: s.byDay.length,
    to: s.to,
    actualUsd: nanosToUsd(s.actualNanos),
    counterfactualUsd: nanosToUsd(s.counterfactualNanos),
    realisedSavingUsd: nanosToUsd(s.realisedNanos),
    predictedSavingUsd: s.predictedNanos === null ? null : nanosToUsd(s.predictedNanos),
    deliveredShare: s.predictedNanos === null || s.predictedNanos === 0n ? null : Number((s.realisedNanos * 1_000_000n) / s.predictedNanos) / 1_000_000,
    escalation: s.escalation,
    quality: s.quality,
    verdict: verdictText({
      days: s.byDay.length,
      realisedNanos: s.realisedNanos,
      predictedNanos: s.predictedNanos,
      escalation: s.escalation,
      outputRatio,
      outputFactorAssumed: s.quality.outputFactorAssumed,
    }),
    warnings: s.warnings,
    byDay: s.byDay.map((d) => ({
      day: d.day,
      calls: d.calls,
      actualUsd: nanosToUsd(d.actualNanos),
      counterfactualUsd: nanosToUsd(d.counterfactualNanos),
      realisedSavingUsd: nanosToUsd(d.realisedNanos),
      predictedSavingUsd: d.predictedNanos === null ? null : nanosToUsd(d.predictedNanos),
    })),
  };
}

function mixOf(groups: readonly CallGroup[]): Map<string, ModelCalls[]> {
  const acc = new Map<string, Map<string, ModelCalls>>();
  for (const g of groups) {
    if (!g.workloadSlug) continue;
    const models = acc.get(g.workloadSlug) ?? new Map<string, ModelCalls>();
    acc.set(g.workloadSlug, models);
    const key = `${g.provider}/${g.model}`;
    const m = models.get(key) ?? { provider: g.provider, model: g.model, calls: 0 };
    m.calls += g.calls;
    models.set(key, m);
  }
  return new Map([...acc].map(([w, m]) => [w, [...m.values()]]));
}

async function scenarioDefinition(id: number): Promise<WhatIfRequest | null> {
  const row = await prisma().scenario.findUnique({ where: { id }, select: { definition: true } });
  const parsed = row ? WhatIfRequestSchema.safeParse(row.definition) : null;
  return parsed?.success ? parsed.data : null;
}

/**
 * The scenario's saving as a fraction (num/den) of its baseline, on the rollout workloads' 14 days before the
 * change. Rules that select none of that traffic are dropped first (they match nothing, so the first-match order of
 * the others is unchanged).
 */
async function predictedRate(ctx: SavingsContext, def: WhatIfRequest, before: CallGroup[], appliedFrom: string, warnings: string[]): Promise<{ num: bigint; den: bigint } | null> {
  const window = { from: addDays(appliedFrom, -BEFORE_DAYS), to: addDays(appliedFrom, -1) };
  if (before.length === 0) {
    warnings.push("no traffic in the 14 days before the change: no prediction");
    return null;
  }
  const slugs = new Set(before.map((g) => g.workloadSlug));
  const workloads = await loadWorkloadInfo([...ctx.dims.workloads.values()].filter((w) => slugs.has(w.slug)));
  let request: WhatIfRequest = { ...def, ...window };
  let out = runWhatIf({ request, groups: before, price: ctx.pricing.price, workloads });
  if (!out.ok && out.errors.every((e) => e.code === "rule_selects_nothing")) {
    const drop = new Set(out.errors.map((e) => e.rule));
    request = { ...request, rules: request.rules.filter((_, i) => !drop.has(i)) };
    out = request.rules.length ? runWhatIf({ request, groups: before, price: ctx.pricing.price, workloads }) : out;
  }
  if (!out.ok) {
    warnings.push(`the scenario cannot be re-run on the 14 days before: ${out.errors.map((e) => e.message).join("; ")}`);
    return null;
  }
  if (out.result.baselineNanos <= 0n) return null;
  return { num: out.result.savingsNanos, den: out.result.baselineNanos };
}

function exportWorkloads(before: CallGroup[], r: RolloutRecord, dims: WhatIfDims): ExportWorkload[] {
  const mixes = mixOf(before);
  return r.workloadIds.flatMap((id) => {
    const w = dims.workloads.get(id);
    if (!w) return [];
    const models = mixes.get(w.slug) ?? [];
    const main = models.reduce<ModelCalls | null>((best, m) => (!best || m.calls > best.calls ? m : best), null);
    return [{ slug: w.slug, teamSlug: w.teamSlug, taskClass: w.taskClass, currentModel: main && { provider: main.provider, model: main.model }, calls: models.reduce((s, m) => s + m.calls, 0) }];
  });
}

/** Escalated calls per call on the routed model, after the change, against the scenario's rate (call-weighted). */
function escalationSignals(routes: ReturnType<typeof buildRoutingTable>["routes"], after: CallGroup[]): RolloutDetail["escalation"] {
  const escalating = routes.filter((x) => x.escalation !== null && x.escalation.rate !== null);
  if (escalating.length === 0) return { model: null, assumedRate: null, observedRate: null };
  let routed = 0;
  let escalated = 0;
  let assumed = 0;
  for (const route of escalating) {
    const e = route.escalation!;
    let onTarget = 0;
    for (const g of after) {
      if (g.workloadSlug !== route.workload) continue;
      if (g.provider === route.model.provider && g.model === route.model.model) onTarget += g.calls;
      else if (g.provider === e.provider && g.model === e.model) escalated += g.calls;
    }
    routed += onTarget;
    assumed += onTarget * e.rate!;
  }
  const models = [...new Set(escalating.map((x) => x.escalation!.model))];
  return {
    model: models.join(", "),
    assumedRate: routed === 0 ? escalating[0].escalation!.rate : round6(assumed / routed),
    observedRate: routed === 0 ? null : round6(escalated / routed),
  };
}

/** Share of calls with an error status (anything but ok/success/2xx) before and after; null when no call reports a status. */
async function errorShares(ctx: SavingsContext, r: RolloutRecord, from: string, last: string | null) {
  const to = addDays(last ?? addDays(r.appliedFrom, -1), 1);
  const q = Prisma.sql`
    SELECT (e.occurred_at >= ${r.appliedFrom}::date) AS after,
           count(*) FILTER (WHERE e.status IS NOT NULL)::bigint AS reported,
           count(*) FILTER (WHERE e.status IS NOT NULL AND e.status <> 'ok' AND lower(e.status) NOT IN ('ok', 'success', 'succeeded', 'completed') AND e.status !~ '^2[0-9][0-9]$')::bigint AS errors
    FROM usage_events e
    WHERE e.occurred_at >= ${from}::date AND e.occurred_at < ${to}::date AND e.workload_id = ANY(${r.workloadIds}::int[])
      AND ${teamScope(ctx.principal, Prisma.raw("e.team_id"))}
    GROUP BY 1`;
  const res = await pool().query(q.text, q.values);
  const share = (after: boolean) => {
    const row = res.rows.find((x) => x.after === after);
    return row && Number(row.reported) > 0 ? round6(Number(row.errors) / Number(row.reported)) : null;
  };
  return { errorShareBefore: share(false), errorShareAfter: share(true) };
}

function outputPerCall(groups: CallGroup[]): number | null {
  let calls = 0;
  let out = 0;
  for (const g of groups) {
    calls += g.calls;
    out += g.outputTokens;
  }
  return calls === 0 ? null : Math.round((out / calls) * 100) / 100;
}

function weighted(pairs: [number, number][]): number {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  return total === 0 ? pairs[0][0] : round6(pairs.reduce((s, [v, w]) => s + v * w, 0) / total);
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
