import { TOKEN_TYPES, type TokenType } from "@/lib/reports/token-cost-split";
import { add, div, frac, mul, round, type Fraction } from "./fraction";

/**
 * Every change explained: the change of spend between a base period and a current period, per group (the
 * organisation, a team, a workload), split into five parts that add up EXACTLY to the change.
 *
 * Method: chained substitution, one effect at a time, in this fixed order (each step keeps what the steps before
 * it changed). An "item" is one model as billed (provider/model, batch apart); a group's cost is the sum over items
 * of calls x cost per call, and an item's cost per call is the sum over token types of tokens per call x unit price.
 *
 *   S0 base cost                                                        = sum costB
 *   S1 volume:  every item's base cost scaled by the group's call ratio = sum costB x N_C / N_B
 *   S2 mix:     current calls per item at the item's base cost per call = sum n_C x costB / n_B
 *   S3 tokens:  current input and output tokens per call, base cache shares, base unit prices
 *   S4 cache:   current tokens of every type at base unit prices         = sum_type tokensC x priceB
 *   S5 price:   current cost                                            = sum costC
 *
 *   volume = S1-S0, mix = S2-S1, tokens per call = S3-S2, cache share = S4-S3, price = S5-S4.
 *
 * S0 and S5 are the actual costs, so the parts telescope to the change exactly. Each intermediate stage is an exact
 * rational rounded once (half away from zero) to the nano-dollar; the parts are differences of the rounded stages,
 * so rounding moves at most one nano-dollar between neighbouring parts and never breaks the sum.
 *
 * Unit prices are measured, not looked up: priceB of a token type = the item's base cost of that type / its base
 * tokens of that type (see load-change-cells.ts for the split of a roll-up's cost by type). So "price" holds
 * everything that changed what a token costs: provider repricing, price overrides, long-context tiers.
 *
 * Edge cases (all keep the sum exact, because S0 and S5 are always actual):
 *  - a group with no base calls: the whole change is volume (S1..S4 = current cost);
 *  - an item new in the current period (or without base call counts): all of its cost is mix (it has no base
 *    cost per call to compare with);
 *  - an item gone in the current period: its base cost leaves through mix;
 *  - a token type absent from the base: priced at its current unit price (no price effect for it).
 */
export interface ChangeCell {
  key: string;
  label: string;
  /** The billed model: provider/model plus the batch flag (a batch call is another SKU). */
  item: string;
  period: "base" | "current";
  /** The UTC day the cell was read from (informational: lets a caller count base days). */
  day?: string;
  requests: bigint;
  tokens: Record<TokenType, bigint>;
  /** The cost split by token type (nano-dollars); sums to the cell's cost. */
  cost: Record<TokenType, bigint>;
}

export const PART_NAMES = ["volume", "mix", "tokens", "cache", "price"] as const;
export type PartName = (typeof PART_NAMES)[number];

export interface ChangeRowNanos {
  key: string;
  label: string;
  baseNanos: bigint;
  currentNanos: bigint;
  changeNanos: bigint;
  parts: Record<PartName, bigint>;
}

const INPUT_SIDE: TokenType[] = ["input", "cached_input", "cache_write"];

interface ItemSums {
  requests: bigint;
  tokens: Record<TokenType, bigint>;
  cost: Record<TokenType, bigint>;
}

const zeroTypes = () => Object.fromEntries(TOKEN_TYPES.map((t) => [t, 0n])) as Record<TokenType, bigint>;
const sumTypes = (r: Record<TokenType, bigint>) => TOKEN_TYPES.reduce((s, t) => s + r[t], 0n);

/**
 * Decomposes each group's change. `baseDivisor` compares with the base period's AVERAGE (e.g. one anomalous day
 * against the mean of its k usual weekdays): it divides the base cost only, because calls ratios, costs per call
 * and unit prices do not depend on how many base days were summed. Rows come largest absolute change first.
 */
