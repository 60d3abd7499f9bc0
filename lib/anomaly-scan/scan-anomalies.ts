import "server-only";
import { pool } from "@/lib/db/pool";
import type { Principal } from "@/lib/auth/principal";
import { detectModelSwitches, detectSpikes, type ModelDaySpend, type ScopeRef, type SpendAnomaly } from "@/lib/anomaly";
import { addDays, eachDay } from "@/lib/forecast/utc-days";
import { formatUsd } from "@/lib/money";
import { teamDailySeries, workloadModelSeries } from "./scope-series";
import { spikesAcrossSwitches, type ConfirmedSwitch } from "./spikes-across-switches";
import { switchCost } from "./switch-cost";

/** Same-weekday samples the spike detector reads at most (lib/anomaly default), plus a week of margin. */
const HISTORY_DAYS = 8 * 7 + 7;
/** lib/anomaly's default: smaller anomalies are not worth anyone's attention. */
export const DEFAULT_MIN_SIZE_NANOS = 20_000_000_000n;
/** Lets every switch candidate through lib/anomaly's first-day filter; switches are sized here instead. */
const ANY_SIZE = -(10n ** 18n);

export interface ScanQuery {
  from: string;
  to: string;
  team?: string;
  workload?: string;
  kind?: SpendAnomaly["kind"];
  /** Smallest anomaly worth flagging (default: lib/anomaly's $20). */
  minSizeNanos?: bigint;
}

export interface ScannedAnomaly extends SpendAnomaly {
  scopeLabel: string;
  /** The team that owns the scope (the team itself, or the workload's team). */
  ownerTeamId: number | null;
  ownerTeam: { key: string; label: string } | null;
  workloadId: number | null;
}

interface Dims {
  teams: Map<number, { slug: string; name: string }>;
  workloads: Map<number, { slug: string; name: string; teamId: number | null }>;
}

/**
 * Anomalies of every workload and team the caller can see, over [from, to]: each day compared with the same
 * weekday in the weeks before (lib/anomaly: median/MAD spikes, switches to a pricier model), largest first.
 */
export async function scanAnomalies(principal: Pick<Principal, "teamIds">, q: ScanQuery): Promise<ScannedAnomaly[]> {
  const dims = await loadDims();
  const teamId = q.team ? idOf(dims.teams, q.team) : undefined;
  const workloadId = q.workload ? idOf(dims.workloads, q.workload) : undefined;
  if (teamId === null || workloadId === null) return [];
  const filter = { from: addDays(q.from, -HISTORY_DAYS), to: q.to, teamId, workloadId };

  const [modelRows, teamRows] = await Promise.all([
    workloadModelSeries(principal, filter),
    q.workload ? Promise.resolve([]) : teamDailySeries(principal, filter),
  ]);

  const minSize = q.minSizeNanos ?? DEFAULT_MIN_SIZE_NANOS;
  const range = { from: q.from, to: q.to };
  const found: SpendAnomaly[] = [];
  for (const [id, rows] of groupBy(modelRows, (r) => r.workloadId)) {
    const w = dims.workloads.get(id);
    if (!w) continue;
    const scope: ScopeRef = { type: "workload", key: w.slug };
    const { anomalies: switches, confirmed } = modelSwitches(scope, w.name, rows, range, minSize);
    // A switch to a pricier model raises every day after it above the weekday history: those days are judged
    // against the history re-priced at the new model's price, so the switch is not repeated as daily spikes and
    // a real spike after it still shows (spikes-across-switches.ts).
    const spikes = spikesAcrossSwitches({ scope, rows, switches: confirmed, ...range, minSizeNanos: minSize });
    if (q.kind !== "model_switch") found.push(...spikes);
    if (q.kind !== "spike") found.push(...switches);
  }
  if (q.kind !== "model_switch") {
    for (const [id, rows] of groupBy(teamRows, (r) => r.teamId)) {
      const t = dims.teams.get(id);
      if (t) found.push(...detectSpikes({ scope: { type: "team", key: t.slug }, daily: rows, ...range, options: { minSizeNanos: minSize } }));
    }
  }
  found.sort((a, b) => (a.sizeNanos > b.sizeNanos ? -1 : a.sizeNanos < b.sizeNanos ? 1 : a.day.localeCompare(b.day)));
  return withoutEchoes(found.map((a) => label(a, dims)), q.to);
}

/**
 * One incident, one anomaly: a team's spike that its own workloads' anomalies of the same day account for (80% of
 * its size or more) is the same event seen one level up, and is dropped. A model switch accounts for its extra
 * spend per day on every day from the switch to `to`. A team spike no workload explains (spread thin, or
 * unattributed workloads) stays.
 */
