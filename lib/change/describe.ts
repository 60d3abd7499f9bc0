import { formatUsd as formatUsdDefault } from "@/lib/money";
import { PART_NAMES, type PartName } from "./decompose";

/** What each part means, in words a finance reader uses; the sign picks the wording. */
export const PART_LABELS: Record<PartName, { title: string; up: string; down: string }> = {
  volume: { title: "Volume (calls)", up: "volume", down: "fewer calls" },
  mix: { title: "Model mix", up: "switch to a pricier model", down: "switch to a cheaper model" },
  tokens: { title: "Tokens per call", up: "more tokens per call", down: "fewer tokens per call" },
  cache: { title: "Cache share", up: "less cached input", down: "more cached input" },
  price: { title: "Unit prices", up: "higher unit prices", down: "lower unit prices" },
};

/**
 * "+$412.00: 80% volume, 20% switch to a pricier model". Shares are of the change and shown when every part that
 * matters pulls the same way; when parts pull against each other (volume up, price down) percentages over 100%
 * read badly, so each part is given in dollars instead. Parts under 1% of the largest one are left out. Pure.
 */
export function describeChange(changeNanos: bigint, parts: Record<PartName, bigint>, total: bigint = changeNanos, formatUsd: (nanos: bigint) => string = formatUsdDefault): string {
  const head = `${total >= 0n ? "+" : "-"}${formatUsd(total < 0n ? -total : total)}`;
  const largest = PART_NAMES.reduce((m, p) => (abs(parts[p]) > m ? abs(parts[p]) : m), 0n);
  if (largest === 0n) return `${head}: no change in calls, models, tokens or prices`;
  const shown = PART_NAMES.filter((p) => abs(parts[p]) * 100n >= largest).sort((a, b) => (abs(parts[b]) > abs(parts[a]) ? 1 : abs(parts[b]) < abs(parts[a]) ? -1 : 0));
  const sameWay = changeNanos !== 0n && shown.every((p) => parts[p] === 0n || parts[p] > 0n === changeNanos > 0n);
  const words = (p: PartName) => (parts[p] >= 0n ? PART_LABELS[p].up : PART_LABELS[p].down);
  if (sameWay) {
    const pct = percentages(shown.map((p) => parts[p]));
    return `${head}: ${shown.map((p, i) => `${pct[i]}% ${words(p)}`).join(", ")}`;
  }
  return `${head}: ${shown.map((p) => `${parts[p] >= 0n ? "+" : "-"}${formatUsd(abs(parts[p]))} ${words(p)}`).join(", ")}`;
}

/** Whole percentages of the values' sum that add up to 100 (largest remainder), for values of one sign. */
function percentages(values: bigint[]): number[] {
  const t = values.reduce((s, v) => s + abs(v), 0n);
  const raw = values.map((v) => (abs(v) * 100n) / t);
  const rem = values.map((v, i) => ({ i, r: (abs(v) * 100n) % t }));
  let left = 100n - raw.reduce((s, v) => s + v, 0n);
  rem.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0n && k < rem.length; k++, left--) raw[rem[k].i] += 1n;
  return raw.map(Number);
}

const abs = (v: bigint) => (v < 0n ? -v : v);