export function decomposeChange(cells: readonly ChangeCell[], baseDivisor = 1n): ChangeRowNanos[] {
  const groups = new Map<string, { label: string; items: Map<string, { base: ItemSums; current: ItemSums }> }>();
  for (const c of cells) {
    let g = groups.get(c.key);
    if (!g) groups.set(c.key, (g = { label: c.label, items: new Map() }));
    let item = g.items.get(c.item);
    if (!item) g.items.set(c.item, (item = { base: emptySums(), current: emptySums() }));
    const s = item[c.period];
    s.requests += c.requests;
    for (const t of TOKEN_TYPES) {
      s.tokens[t] += c.tokens[t];
      s.cost[t] += c.cost[t];
    }
  }
  const rows = [...groups].map(([key, g]) => ({ key, label: g.label, ...decomposeGroup([...g.items.values()], baseDivisor) }));
  return rows.sort((a, b) => cmpAbs(b.changeNanos, a.changeNanos) || a.key.localeCompare(b.key));
}

function decomposeGroup(items: { base: ItemSums; current: ItemSums }[], baseDivisor: bigint): Omit<ChangeRowNanos, "key" | "label"> {
  const NB = items.reduce((s, i) => s + i.base.requests, 0n);
  const NC = items.reduce((s, i) => s + i.current.requests, 0n);
  const baseCost = items.reduce((s, i) => s + sumTypes(i.base.cost), 0n);
  const currentCost = items.reduce((s, i) => s + sumTypes(i.current.cost), 0n);

  let s2 = frac(0n);
  let s3 = frac(0n);
  let s4 = frac(0n);
  for (const { base, current } of items) {
    const costB = sumTypes(base.cost);
    const costC = sumTypes(current.cost);
    if (base.requests === 0n) {
      // New item (or one without call counts): no base cost per call, so it is all mix.
      s2 = add(s2, frac(costC));
      s3 = add(s3, frac(costC));
      s4 = add(s4, frac(costC));
      continue;
    }
    s2 = add(s2, frac(current.requests * costB, base.requests));
    if (current.requests === 0n) continue; // gone: it left through mix; nothing more to compare
    const priceB = unitPrices(base, current);
    const inputB = INPUT_SIDE.reduce((s, t) => s + base.tokens[t], 0n);
    const inputC = INPUT_SIDE.reduce((s, t) => s + current.tokens[t], 0n);
    for (const t of TOKEN_TYPES) {
      // Tokens per call: the current input total keeps the base split into uncached / cache read / cache write.
      const tokens3 = INPUT_SIDE.includes(t) && inputB > 0n ? frac(inputC * base.tokens[t], inputB) : frac(current.tokens[t]);
      s3 = add(s3, mul(tokens3, priceB[t]));
      s4 = add(s4, mul(frac(current.tokens[t]), priceB[t]));
    }
  }
  const s0 = round(frac(baseCost, baseDivisor));
  // No base calls: nothing to scale, the whole change is volume.
  const s1 = NB === 0n ? round(s2) : round(div(frac(baseCost * NC), frac(NB)));
  const [r2, r3, r4] = [round(s2), round(s3), round(s4)];
  const parts = { volume: s1 - s0, mix: r2 - s1, tokens: r3 - r2, cache: r4 - r3, price: currentCost - r4 };
  return { baseNanos: s0, currentNanos: currentCost, changeNanos: currentCost - s0, parts };
}

/** Base unit price of each token type (cost / tokens); a type the base did not use takes its current price. */
function unitPrices(base: ItemSums, current: ItemSums): Record<TokenType, Fraction> {
  const out = {} as Record<TokenType, Fraction>;
  for (const t of TOKEN_TYPES) {
    if (base.tokens[t] > 0n) out[t] = frac(base.cost[t], base.tokens[t]);
    else if (current.tokens[t] > 0n) out[t] = frac(current.cost[t], current.tokens[t]);
    else out[t] = frac(0n);
  }
  return out;
}

function emptySums(): ItemSums {
  return { requests: 0n, tokens: zeroTypes(), cost: zeroTypes() };
}

function cmpAbs(a: bigint, b: bigint): number {
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  return x === y ? 0 : x < y ? -1 : 1;
}

/** The row of all groups together: sums of the rows' fields (so its parts also add up exactly). */
export function sumRows(rows: readonly ChangeRowNanos[]): Omit<ChangeRowNanos, "key" | "label"> {
  const parts = Object.fromEntries(PART_NAMES.map((p) => [p, rows.reduce((s, r) => s + r.parts[p], 0n)])) as Record<PartName, bigint>;
  const sum = (f: "baseNanos" | "currentNanos" | "changeNanos") => rows.reduce((s, r) => s + r[f], 0n);
  return { baseNanos: sum("baseNanos"), currentNanos: sum("currentNanos"), changeNanos: sum("changeNanos"), parts };
}
