/**
 * The what-if engine: re-prices a window of historical traffic under a scenario's rules.
 * Pure and single-pass over the call groups; see group-cost.ts for the levers and price-group.ts for how a group
 * of calls is priced. Refuses (ok: false) rather than report a misleading saving when a rule selects nothing, a
 * target or escalation model has no price, or a replay has no eval evidence.
 */
import { dayStart, daysInclusive, eachDay } from "@/lib/forecast/utc-days";
import { Bucket, bucketIn } from "./buckets";
import { EscalationRates } from "./escalation-rates";
import { costGroup, DEN, type GroupCost } from "./group-cost";
import { DEFAULT_BAND, leversOf, type Band } from "./levers";
import { annualFromMonthly, monthlyFromWindow } from "./projection";
import { toPpm } from "./ratio";
import { judgeQuality } from "./quality";
import type { WhatIfRequest } from "./schema";
import { ruleMatcher } from "./select";
import { partsOf } from "./tokens";
import type { CallGroup, ModelRef, PriceFn, WorkloadInfo } from "./types";
import { buildResult, type WhatIfResult } from "./result";

export interface WhatIfInput {
  /** A request parsed by WhatIfRequestSchema (defaults applied). */
  request: WhatIfRequest;
  /** Traffic; groups outside the window are ignored. */
  groups: Iterable<CallGroup>;
  price: PriceFn;
  /** Floors and eval sets of the workloads, by slug. */
  workloads?: ReadonlyMap<string, WorkloadInfo>;
  /** Tokenizer uncertainty band (default 0.9 .. 1.1). */
  band?: { low: number; high: number };
}

export type WhatIfErrorCode =
  | "rule_selects_nothing"
  | "unpriced_target"
  | "unpriced_escalation"
  | "unpriced_current"
  | "replay_without_evals";

export interface WhatIfError {
  code: WhatIfErrorCode;
  /** 0-based index into request.rules (messages say "rule 1" for index 0). */
  rule: number;
  message: string;
}

export type WhatIfOutcome = { ok: true; result: WhatIfResult } | { ok: false; errors: WhatIfError[] };

/** Per-workload tallies needed after the pass: which model and which rule carry most of its cost. */
export interface WorkloadTally {
  workload: string | null;
  team: string | null;
  bucket: Bucket;
  costByModel: Map<string, { ref: ModelRef; nanos: bigint }>;
  costByRule: Map<number, bigint>;
}

/**
 * Runs the scenario; when a replayed escalation uses a modelled detector, also runs it with a perfect detector and
 * reports that as `perfectDetector`: the upper bound (cost and saving) next to the realistic figure.
 */
export function runWhatIf(input: WhatIfInput): WhatIfOutcome {
  const modelled = input.request.rules.some((r) => r.escalation?.mode === "replay" && r.escalation.detector !== undefined);
  if (!modelled) return runOnce(input);
  const groups = [...input.groups];
  const out = runOnce({ ...input, groups });
  if (!out.ok) return out;
  const perfectRequest = { ...input.request, rules: input.request.rules.map((r) => (r.escalation ? { ...r, escalation: { ...r.escalation, detector: undefined } } : r)) };
  const perfect = runOnce({ ...input, groups, request: perfectRequest });
  if (perfect.ok) {
    out.result.perfectDetector = {
      scenarioNanos: perfect.result.scenario.pointNanos,
      savingsNanos: perfect.result.savingsNanos,
      monthlySavingsNanos: perfect.result.monthlySavingsNanos,
    };
  }
  return out;
}

