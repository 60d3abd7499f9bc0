import "server-only";
import { pool } from "@/lib/db/pool";
import { audit } from "@/lib/audit";
import { AppError, badRequest, notFound } from "@/lib/errors";
import { nanosToUsd } from "@/lib/money";
import { monthName, reportMonth } from "../report-month";
import { scopedTotals, takeSnapshot, type TeamTotals } from "./month-snapshot";
import type { ClosedMonthOut } from "./close-schema";

const ALL = { teamIds: null };

/**
 * Closes a month that is over: its totals now are the closed figures, later data for it is stored as usual and
 * listed as adjustments in its report (restatement.ts). Audit-logged. Closing a closed month is a 409.
 */
export async function closeMonth(month: string, actor: string, now = new Date()): Promise<ClosedMonthOut> {
  const m = reportMonth(month, now);
  if (!m.complete) throw badRequest(`month: ${monthName(month)} is not over yet: a month can be closed from its last day's end (UTC)`);
  const existing = await pool().query(`SELECT 1 FROM closed_months WHERE month = $1`, [month]);
  if (existing.rowCount) throw new AppError("conflict", `${monthName(month)} is already closed; reopen it first (DELETE /api/v1/reports/closed-months/${month})`);
  const snapshot = await takeSnapshot(m, "close", actor);
  const inserted = await pool().query(
    `INSERT INTO closed_months (month, closed_at, closed_by, snapshot_id) VALUES ($1, $2, $3, $4) ON CONFLICT (month) DO NOTHING`,
    [month, snapshot.takenAt, actor, snapshot.id],
  );
  if (!inserted.rowCount) throw new AppError("conflict", `${monthName(month)} was closed meanwhile`);
  const totals = scopedTotals(snapshot.totals, ALL);
  await audit(actor, "month_closed", `month:${month}`, { costUsd: nanosToUsd(totals.costNanos), requests: totals.requests, snapshotId: snapshot.id });
  return { month, closedAt: snapshot.takenAt.toISOString(), closedBy: actor, costUsd: nanosToUsd(totals.costNanos), requests: totals.requests };
}

/** Reopens a closed month: its report compares with its latest snapshot again, adjustments fold into the month. */
export async function reopenMonth(month: string, actor: string): Promise<void> {
  const removed = await pool().query<{ snapshot_id: number }>(`DELETE FROM closed_months WHERE month = $1 RETURNING snapshot_id`, [month]);
  if (!removed.rows[0]) throw notFound(`closed month ${month}`);
  await audit(actor, "month_reopened", `month:${month}`, { snapshotId: removed.rows[0].snapshot_id });
}

export async function listClosedMonths(): Promise<ClosedMonthOut[]> {
  const { rows } = await pool().query<{ month: string; closed_at: Date; closed_by: string; totals: TeamTotals }>(
    `SELECT c.month, c.closed_at, c.closed_by, s.totals FROM closed_months c JOIN month_snapshots s ON s.id = c.snapshot_id ORDER BY c.month DESC`,
  );
  return rows.map((r) => {
    const t = scopedTotals(r.totals, ALL);
    return { month: r.month, closedAt: r.closed_at.toISOString(), closedBy: r.closed_by, costUsd: nanosToUsd(t.costNanos), requests: t.requests };
  });
}

export async function closedMonth(month: string): Promise<{ closedAt: string; closedBy: string } | null> {
  const { rows } = await pool().query<{ closed_at: Date; closed_by: string }>(`SELECT closed_at, closed_by FROM closed_months WHERE month = $1`, [month]);
  return rows[0] ? { closedAt: rows[0].closed_at.toISOString(), closedBy: rows[0].closed_by } : null;
}
