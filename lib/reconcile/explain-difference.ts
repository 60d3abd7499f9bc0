/**
 * Our computed cost vs a provider's bill for a month, and where the difference comes from. The parts add up to the
 * difference exactly (billed - computed):
 *   missing_usage_days  billed on days we recorded no usage for that provider (an ingestion gap)
 *   missing_bill_days   minus our cost on days the bill file does not cover (a partial export)
 *   unpriced_models     billed for models we have no price for (our usage counts them at $0)
 *   non_token           billed charges that are not model tokens (web search, code execution, storage, ...)
 *   pricing             the rest, on days both sides cover: discounts, credits, negotiated rates, or usage that
 *                       never reached Rightsize
 * Pure and exact (bigint nano-dollars).
 */
import { formatUsd } from "@/lib/money";

export interface BillLineLite {
  day: string;
  amountNanos: bigint;
  model: string | null;
  lineItem: string | null;
  tokenType: string | null;
  /** The provider's own flag (bill-line.ts): not model tokens (web search, code execution, ...), whatever the model. */
  nonToken: boolean;
}

export interface ComputedModel {
  model: string;
  costNanos: bigint;
  requests: number;
  unpricedRequests: number;
  /** Rows without a price, whatever their request count (a usage-report row has none); default 0. */
  unpricedEvents?: number;
}

export interface ExplanationPart {
  kind: "missing_usage_days" | "missing_bill_days" | "unpriced_models" | "non_token" | "pricing" | "note";
  /** Signed contribution to billed - computed; null for a note (already inside another part). */
  amountNanos: bigint | null;
  days: string[];
  detail: string;
}

export interface ProviderComparison {
  billedNanos: bigint;
  computedNanos: bigint;
  differenceNanos: bigint;
  status: "matched" | "differs" | "no_bill" | "no_usage";
  explanation: ExplanationPart[];
  days: { day: string; billedNanos: bigint | null; computedNanos: bigint | null; differenceNanos: bigint }[];
  models: { model: string; billedNanos: bigint | null; computedNanos: bigint | null; differenceNanos: bigint; unpriced: boolean }[];
}

/** Within half a percent of the bill (or a cent): the two agree. */
export function isMatched(billed: bigint, difference: bigint): boolean {
  const abs = difference < 0n ? -difference : difference;
  return abs <= 10_000_000n || abs * 200n <= (billed < 0n ? -billed : billed);
}

