import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/auth/principal";
import { addDays, daysBetweenInclusive } from "@/lib/analytics/dates";
import type { ScannedAnomaly } from "@/lib/anomaly-scan/scan-anomalies";
import { decomposeChange, type ChangeRowNanos } from "./decompose";
import { describeChange } from "./describe";
import { loadChangeCells, type Period } from "./load-change-cells";

/** Same weekdays read as an anomalous day's "usual" (the spike detector reads at most 8). */
const USUAL_WEEKS = 8;

export interface AnomalyChange {
  /** The decomposition against the usual (see `explainAnomaly`), per day. */
  change: Omit<ChangeRowNanos, "key" | "label">;
  /** "+$412.00: 80% volume, 20% switch to a pricier model" — headed by the anomaly's size. */
  explanation: string;
}

/**
 * The same five-part decomposition as GET /api/v1/spend/change, for an anomaly:
 *  - a spike: the day against the MEAN of the same weekday in the 8 weeks before (the weeks with spend), so a
 *    runaway loop reads as volume and a prompt that ballooned as tokens per call;
 *  - a model switch: the days from the switch to `to` against as many days just before it.
 * The shares are of that comparison; the dollar figure heading the sentence is the anomaly's own size (spend minus
 * the usual median), so the sentence and the anomaly agree on the amount.
 */
export async function explainAnomaly(principal: Pick<Principal, "teamIds">, a: ScannedAnomaly, to: string): Promise<AnomalyChange> {
  const filter = a.scope.type === "workload" ? { workloadId: a.workloadId ?? -1 } : { teamId: a.ownerTeamId ?? -1 };
  let current: Period;
  let base: Period;
  if (a.kind === "model_switch") {
    const end = to >= a.day ? to : a.day;
    const days = daysBetweenInclusive(a.day, end);
    current = { from: a.day, to: end };
    base = { from: addDays(a.day, -days), to: addDays(a.day, -1) };
  } else {
    current = { days: [a.day] };
    base = { days: Array.from({ length: USUAL_WEEKS }, (_, i) => addDays(a.day, -7 * (i + 1))) };
  }
  const cells = await loadChangeCells(principal, current, base, { groupKey: { key: Prisma.sql`'scope'`, label: Prisma.sql`'scope'` }, ...filter });
  const baseDays = new Set(cells.filter((c) => c.period === "base").map((c) => c.day)).size;
  const divisor = a.kind === "spike" ? BigInt(Math.max(1, baseDays)) : 1n;
  const [row] = decomposeChange(cells, divisor);
  const change = row ?? { baseNanos: 0n, currentNanos: 0n, changeNanos: 0n, parts: { volume: 0n, mix: 0n, tokens: 0n, cache: 0n, price: 0n } };
  return { change, explanation: describeChange(change.changeNanos, change.parts, a.sizeNanos) };
}

/** Explains each anomaly (one roll-up query each: call it on the listed ones, not on every candidate). */
export async function explainAnomalies(principal: Pick<Principal, "teamIds">, anomalies: readonly ScannedAnomaly[], to: string): Promise<(ScannedAnomaly & AnomalyChange)[]> {
  const out: (ScannedAnomaly & AnomalyChange)[] = [];
  for (const a of anomalies) out.push({ ...a, ...(await explainAnomaly(principal, a, to)) });
  return out;
}
