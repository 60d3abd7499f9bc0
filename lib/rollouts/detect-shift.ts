/**
 * Model-mix shifts: a workload whose calls moved to another model. Day D is a shift to model `to` when, against the
 * 14 days before D, `to`'s share of the workload's calls rose by more than `minShift` (default 0.5 = 50 points)
 * both on day D itself and over the 3 days D..D+2 (so a one-day experiment is not a rollout, and the day reported
 * is the first on which most calls moved), with at least 20 calls before and 10 over those 3 days (fewer flip by chance).
 * `from` is the model that lost most share. Pure; the database layer
 * feeds it usage_daily calls.
 */
import { toEpochDay } from "@/lib/forecast/utc-days";

export interface WorkloadModelDay {
  workloadId: number;
  day: string;
  /** "provider/model" */
  model: string;
  calls: number;
}

export interface MixShift {
  workloadId: number;
  day: string;
  from: string;
  to: string;
  /** share of calls on `to` before (14 days) and over the 3 days from the shift */
  shareBefore: number;
  shareAfter: number;
}

export const BEFORE_DAYS = 14;
export const CONFIRM_DAYS = 3;

export function detectMixShifts(rows: readonly WorkloadModelDay[], opts: { minShift?: number; minBeforeCalls?: number; minAfterCalls?: number } = {}): MixShift[] {
  const minShift = opts.minShift ?? 0.5;
  const minBefore = opts.minBeforeCalls ?? 20;
  // A workload with a handful of calls a day flips its mix by chance (3 calls all on one model of a 50/50 mix).
  const minAfter = opts.minAfterCalls ?? 10;
  // Days as epoch-day integers: the windows below step through ~20 days for each day of each workload, and
  // string day arithmetic (parse, validate, format) cost ~100 ms per recommendations request on 10M calls.
  const epoch = new Map<string, number>();
  const text = new Map<number, string>();
  const byWorkload = new Map<number, Map<number, Map<string, number>>>();
  for (const r of rows) {
    let day = epoch.get(r.day);
    if (day === undefined) {
      epoch.set(r.day, (day = toEpochDay(r.day)));
      text.set(day, r.day);
    }
    let days = byWorkload.get(r.workloadId);
    if (!days) byWorkload.set(r.workloadId, (days = new Map()));
    let models = days.get(day);
    if (!models) days.set(day, (models = new Map()));
    models.set(r.model, (models.get(r.model) ?? 0) + r.calls);
  }
  const out: MixShift[] = [];
  for (const [workloadId, days] of byWorkload) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    let nextAllowed = -Infinity;
    for (const day of sorted) {
      if (day < nextAllowed) continue;
      const before = mix(days, day - BEFORE_DAYS, day - 1);
      if (before.total < minBefore) continue;
      const last = day + CONFIRM_DAYS - 1;
      if (!days.has(last) && last > sorted[sorted.length - 1]) continue; // not confirmed yet
      const today = mix(days, day, day);
      const after = mix(days, day, last);
      if (today.total === 0 || after.total < minAfter) continue;
      let best: { to: string; shift: number } | null = null;
      for (const [model, calls] of after.calls) {
        const shift = calls / after.total - (before.calls.get(model) ?? 0) / before.total;
        const dayShift = (today.calls.get(model) ?? 0) / today.total - (before.calls.get(model) ?? 0) / before.total;
        if (shift > minShift && dayShift > minShift && (!best || shift > best.shift)) best = { to: model, shift };
      }
      if (!best) continue;
      let from = "";
      let drop = -Infinity;
      for (const [model, calls] of before.calls) {
        if (model === best.to) continue;
        const d = calls / before.total - (after.calls.get(model) ?? 0) / after.total;
        if (d > drop || (d === drop && model < from)) [from, drop] = [model, d];
      }
      out.push({
        workloadId,
        day: text.get(day)!,
        from,
        to: best.to,
        shareBefore: (before.calls.get(best.to) ?? 0) / before.total,
        shareAfter: (after.calls.get(best.to) ?? 0) / after.total,
      });
      nextAllowed = day + BEFORE_DAYS;
    }
  }
  return out.sort((a, b) => a.day.localeCompare(b.day) || a.workloadId - b.workloadId);
}

/** Calls per model over the epoch days from..to (both included), in day order. */
function mix(days: Map<number, Map<string, number>>, from: number, to: number) {
  const calls = new Map<string, number>();
  let total = 0;
  for (let d = from; d <= to; d++) {
    const models = days.get(d);
    if (models === undefined) continue;
    for (const [model, n] of models) {
      calls.set(model, (calls.get(model) ?? 0) + n);
      total += n;
    }
  }
  return { calls, total };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Ticket triage moved from gpt-5 to gpt-5-nano on Nov 12: link to a scenario?" */
export function shiftNote(workloadName: string, s: Pick<MixShift, "from" | "to" | "day">): string {
  const name = (key: string) => key.slice(key.indexOf("/") + 1);
  const [, m, d] = s.day.split("-").map(Number);
  return `${workloadName} moved from ${name(s.from)} to ${name(s.to)} on ${MONTHS[m - 1]} ${d}: link to a scenario?`;
}
