import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { addDays, checkRange, todayUtc } from "@/lib/analytics/dates";
import { badRequest, notFound } from "@/lib/errors";
import { nanosToUsd, usdToNanos } from "@/lib/money";
import { getScenario } from "@/lib/scenarios/scenario-store";
import type { WhatIfRequest } from "@/lib/whatif/schema";
import { breakEvenTokensPerMinute, divRound, evaluateWindow, loadPercentiles, toTerm, type Hour, type Offer } from "./plan-math";
import { scenarioNotes, shareOnTarget, type GroupKey } from "./scenario-shift";
import type { CommitmentOption, CommitmentPlan, CommitmentRequest } from "./commitment-schema";

const HOURS_PER_MONTH = 730;
const MAX_WINDOW_DAYS = 92;
const PERCENTILES = [50, 90, 95, 99, 100] as const;

interface RawGroup {
  h: number;
  workload: string | null;
  team: string | null;
  task_class: string | null;
  provider: string;
  model: string;
  tokens: string;
  cost: string;
}

/**
 * Weighs a commitment / provisioned-throughput offer for one model against pay-as-you-go, on the model's observed
 * per-hour token load (non-batch calls, the caller's team scope), before and after a saved what-if scenario. The
 * observed window is exact (plan-math.ts); everything projected to the term is an estimate with a range.
 */
export async function planCommitment(principal: Principal, q: CommitmentRequest, now = new Date()): Promise<CommitmentPlan> {
  const to = q.to ?? addDays(todayUtc(now), -1);
  const from = q.from ?? addDays(to, -27);
  checkRange(from, to, MAX_WINDOW_DAYS, now);
  const scenario = q.scenarioId === undefined ? null : await getScenario(principal, q.scenarioId);
  const rules = scenario ? (scenario.definition as WhatIfRequest).rules : null;
  const target = { provider: q.provider, model: q.model };

  const startMs = Date.parse(`${from}T00:00:00Z`);
  const hoursInWindow = Math.round((Date.parse(`${addDays(to, 1)}T00:00:00Z`) - startMs) / 3_600_000);
  const groups = await loadGroups(principal, from, to, rules ? null : target);
  const before: Hour[] = Array.from({ length: hoursInWindow }, () => ({ tokens: 0, costNanos: 0n }));
  const after: Hour[] | null = rules ? Array.from({ length: hoursInWindow }, () => ({ tokens: 0, costNanos: 0n })) : null;
  const arriving: { h: number; tokens: number }[] = [];
  const firstHour = Math.floor(startMs / 3_600_000);
  for (const g of groups) {
    const i = g.h - firstHour;
    if (i < 0 || i >= hoursInWindow) continue;
    const tokens = Number(g.tokens);
    const cost = BigInt(g.cost);
    const isTarget = g.provider === q.provider && g.model === q.model;
    if (isTarget) {
      before[i].tokens += tokens;
      before[i].costNanos += cost;
    }
    if (!after || !rules) continue;
    const key: GroupKey = { workloadSlug: g.workload, teamSlug: g.team, taskClass: g.task_class, provider: g.provider, model: g.model };
    const share = shareOnTarget(rules, target, key);
    if (share === 0) continue;
    const moved = Math.round(tokens * share);
    after[i].tokens += moved;
    // Staying traffic keeps its own exact cost share; traffic arriving from other models is priced below.
    if (isTarget) after[i].costNanos += divRound(cost * BigInt(Math.round(share * 1e6)), 1_000_000n);
    else arriving.push({ h: i, tokens: moved });
  }
  const totalTokens = before.reduce((a, h) => a + h.tokens, 0);
  const totalCost = before.reduce((a, h) => a + h.costNanos, 0n);
  if (totalTokens === 0 && !(after && after.some((h) => h.tokens > 0))) {
    throw notFound(`Non-batch calls of ${q.provider}/${q.model} between ${from} and ${to} in your teams`);
  }
  if (after && arriving.length > 0) {
    // Arriving tokens cost the target model's average price per token in the window (an estimate).
    if (totalTokens === 0) throw badRequest(`${q.provider}/${q.model} has no priced calls in the window to price the rerouted traffic with`);
    for (const a of arriving) after[a.h].costNanos += divRound(totalCost * BigInt(a.tokens), BigInt(totalTokens));
  }

  const termHours = q.termMonths * HOURS_PER_MONTH;
  const pricePerHourNanos = q.pricePerHourUsd !== undefined ? usdToNanos(q.pricePerHourUsd) : divRound(usdToNanos(q.priceUsd!), BigInt(termHours));
  const termPriceNanos = q.priceUsd !== undefined ? usdToNanos(q.priceUsd) : pricePerHourNanos * BigInt(termHours);
  const offer: Offer = { capacityTokensPerMinute: q.capacityTokensPerMinute, pricePerHourNanos };
  const current = option("current", before, offer, termHours, termPriceNanos);
  const breakEven = breakEvenTokensPerMinute({ tokens: totalTokens, paygNanos: totalCost }, pricePerHourNanos);
  const perMinute = (h: Hour) => round1(h.tokens / 60);
  return {
    provider: q.provider,
    model: q.model,
    window: { from, to, hours: hoursInWindow },
    term: { months: q.termMonths, hours: termHours },
    offer: { capacityTokensPerMinute: q.capacityTokensPerMinute, pricePerHourUsd: nanosToUsd(pricePerHourNanos), termPriceUsd: nanosToUsd(termPriceNanos) },
    breakEven: { tokensPerMinute: breakEven === null ? null : round1(breakEven), utilisation: breakEven === null ? null : round4(breakEven / q.capacityTokensPerMinute) },
    current,
    afterScenario: after ? option("after-scenario", after, offer, termHours, termPriceNanos) : null,
    scenario: scenario ? { id: scenario.id, name: scenario.name, notes: scenarioNotes(rules!) } : null,
    hourly: before.map((h, i) => ({ hour: new Date((firstHour + i) * 3_600_000).toISOString(), tokensPerMinute: perMinute(h), afterTokensPerMinute: after ? perMinute(after[i]) : null })),
    duration: durationCurve(before, after),
    notes: [
      "Load counts input + output tokens of non-batch calls (batch jobs do not use reserved capacity); unpriced calls add load but no cost.",
      `Term figures assume the ${hoursInWindow} observed hours repeat for ${termHours} hours (${q.termMonths} x 730): estimates; the range projects each full observed week on its own.`,
    ],
  };
}

