import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { ModelTier } from "@/lib/classify/task-class";
import { defaultTier } from "@/lib/pricing";
import { decide, type CandidateModel, type Decision, type EvalEvidence, type RecommendInput } from "@/lib/whatif/recommend";
import { repriceByWorkload } from "@/lib/whatif/reprice";
import { priceBreaks } from "@/lib/whatif/server/price-breaks";
import { daysInclusive } from "@/lib/forecast/utc-days";
import type { CallGroup, ModelRef, WorkloadInfo } from "@/lib/whatif/types";
import { loadDims, type WhatIfDims, type WorkloadDim } from "@/lib/whatif/server/dimensions";
import { loadCallGroups } from "@/lib/whatif/server/load-groups";
import { loadMergedCallGroups } from "@/lib/whatif/server/load-merged-groups";
import { loadWhatIfPricing } from "@/lib/whatif/server/pricing";
import { loadWorkloadInfo } from "@/lib/whatif/server/workload-info";
import type { MixShift } from "@/lib/rollouts/detect-shift";
import { modelRef, recentSwitches } from "./model-switch";

/**
 * Every visible workload with traffic in the window, assessed: its current model (the one carrying most of its
 * cost) and monthly cost, each candidate's monthly cost on the workload's own traffic, the recommendation (or why
 * there is none), whether it is over-specified and whether the 80/20 preset may move it: one `decide()` per
 * workload (lib/whatif/recommend.ts) that the recommendations, the over-specified list and the 80/20 preset all
 * read, so they always agree.
 *
 * Candidates are the models the organisation already calls (priced, with a tier) plus every model an eval link
 * maps: a recommendation points at something the company can switch to, and eval evidence can name it. Any
 * catalogue model can still be tried in a scenario.
 *
 * A workload that switched model inside the window (model-switch.ts) is assessed on its traffic SINCE the switch:
 * its current model is the new one, its monthly cost the spend rate since the switch, and the model before the
 * switch is a candidate ("revert to ...", decide()'s `modelSwitch`).
 */
export interface WorkloadAssessment {
  workload: WorkloadDim;
  currentModel: ModelRef & { tier: string | null };
  monthlyCostNanos: bigint;
  input: RecommendInput;
  decision: Decision;
  /** The switch inside the window this assessment starts from, if any. */
  modelSwitch: MixShift | null;
  /** The days the monthly costs come from: the window, or the switch day to the window's end. */
  costFrom: string;
}

export interface AssessedWindow {
  from: string;
  to: string;
  windowDays: number;
  /** Recorded cost of all visible workloads' traffic, per month. */
  totalMonthlyCostNanos: bigint;
  /** Visible workloads with traffic in the window. */
  workloadCount: number;
  items: WorkloadAssessment[];
}

export async function assessWorkloads(
  principal: Pick<Principal, "teamIds">,
  window: { from: string; to: string },
  opts: { team?: string; workload?: string } = {},
): Promise<AssessedWindow> {
  const [dims, pricing] = await Promise.all([loadDims(principal), loadWhatIfPricing()]);
  const workloads = [...dims.workloads.values()].filter((w) => w.visible && (!opts.team || w.teamSlug === opts.team) && (!opts.workload || w.slug === opts.workload));
  const ids = workloads.map((w) => w.id);
  const [infos, switches] = await Promise.all([loadWorkloadInfo(workloads), recentSwitches(ids, window)]);
  const candidates = withPreviousModels(candidateModels(dims, infos), [...switches.values()], dims);
  const switched = workloads.flatMap((w) => (switches.has(w.id) ? [{ w, sw: switches.get(w.id)! }] : []));
  // Days that price alike are merged (by PostgreSQL): 18 candidates x ~12,000 day groups would take seconds
  // (merge-days.ts). Switched workloads: their own traffic since the switch, unmerged (few workloads).
  const [merged, own] = await Promise.all([
    ids.length === 0 ? [] : loadMergedCallGroups(principal, dims, { ...window, workloadIds: ids, breaks: priceBreaks(candidates, pricing.overrides, window) }),
    Promise.all(switched.map(({ w, sw }) => loadCallGroups(principal, dims, { from: sw.day, to: window.to, workloadIds: [w.id] }))),
  ]);
  const costs = repriceByWorkload({ groups: merged, from: window.from, to: window.to, candidates, price: pricing.price });
  const byModel = costByModel(merged);
  // Switched workloads re-priced on every candidate from the switch day.
  const sinceSwitch = new Map<string, { costs: ReturnType<typeof repriceByWorkload>; models: ReturnType<typeof costByModel> }>();
  switched.forEach(({ w, sw }, i) => {
    sinceSwitch.set(w.slug, { costs: repriceByWorkload({ groups: own[i], from: sw.day, to: window.to, candidates, price: pricing.price }), models: costByModel(own[i]) });
  });
  const days = daysInclusive(window.from, window.to);
  const tierOf = tierLookup(dims);

  const items: WorkloadAssessment[] = [];
  let total = 0n;
  for (const w of workloads) {
    const since = sinceSwitch.get(w.slug);
    const sw = since ? switches.get(w.id)! : null;
    const c = since?.costs.get(w.slug) ?? costs.get(w.slug);
    const models = since?.models.get(w.slug) ?? byModel.get(w.slug);
    if (!c || !models) continue;
    total += c.currentMonthlyNanos;
    const top = [...models.values()].reduce((a, b) => (b.nanos > a.nanos ? b : a));
    const currentModel = { ...top.ref, tier: tierOf(top.ref) };
    const info = infos.get(w.slug);
    const input: RecommendInput = {
      workload: w.slug,
      team: w.teamSlug,
      taskClass: w.taskClass,
      qualityFloor: w.qualityFloor,
      currentModel,
      monthlyCostNanos: c.currentMonthlyNanos,
      candidates: candidates.map<CandidateModel>((m) => ({ ...m, monthlyCostNanos: c.candidates.get(`${m.provider}/${m.model}`) ?? null })),
      evidence: evidenceOf(info),
      modelSwitch: sw ? { previous: modelRef(sw.from), on: sw.day } : null,
    };
    items.push({ workload: w, currentModel, monthlyCostNanos: c.currentMonthlyNanos, input, decision: decide(input), modelSwitch: sw, costFrom: sw?.day ?? window.from });
  }
  return { ...window, windowDays: days, totalMonthlyCostNanos: total, workloadCount: items.length, items };
}

