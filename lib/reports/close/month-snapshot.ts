import "server-only";
import { pool } from "@/lib/db/pool";
import type { Principal } from "@/lib/auth/principal";
import type { ReportMonth } from "../report-month";

/**
 * A month's totals per team (0 = unattributed) from the daily roll-ups, all teams: a snapshot is an organisation
 * record, and each caller later compares only the teams they can see (scopedTotals).
 */
export type TeamTotals = Record<string, { costNanos: string; requests: number; events: number }>;

export interface Snapshot {
  id: number;
  month: string;
  reason: "export" | "close" | "viewed";
  takenAt: Date;
  takenBy: string;
  totals: TeamTotals;
}

export async function monthTotalsByTeam(m: Pick<ReportMonth, "from" | "end">): Promise<TeamTotals> {
  const { rows } = await pool().query<{ team_id: number; cost: string; requests: string; events: string }>(
    `SELECT team_id, sum(cost_nanos)::text AS cost, sum(requests)::text AS requests, sum(events)::text AS events
       FROM usage_daily WHERE day BETWEEN $1::date AND $2::date GROUP BY team_id`,
    [m.from, m.end],
  );
  return Object.fromEntries(rows.map((r) => [String(r.team_id), { costNanos: r.cost, requests: Number(r.requests), events: Number(r.events) }]));
}

/** The sum of the teams the caller can see (unattributed spend only for all-teams callers, as teamScope does). */
export function scopedTotals(totals: TeamTotals, principal: Pick<Principal, "teamIds">): { costNanos: bigint; requests: number } {
  let costNanos = 0n;
  let requests = 0;
  for (const [team, t] of Object.entries(totals)) {
    if (principal.teamIds !== null && !principal.teamIds.includes(Number(team))) continue;
    costNanos += BigInt(t.costNanos);
    requests += t.requests;
  }
  return { costNanos, requests };
}

export async function takeSnapshot(m: Pick<ReportMonth, "month" | "from" | "end">, reason: Snapshot["reason"], actor: string): Promise<Snapshot> {
  const totals = await monthTotalsByTeam(m);
  const { rows } = await pool().query<{ id: number; taken_at: Date }>(
    `INSERT INTO month_snapshots (month, reason, taken_by, totals) VALUES ($1, $2, $3, $4::jsonb) RETURNING id, taken_at`,
    [m.month, reason, actor, JSON.stringify(totals)],
  );
  return { id: rows[0].id, month: m.month, reason, takenAt: rows[0].taken_at, takenBy: actor, totals };
}

const SELECT = `SELECT s.id, s.month, s.reason, s.taken_at, s.taken_by, s.totals FROM month_snapshots s`;
type Row = { id: number; month: string; reason: Snapshot["reason"]; taken_at: Date; taken_by: string; totals: TeamTotals };
const out = (r: Row): Snapshot => ({ id: r.id, month: r.month, reason: r.reason, takenAt: r.taken_at, takenBy: r.taken_by, totals: r.totals });

/**
 * What the month is compared with: the close's snapshot while it is closed (later data are adjustments until it is
 * reopened), else its latest snapshot (the last export, or its first view as complete).
 */
export async function baselineSnapshot(month: string): Promise<Snapshot | null> {
  const closed = await pool().query<Row>(`${SELECT} JOIN closed_months c ON c.snapshot_id = s.id WHERE c.month = $1`, [month]);
  if (closed.rows[0]) return out(closed.rows[0]);
  const latest = await pool().query<Row>(`${SELECT} WHERE s.month = $1 ORDER BY s.taken_at DESC, s.id DESC LIMIT 1`, [month]);
  return latest.rows[0] ? out(latest.rows[0]) : null;
}