export function withoutEchoes(anomalies: ScannedAnomaly[], to: string): ScannedAnomaly[] {
  const explained = new Map<string, bigint>();
  const add = (day: string, team: number, nanos: bigint) => explained.set(`${day}:${team}`, (explained.get(`${day}:${team}`) ?? 0n) + nanos);
  for (const a of anomalies) {
    if (a.scope.type !== "workload" || a.ownerTeamId === null) continue;
    if (a.kind === "spike") add(a.day, a.ownerTeamId, a.sizeNanos);
    else {
      const days = a.day <= to ? eachDay(a.day, to) : [a.day];
      for (const d of days) add(d, a.ownerTeamId, a.sizeNanos / BigInt(days.length));
    }
  }
  return anomalies.filter((a) => a.scope.type !== "team" || (explained.get(`${a.day}:${a.ownerTeamId}`) ?? 0n) * 10n < a.sizeNanos * 8n);
}

/**
 * Switches to a pricier model (lib/anomaly finds the day), sized by what they cost since: the new model's traffic
 * against the same tokens at the previous model's price, through the end of the range.
 */
function modelSwitches(
  scope: ScopeRef,
  name: string,
  rows: ModelDaySpend[],
  range: { from: string; to: string },
  minSize: bigint,
): { anomalies: SpendAnomaly[]; confirmed: ConfirmedSwitch[] } {
  const candidates = detectModelSwitches({ scope, rows, ...range, options: { minSizeNanos: ANY_SIZE } });
  const out: SpendAnomaly[] = [];
  const confirmed: ConfirmedSwitch[] = [];
  for (const c of candidates) {
    const cost = switchCost(rows, c.day, range.to);
    if (!cost) continue;
    // Any confirmed switch changes the price level later days are judged at, even one too small to report.
    confirmed.push({ day: c.day, ...cost });
    if (cost.extraNanos < minSize) continue;
    const perDay = cost.extraNanos / BigInt(cost.days);
    out.push({
      ...c,
      spendNanos: cost.spendNanos,
      expectedNanos: cost.wouldHaveCostNanos,
      sizeNanos: cost.extraNanos,
      message:
        `Workload ${name} switched from ${cost.previousModel}${tier(cost.previousTier)} to ${cost.newModel}${tier(cost.newTier)} on ${c.day}: ` +
        `${formatUsd(cost.spendNanos)} on ${cost.newModel} over ${cost.days} day${cost.days === 1 ? "" : "s"} where ${cost.previousModel} would have cost ` +
        `${formatUsd(cost.wouldHaveCostNanos)} for the same tokens (+${formatUsd(cost.extraNanos)}, about ${formatUsd(perDay)} a day).`,
    });
  }
  return { anomalies: out, confirmed };
}

function tier(t: string | null): string {
  return t ? ` (${t})` : "";
}

function label(a: SpendAnomaly, dims: Dims): ScannedAnomaly {
  if (a.scope.type === "workload") {
    const [id, w] = [...dims.workloads].find(([, x]) => x.slug === a.scope.key)!;
    const owner = w.teamId !== null ? dims.teams.get(w.teamId) : undefined;
    return {
      ...a,
      message: named(a, `Workload ${w.name}`),
      scopeLabel: w.name,
      ownerTeamId: w.teamId,
      ownerTeam: owner ? { key: owner.slug, label: owner.name } : null,
      workloadId: id,
    };
  }
  const [id, t] = [...dims.teams].find(([, x]) => x.slug === a.scope.key)!;
  return { ...a, message: named(a, `Team ${t.name}`), scopeLabel: t.name, ownerTeamId: id, ownerTeam: { key: t.slug, label: t.name }, workloadId: null };
}

/** lib/anomaly's messages name the scope by slug; people read names. */
function named(a: SpendAnomaly, label: string): string {
  const prefix = `${a.scope.type === "team" ? "Team" : "Workload"} ${a.scope.key}`;
  return a.message.startsWith(prefix) ? label + a.message.slice(prefix.length) : a.message;
}

async function loadDims(): Promise<Dims> {
  const [teams, workloads] = await Promise.all([
    pool().query<{ id: number; slug: string; name: string }>("SELECT id, slug, name FROM teams"),
    pool().query<{ id: number; slug: string; name: string; team_id: number | null }>("SELECT id, slug, name, team_id FROM workloads"),
  ]);
  return {
    teams: new Map(teams.rows.map((t) => [t.id, { slug: t.slug, name: t.name }])),
    workloads: new Map(workloads.rows.map((w) => [w.id, { slug: w.slug, name: w.name, teamId: w.team_id }])),
  };
}

/** Slug -> id; null when nothing has that slug (the caller answers with no anomalies). */
function idOf(map: Map<number, { slug: string }>, slug: string): number | null {
  for (const [id, x] of map) if (x.slug === slug) return id;
  return null;
}

function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}
