import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import { pool } from "@/lib/db/pool";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { nanosToUsd } from "@/lib/money";
import type { ReportMonth } from "../report-month";
import { baselineSnapshot, monthTotalsByTeam, scopedTotals, takeSnapshot, type Snapshot } from "./month-snapshot";
import { restatementText } from "./restatement-text";
import type { Restatement } from "./close-schema";

/**
 * Did the month change since someone took its figures (its last export, its first view as complete, or its close)?
 * The change is exact: the month's totals now minus the snapshot's, both from the daily roll-ups and summed over
 * the caller's teams only, so re-pricing and replaced usage buckets count too. The calls that arrived late are
 * listed by the day they arrived (their ingest batch ran after the snapshot): those are the adjustments.
 */
export async function restatementSince(principal: Pick<Principal, "teamIds">, m: ReportMonth, snapshot: Snapshot | null): Promise<Restatement | null> {
  if (!snapshot) return null;
  const then = scopedTotals(snapshot.totals, principal);
  const now = scopedTotals(await monthTotalsByTeam(m), principal);
  const change = now.costNanos - then.costNanos;
  const requestsAdded = now.requests - then.requests;
  if (change === 0n && requestsAdded === 0) return null;
  const adjustments = await lateArrivals(principal, m, snapshot.takenAt);
  return {
    basis: snapshot.reason,
    since: snapshot.takenAt.toISOString(),
    snapshotCostUsd: nanosToUsd(then.costNanos),
    costUsd: nanosToUsd(now.costNanos),
    changeUsd: nanosToUsd(change),
    requestsAdded,
    adjustments: adjustments.map((a) => ({ addedOn: a.addedOn, requests: a.requests, costUsd: nanosToUsd(a.costNanos) })),
    text: restatementText(change, requestsAdded, adjustments),
  };
}

/** The month's calls stored by ingest batches that ran after `since`, per day they arrived (caller's scope). */
export async function lateArrivals(principal: Pick<Principal, "teamIds">, m: Pick<ReportMonth, "from" | "end">, since: Date) {
  // UTC bounds as instants: a date compared with timestamptz would follow the session's time zone.
  const start = new Date(`${m.from}T00:00:00Z`);
  const end = new Date(Date.parse(`${m.end}T00:00:00Z`) + 86_400_000);
  const rows = await prisma().$queryRaw<{ added_on: string; requests: string; cost: string }[]>`
    WITH late AS (SELECT id, (COALESCE(finished_at, started_at) AT TIME ZONE 'UTC')::date AS added_on FROM ingest_batches WHERE COALESCE(finished_at, started_at) >= ${since})
    SELECT l.added_on::text AS added_on, sum(e.requests)::text AS requests, COALESCE(sum(e.cost_nanos), 0)::text AS cost
      FROM usage_events e JOIN late l ON l.id = e.ingest_batch_id
     WHERE e.occurred_at >= ${start} AND e.occurred_at < ${end} AND ${teamScope(principal, Prisma.raw("e.team_id"))}
     GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ addedOn: r.added_on, requests: Number(r.requests), costNanos: BigInt(r.cost) }));
}

/** When the newest data arrived (the last ingest batch's activity); null before any import. */
export async function dataAsOf(): Promise<string | null> {
  const { rows } = await pool().query<{ at: Date | null }>(`SELECT max(COALESCE(finished_at, started_at)) AS at FROM ingest_batches`);
  return rows[0]?.at ? rows[0].at.toISOString() : null;
}

/**
 * The restatement a report shows, and the snapshot it leaves: an all-teams caller's export of a finished month is
 * a new baseline (after it said what changed since the previous one); the first view of a finished month is one
 * too ("none": a report built for someone else, e.g. a scheduled delivery, takes none). Leads compare with the organisation's snapshots but do not take them (they saw only their teams).
 */
export async function restatementForReport(
  principal: Pick<Principal, "teamIds" | "kind" | "label">,
  m: ReportMonth,
  kind: "export" | "view" | "none",
): Promise<{ restatement: Restatement | null; basis: Snapshot | null }> {
  if (!m.complete) return { restatement: null, basis: null };
  const basis = await baselineSnapshot(m.month);
  const restatement = await restatementSince(principal, m, basis);
  if (kind !== "none" && principal.teamIds === null && (kind === "export" || basis === null)) {
    await takeSnapshot(m, kind === "export" ? "export" : "viewed", `${principal.kind}:${principal.label}`);
  }
  return { restatement, basis };
}