function candidateModels(dims: WhatIfDims, infos: Map<string, WorkloadInfo>): (ModelRef & { tier: ModelTier | null })[] {
  const out = new Map<string, ModelRef & { tier: ModelTier | null }>();
  for (const m of dims.models.values()) {
    if (m.unpriced || !m.tier) continue;
    out.set(`${m.provider}/${m.name}`, { provider: m.provider, model: m.name, tier: m.tier as ModelTier });
  }
  for (const info of infos.values()) {
    for (const key of info.evalSet?.standIns?.keys() ?? []) {
      if (out.has(key)) continue;
      const slash = key.indexOf("/");
      const ref = { provider: key.slice(0, slash), model: key.slice(slash + 1) };
      out.set(key, { ...ref, tier: defaultTier(ref.provider, ref.model) });
    }
  }
  return [...out.values()];
}

/** The model before each switch is a candidate even when it has no tier (a revert needs no tier guidance). */
function withPreviousModels(
  candidates: (ModelRef & { tier: ModelTier | null })[],
  switches: readonly MixShift[],
  dims: WhatIfDims,
): (ModelRef & { tier: ModelTier | null })[] {
  const out = [...candidates];
  for (const s of switches) {
    const ref = modelRef(s.from);
    if (out.some((c) => c.provider === ref.provider && c.model === ref.model)) continue;
    const dim = [...dims.models.values()].find((m) => m.provider === ref.provider && m.name === ref.model);
    if (!dim || dim.unpriced) continue;
    out.push({ ...ref, tier: (dim.tier as ModelTier | null) ?? defaultTier(ref.provider, ref.model) });
  }
  return out;
}

function costByModel(groups: readonly CallGroup[]): Map<string, Map<string, { ref: ModelRef; nanos: bigint }>> {
  const out = new Map<string, Map<string, { ref: ModelRef; nanos: bigint }>>();
  for (const g of groups) {
    if (g.workloadSlug === null || g.baselineCostNanos === null) continue;
    let m = out.get(g.workloadSlug);
    if (!m) out.set(g.workloadSlug, (m = new Map()));
    const key = `${g.provider}/${g.model}`;
    const e = m.get(key);
    if (e) e.nanos += g.baselineCostNanos;
    else m.set(key, { ref: { provider: g.provider, model: g.model }, nanos: g.baselineCostNanos });
  }
  return out;
}

function tierLookup(dims: WhatIfDims): (ref: ModelRef) => string | null {
  const tiers = new Map([...dims.models.values()].map((m) => [`${m.provider}/${m.name}`, m.tier]));
  return (ref) => tiers.get(`${ref.provider}/${ref.model}`) ?? null;
}

function evidenceOf(info: WorkloadInfo | undefined): EvalEvidence | null {
  const set = info?.evalSet;
  if (!set || set.results.length === 0) return null;
  const byModel = new Map<string, { model: string; passes: number; tasks: number }>();
  for (const r of set.results) {
    const m = byModel.get(r.model) ?? { model: r.model, passes: 0, tasks: 0 };
    m.tasks++;
    if (r.passed) m.passes++;
    byModel.set(r.model, m);
  }
  return { evalSet: set.name, passRates: [...byModel.values()], standIns: set.standIns };
}