function option(label: CommitmentOption["label"], hours: Hour[], offer: Offer, termHours: number, termPriceNanos: bigint): CommitmentOption {
  const w = evaluateWindow(hours, offer);
  // payg over the term - (term price + overflow over the term): each projection rounded once, so saving = payg - commit exactly.
  const saving = (win: ReturnType<typeof evaluateWindow>) => toTerm(win.paygNanos, win.hours, termHours) - toTerm(win.overflowNanos, win.hours, termHours) - termPriceNanos;
  const total = saving(w);
  const weeks: bigint[] = [];
  for (let s = 0; s + 168 <= hours.length; s += 168) weeks.push(saving(evaluateWindow(hours.slice(s, s + 168), offer)));
  const range = weeks.length > 0 ? weeks : [total];
  const percentiles = loadPercentiles(hours, PERCENTILES);
  return {
    label,
    meanTokensPerMinute: round1(w.hours === 0 ? 0 : w.tokens / 60 / w.hours),
    percentiles: Object.fromEntries(Object.entries(percentiles).map(([k, v]) => [k === "p100" ? "max" : k, round1(v)])),
    utilisation: round4(w.utilisation),
    observed: { paygUsd: nanosToUsd(w.paygNanos), commitUsd: nanosToUsd(w.commitNanos) },
    term: {
      estimate: true,
      paygUsd: nanosToUsd(toTerm(w.paygNanos, w.hours, termHours)),
      commitUsd: nanosToUsd(termPriceNanos + toTerm(w.overflowNanos, w.hours, termHours)),
      savingUsd: nanosToUsd(total),
      savingLowUsd: nanosToUsd(range.reduce((a, b) => (b < a ? b : a))),
      savingHighUsd: nanosToUsd(range.reduce((a, b) => (b > a ? b : a))),
    },
  };
}

function durationCurve(before: Hour[], after: Hour[] | null) {
  const sorted = (hs: Hour[]) => hs.map((h) => h.tokens / 60).sort((a, b) => b - a);
  const b = sorted(before);
  const a = after ? sorted(after) : null;
  const at = (xs: number[], share: number) => (xs.length === 0 ? 0 : xs[Math.min(xs.length - 1, Math.floor((share / 100) * xs.length))]);
  const points = [];
  for (let share = 0; share <= 100; share += 2) points.push({ share: share / 100, tokensPerMinute: round1(at(b, share)), afterTokensPerMinute: a ? round1(at(a, share)) : null });
  return points;
}

async function loadGroups(principal: Principal, from: string, to: string, only: { provider: string; model: string } | null): Promise<RawGroup[]> {
  const model = only ? Prisma.sql`AND m.provider = ${only.provider} AND m.name = ${only.model}` : Prisma.empty;
  return prisma().$queryRaw<RawGroup[]>`
    SELECT floor(extract(epoch FROM e.occurred_at) / 3600)::int AS h, w.slug AS workload, t.slug AS team, w.task_class, m.provider, m.name AS model,
      sum(e.input_tokens::bigint + e.output_tokens)::text AS tokens, COALESCE(sum(e.cost_nanos), 0)::text AS cost
    FROM usage_events e JOIN models m ON m.id = e.model_id LEFT JOIN workloads w ON w.id = e.workload_id LEFT JOIN teams t ON t.id = e.team_id
    WHERE e.occurred_at >= (${from}::date::timestamp AT TIME ZONE 'UTC') AND e.occurred_at < ((${to}::date + 1)::timestamp AT TIME ZONE 'UTC')
      AND NOT e.batch AND ${teamScope(principal, Prisma.raw("e.team_id"))} ${model}
    GROUP BY 1, 2, 3, 4, 5, 6`;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round4 = (x: number) => Math.round(x * 10000) / 10000;
