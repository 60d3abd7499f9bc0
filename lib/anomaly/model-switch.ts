/**
 * Model switch to a pricier tier: the model carrying most of a scope's traffic changes to a more expensive one
 * (a config change that sends ticket triage to the frontier model costs more every day until someone notices).
 *
 * - Dominant model of a day: the model with the most tokens, or the most spend when token counts are not given.
 * - Usual model: the most frequent dominant model over the previous `lookbackDays` days with traffic.
 * - Pricier: a higher tier (small < mid < frontier); within the same or an unknown tier, a cost per token at least
 *   `priceRatio` times the usual model's (only when tokens are given).
 * - Flagged once, on the first day the new model dominates (the day before had another dominant model), with
 *   size = that day's spend - the median spend of the same weekday before (as for spikes), when at least
 *   `minSizeNanos`.
 */
import { median } from "@/lib/forecast/bigint-stats";
import { addDays, eachDay } from "@/lib/forecast/utc-days";
import { tierRank } from "@/lib/classify/task-class";
import { formatUsd, scopeLabel } from "./format";
import type { ScopeRef, SpendAnomaly } from "./types";
import { earliestDay, sameWeekdayHistory, spendMap } from "./weekday-history";

export interface ModelDaySpend {
  day: string;
  provider: string;
  model: string;
  /** small | mid | frontier, or null when unknown. */
  tier: string | null;
  costNanos: bigint;
  /** Input + output tokens; enables traffic-based dominance and per-token price comparisons. */
  tokens?: number;
}

export interface ModelSwitchInput {
  scope: ScopeRef;
  rows: readonly ModelDaySpend[];
  from: string;
  to: string;
  options?: { lookbackDays?: number; minSizeNanos?: bigint; priceRatio?: number; maxWeeks?: number };
}

interface Usage {
  key: string;
  model: string;
  tier: string | null;
  cost: bigint;
  tokens: number;
}

export function detectModelSwitches(input: ModelSwitchInput): SpendAnomaly[] {
  const lookback = input.options?.lookbackDays ?? 7;
  const minSize = input.options?.minSizeNanos ?? 20_000_000_000n;
  const priceRatio = input.options?.priceRatio ?? 1.5;
  const byTokens = input.rows.length > 0 && input.rows.every((r) => r.tokens !== undefined);

  const byDay = new Map<string, Map<string, Usage>>();
  for (const r of input.rows) {
    const day = byDay.get(r.day) ?? new Map<string, Usage>();
    byDay.set(r.day, day);
    const key = `${r.provider}/${r.model}`;
    const u = day.get(key) ?? { key, model: r.model, tier: r.tier, cost: 0n, tokens: 0 };
    u.cost += r.costNanos;
    u.tokens += r.tokens ?? 0;
    day.set(key, u);
  }
  const dominant = (day: string): Usage | null => {
    let best: Usage | null = null;
    for (const u of byDay.get(day)?.values() ?? []) {
      if (best === null || (byTokens ? u.tokens > best.tokens : u.cost > best.cost)) best = u;
    }
    return best;
  };
  const total = spendMap(input.rows);
  const dataStart = earliestDay(total.keys());
  if (dataStart === null) return [];

  const out: SpendAnomaly[] = [];
  for (const day of eachDay(input.from, input.to)) {
    const now = dominant(day);
    const before = previousDominant(day);
    if (!now || !before || before.key === now.key) continue;
    const usual = usualModel(day, lookback, dominant);
    if (!usual || usual.key === now.key) continue;
    const step = pricier(now, usual, byTokens, priceRatio);
    if (step === null) continue;
    const spent = total.get(day) ?? 0n;
    const history = sameWeekdayHistory(total, day, input.options?.maxWeeks ?? 4, dataStart);
    const expected = history.length > 0 ? median(history) : 0n;
    const size = spent - expected;
    if (size < minSize) continue;
    out.push({
      kind: "model_switch",
      scope: input.scope,
      day,
      spendNanos: spent,
      expectedNanos: expected,
      sizeNanos: size,
      score: step,
      message:
        `${scopeLabel(input.scope)} switched from ${usual.model}${tierNote(usual.tier)} to ${now.model}${tierNote(now.tier)} ` +
        `on ${day}: ${formatUsd(spent)} that day against a usual ${formatUsd(expected)} (+${formatUsd(size)}).`,
    });
  }
  return out;

  function previousDominant(day: string): Usage | null {
    // The last earlier day with traffic, within the lookback.
    for (let k = 1; k <= lookback; k++) {
      const d = dominant(addDays(day, -k));
      if (d) return d;
    }
    return null;
  }
}

/** Most frequent dominant model over the lookback days before `day` (ties: the most recent wins). */
function usualModel(day: string, lookback: number, dominant: (day: string) => Usage | null): Usage | null {
  const counts = new Map<string, { usage: Usage; n: number; last: number }>();
  for (let k = 1; k <= lookback; k++) {
    const d = dominant(addDays(day, -k));
    if (!d) continue;
    const c = counts.get(d.key) ?? { usage: d, n: 0, last: k };
    c.n++;
    counts.set(d.key, c);
  }
  let best: { usage: Usage; n: number; last: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n || (c.n === best.n && c.last < best.last)) best = c;
  return best?.usage ?? null;
}

/** How much pricier `now` is than `usual`: tier steps up (1, 2), or the per-token price ratio; null if not pricier. */
function pricier(now: Usage, usual: Usage, byTokens: boolean, priceRatio: number): number | null {
  const a = tierRank(now.tier);
  const b = tierRank(usual.tier);
  if (a >= 0 && b >= 0 && a !== b) return a > b ? a - b : null;
  if (!byTokens || now.tokens === 0 || usual.tokens === 0) return null;
  const ratio = Number(now.cost) / now.tokens / (Number(usual.cost) / usual.tokens);
  return ratio >= priceRatio ? ratio : null;
}

function tierNote(tier: string | null): string {
  return tier ? ` (${tier})` : "";
}