function runOnce(input: WhatIfInput): WhatIfOutcome {
  const { request: req, price } = input;
  const workloads = input.workloads ?? new Map<string, WorkloadInfo>();
  const band: Band = input.band ? { lowPpm: toPpm(input.band.low), highPpm: toPpm(input.band.high) } : DEFAULT_BAND;
  const levers = req.rules.map(leversOf);
  const match = ruleMatcher(req.rules);
  const rates = new EscalationRates(levers, workloads);
  const errors = new Map<string, WhatIfError>();
  const fail = (key: string, e: WhatIfError) => errors.has(key) || errors.set(key, e);

  const total = new Bucket();
  const byDay = new Map<string, Bucket>();
  const byTeam = new Map<string | null, Bucket>();
  const byRule = new Map<number, Bucket>();
  const byWorkload = new Map<string, WorkloadTally>();
  const selectedCalls = new Array<number>(req.rules.length).fill(0);
  const unpriced = { groups: 0, calls: 0 };
  const dates = new Map<string, Date>();

  for (const g of input.groups) {
    if (g.day < req.from || g.day > req.to) continue;
    const ruleIndex = match(g);
    if (ruleIndex >= 0) selectedCalls[ruleIndex] += g.calls;
    if (g.baselineCostNanos === null) {
      unpriced.groups++;
      unpriced.calls += g.calls;
      continue;
    }
    const baseline = g.baselineCostNanos;
    let cost: GroupCost = { point: baseline * DEN, low: baseline * DEN, high: baseline * DEN };
    if (ruleIndex >= 0) {
      const rate = rates.forGroup(ruleIndex, g);
      if (!rate.ok) {
        fail(`replay|${rate.message}`, { code: "replay_without_evals", rule: ruleIndex, message: rate.message });
        continue;
      }
      let occurredAt = g.occurredAt ?? dates.get(g.day);
      if (!occurredAt) dates.set(g.day, (occurredAt = dayStart(g.day)));
      const out = costGroup({
        group: g, parts: partsOf(g), baseline, levers: levers[ruleIndex], escalationRatePpm: rate.ratePpm, band, price, occurredAt,
      });
      if (!out.ok) {
        const ref = `${out.unpriced.provider}/${out.unpriced.model}`;
        fail(`${ruleIndex}|${out.role}|${ref}`, unpricedError(ruleIndex, out.role, ref, g.day));
        continue;
      }
      cost = out.cost;
    }
    total.add(g.calls, baseline, cost);
    bucketIn(byDay, g.day).add(g.calls, baseline, cost);
    bucketIn(byTeam, g.teamSlug).add(g.calls, baseline, cost);
    if (ruleIndex >= 0) bucketIn(byRule, ruleIndex).add(g.calls, baseline, cost);
    tally(byWorkload, g, ruleIndex, baseline, cost);
  }

  selectedCalls.forEach((calls, i) => {
    if (calls === 0) {
      fail(`empty|${i}`, { code: "rule_selects_nothing", rule: i, message: `rule ${i + 1} selects no traffic in ${req.from}..${req.to}` });
    }
  });
  if (errors.size > 0) return { ok: false, errors: [...errors.values()].sort((a, b) => a.rule - b.rule) };

  const windowDays = daysInclusive(req.from, req.to);
  const savingsNum = total.baseline * DEN - total.point;
  const monthly = monthlyFromWindow(savingsNum, DEN, windowDays);
  const quality = (t: WorkloadTally) => {
    const current = dominant(t.costByModel)?.ref ?? null;
    const rule = dominantRule(t.costByRule);
    const rate = rule === null || !current ? null : rates.forWorkload(rule, t.workload, levers[rule].reroute ?? current);
    return judgeQuality({
      info: t.workload === null ? undefined : workloads.get(t.workload),
      currentModel: current,
      levers: rule === null ? null : levers[rule],
      escalationRatePpm: rate?.ok ? rate.ratePpm : 0n,
      replay: rate?.ok ? rate.replay : null,
    });
  };
  return {
    ok: true,
    result: buildResult({
      req, windowDays, total, monthly, annual: annualFromMonthly(monthly), unpriced,
      days: eachDay(req.from, req.to), byDay, byTeam, byRule, workloads: [...byWorkload.values()], quality,
      currentModelOf: (t) => dominant(t.costByModel)?.ref ?? null, ruleOf: (t) => dominantRule(t.costByRule),
    }),
  };
}

function tally(map: Map<string, WorkloadTally>, g: CallGroup, ruleIndex: number, baseline: bigint, cost: GroupCost) {
  const key = `${g.workloadSlug ?? ""}\u0000${g.teamSlug ?? ""}`;
  let t = map.get(key);
  if (!t) {
    t = { workload: g.workloadSlug, team: g.teamSlug, bucket: new Bucket(), costByModel: new Map(), costByRule: new Map() };
    map.set(key, t);
  }
  t.bucket.add(g.calls, baseline, cost);
  const modelKey = `${g.provider}/${g.model}`;
  const m = t.costByModel.get(modelKey) ?? { ref: { provider: g.provider, model: g.model }, nanos: 0n };
  m.nanos += baseline;
  t.costByModel.set(modelKey, m);
  // -1 = not selected by any rule; it competes with the rules to decide whether the workload "is changed".
  t.costByRule.set(ruleIndex, (t.costByRule.get(ruleIndex) ?? 0n) + baseline);
}

function dominant<T extends { nanos: bigint }>(m: Map<string, T>): T | null {
  let best: T | null = null;
  for (const v of m.values()) if (!best || v.nanos > best.nanos) best = v;
  return best;
}

/** The rule covering most of a workload's baseline cost, or null when most of it is left alone. */
function dominantRule(m: Map<number, bigint>): number | null {
  let best: [number, bigint] | null = null;
  for (const [rule, nanos] of m) if (!best || nanos > best[1] || (nanos === best[1] && rule < best[0])) best = [rule, nanos];
  return best === null || best[0] < 0 ? null : best[0];
}

function unpricedError(rule: number, role: "target" | "escalation" | "current", ref: string, day: string): WhatIfError {
  const n = rule + 1;
  if (role === "target") {
    return { code: "unpriced_target", rule, message: `rule ${n}: target model ${ref} has no price on ${day} (unknown or unpriced model)` };
  }
  if (role === "escalation") {
    return { code: "unpriced_escalation", rule, message: `rule ${n}: escalation model ${ref} has no price on ${day} (unknown or unpriced model)` };
  }
  return {
    code: "unpriced_current",
    rule,
    message: `rule ${n}: ${ref} has no price on ${day}, so the batch, caching and output levers cannot be priced for it`,
  };
}