/** "claude-sonnet-4-5-20250929" and "gpt-4o-2024-08-06" -> their undated names, lowercase. */
export function normalizeModel(name: string): string {
  return name.trim().toLowerCase().replace(/^[a-z0-9-]+\//, "").replace(/-\d{4}-\d{2}-\d{2}$/, "").replace(/-\d{8}$/, "");
}

/**
 * `computedToolsByDay`: the part of computedByDay that is server-side tool calls we priced (web/file search,
 * lib/pricing/server-tools.ts); the non_token part is then the bill's non-token lines minus those on the days both
 * sides cover, so priced tool calls reconcile with the bill instead of all looking like a gap.
 */
export function compareWithBill(
  bill: readonly BillLineLite[],
  computedByDay: ReadonlyMap<string, bigint>,
  computedModels: readonly ComputedModel[],
  computedToolsByDay: ReadonlyMap<string, bigint> = new Map(),
): ProviderComparison {
  const billedByDay = new Map<string, bigint>();
  for (const l of bill) billedByDay.set(l.day, (billedByDay.get(l.day) ?? 0n) + l.amountNanos);
  const billed = sum(billedByDay.values());
  const computed = sum(computedByDay.values());
  const difference = billed - computed;

  const allDays = [...new Set([...billedByDay.keys(), ...computedByDay.keys()])].sort();
  const days = allDays.map((day) => {
    const b = billedByDay.get(day) ?? null;
    const c = computedByDay.get(day) ?? null;
    return { day, billedNanos: b, computedNanos: c, differenceNanos: (b ?? 0n) - (c ?? 0n) };
  });
  const onlyBilled = days.filter((d) => d.computedNanos === null);
  const onlyOurs = days.filter((d) => d.billedNanos === null);
  const common = new Set(days.filter((d) => d.billedNanos !== null && d.computedNanos !== null).map((d) => d.day));

  const unpricedNames = new Set(computedModels.filter((m) => (m.unpricedRequests > 0 || (m.unpricedEvents ?? 0) > 0) && m.costNanos === 0n).map((m) => normalizeModel(m.model)));
  const partlyUnpriced = computedModels.filter((m) => m.unpricedRequests > 0 || (m.unpricedEvents ?? 0) > 0);
  const hasModels = bill.some((l) => l.model !== null);
  let unpricedBilled = 0n;
  let nonToken = 0n;
  const nonTokenItems = new Set<string>();
  const unpricedBilledModels = new Set<string>();
  for (const l of bill) {
    if (!common.has(l.day)) continue;
    // The bill's own flag decides (an Anthropic web search line names the model it ran for, yet is not tokens).
    if (l.nonToken) {
      nonToken += l.amountNanos;
      nonTokenItems.add(l.lineItem ?? "non-token charge");
    } else if (l.model !== null && unpricedNames.has(normalizeModel(l.model))) {
      unpricedBilled += l.amountNanos;
      unpricedBilledModels.add(l.model);
    }
  }

  const ourTools = sum([...common].map((d) => computedToolsByDay.get(d) ?? 0n));
  const billedNonToken = nonToken;
  nonToken -= ourTools;
  const explanation: ExplanationPart[] = [];
  const add = (part: ExplanationPart) => {
    if (part.amountNanos === null || part.amountNanos !== 0n) explanation.push(part);
  };
  const missingUsage = sum(onlyBilled.map((d) => d.billedNanos ?? 0n));
  add({
    kind: "missing_usage_days",
    amountNanos: missingUsage,
    days: onlyBilled.map((d) => d.day),
    detail: `Billed ${formatUsd(missingUsage)} on ${plural(onlyBilled.length, "day")} with no usage recorded here (${dayList(onlyBilled)}): usage that was not ingested.`,
  });
  const missingBill = sum(onlyOurs.map((d) => d.computedNanos ?? 0n));
  add({
    kind: "missing_bill_days",
    amountNanos: -missingBill,
    days: onlyOurs.map((d) => d.day),
    detail: `${formatUsd(missingBill)} of our usage falls on ${plural(onlyOurs.length, "day")} the bill file does not cover (${dayList(onlyOurs)}): import the full month.`,
  });
  add({
    kind: "unpriced_models",
    amountNanos: unpricedBilled,
    days: [],
    detail: `Billed ${formatUsd(unpricedBilled)} for models we have no price for (${[...unpricedBilledModels].join(", ")}); their requests count as $0 here. Add a price override.`,
  });
  add({
    kind: "non_token",
    amountNanos: nonToken,
    days: [],
    detail:
      ourTools === 0n
        ? `Billed ${formatUsd(nonToken)} for charges that are not model tokens (${[...nonTokenItems].slice(0, 5).join(", ")}), which no imported usage reports.`
        : `Billed ${formatUsd(billedNonToken)} for charges that are not model tokens (${[...nonTokenItems].slice(0, 5).join(", ") || "none"}); our server-side tool charges (web/file search) come to ${formatUsd(ourTools)}, a difference of ${formatUsd(nonToken)}.`,
  });
  const pricing = difference - missingUsage + missingBill - unpricedBilled - nonToken;
  const commonComputed = sum([...common].map((d) => computedByDay.get(d) ?? 0n));
  const pct = commonComputed === 0n ? "" : ` (${(Number((pricing * 10_000n) / commonComputed) / 100).toFixed(2)}%)`;
  add({
    kind: "pricing",
    amountNanos: pricing,
    days: [],
    detail:
      pricing < 0n
        ? `On the days both sides cover, the bill is ${formatUsd(-pricing)} below our computation${pct.replace("-", "")}: a discount, credits or a negotiated rate. Record it as a price override so computed costs match the bill.`
        : `On the days both sides cover, the bill is ${formatUsd(pricing)} above our computation${pct}: usage that never reached Rightsize (keys or services not sending events), or prices above the catalogue.`,
  });
  if (!hasModels && partlyUnpriced.length > 0) {
    const n = partlyUnpriced.reduce((s, m) => s + m.unpricedRequests, 0);
    add({
      kind: "note",
      amountNanos: null,
      days: [],
      detail: `${n.toLocaleString("en-US")} requests on models without a price (${partlyUnpriced.map((m) => m.model).join(", ")}) count as $0 here and are inside the difference above; import the bill grouped by line item (OpenAI) or description (Anthropic) to separate them.`,
    });
  }

  return {
    billedNanos: billed,
    computedNanos: computed,
    differenceNanos: difference,
    status: bill.length === 0 ? "no_bill" : computedByDay.size === 0 ? "no_usage" : isMatched(billed, difference) ? "matched" : "differs",
    explanation: bill.length === 0 ? [] : explanation,
    days,
    models: hasModels ? compareModels(bill, computedModels, unpricedNames) : [],
  };
}

function compareModels(bill: readonly BillLineLite[], computed: readonly ComputedModel[], unpriced: Set<string>): ProviderComparison["models"] {
  const rows = new Map<string, { billed: bigint | null; computed: bigint | null }>();
  for (const l of bill) {
    if (l.model === null) continue;
    const key = normalizeModel(l.model);
    const r = rows.get(key) ?? { billed: null, computed: null };
    r.billed = (r.billed ?? 0n) + l.amountNanos;
    rows.set(key, r);
  }
  for (const m of computed) {
    const key = normalizeModel(m.model);
    const r = rows.get(key) ?? { billed: null, computed: null };
    r.computed = (r.computed ?? 0n) + m.costNanos;
    rows.set(key, r);
  }
  return [...rows.entries()]
    .map(([model, r]) => ({ model, billedNanos: r.billed, computedNanos: r.computed, differenceNanos: (r.billed ?? 0n) - (r.computed ?? 0n), unpriced: unpriced.has(model) }))
    .sort((a, b) => (abs(b.differenceNanos) > abs(a.differenceNanos) ? 1 : abs(b.differenceNanos) < abs(a.differenceNanos) ? -1 : a.model.localeCompare(b.model)));
}

function sum(xs: Iterable<bigint>): bigint {
  let s = 0n;
  for (const x of xs) s += x;
  return s;
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function dayList(days: { day: string }[]): string {
  const shown = days.slice(0, 4).map((d) => d.day).join(", ");
  return days.length > 4 ? `${shown}, ...` : shown;
}
