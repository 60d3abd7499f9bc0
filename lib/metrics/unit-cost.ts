import "server-only";
import { pool } from "@/lib/db/pool";
import type { Principal } from "@/lib/auth/principal";
import { badRequest, forbidden, notFound } from "@/lib/errors";
import { addDays, checkRange, eachDay, monthStart, todayUtc } from "@/lib/analytics/dates";
import { nanosToUsd } from "@/lib/money";
import { nanosPer } from "@/lib/runs/divide";
import { assertRates, localCurrency } from "@/lib/currency/local-cost-sql";
import type { UnitCostQuery, UnitCostResponse, UnitCostRow } from "./unit-cost-schema";

interface SeriesKey {
  name: string;
  teamId: number | null;
  workloadId: number | null;
}

/**
 * Spend per unit of a business metric. The spend is the metric's own scope: its workload's spend when it names a
 * workload (and its team when it names both), else its team's, else the organisation's (all teams only). Only days
 * that carry a metric value count, so a month with values on 20 days divides 20 days of spend by 20 days of units.
 * Exact: integer nano-dollars from usage_daily, units as numeric, one half-up rounding per ratio.
 */
export async function queryUnitCost(principal: Principal, q: UnitCostQuery, now = new Date(), currency = "USD"): Promise<UnitCostResponse> {
  const local = localCurrency(currency);
  const to = q.to ?? todayUtc(now);
  const from = q.from ?? monthStart(addDays(to, -89));
  checkRange(from, to);
  const key = await resolveSeries(principal, q.name, q.team ?? null, q.workload ?? null);
  const days = await dailyCostAndUnits(principal, key, from, to, local);
  // In a reporting currency the range must convert: a day with spend and no rate is a 400 naming it.
  const missing = days.find((d) => d.missingRate);
  assertRates(local, [{ missing_rate_day: missing?.day }]);
  const bucket = (day: string) => (q.granularity === "month" ? day.slice(0, 7) : day);
  const periods = new Map<string, { cost: bigint; localCost: bigint; units: number[]; unitsText: string[] }>();
  for (const day of eachDay(from, to)) if (!periods.has(bucket(day))) periods.set(bucket(day), { cost: 0n, localCost: 0n, units: [], unitsText: [] });
  let totalCost = 0n;
  let totalLocal = 0n;
  const totalUnits: string[] = [];
  for (const d of days) {
    const p = periods.get(bucket(d.day))!;
    p.cost += BigInt(d.cost);
    p.localCost += BigInt(d.localCost ?? "0");
    p.unitsText.push(d.units);
    totalCost += BigInt(d.cost);
    totalLocal += BigInt(d.localCost ?? "0");
    totalUnits.push(d.units);
  }
  const ratio = (cost: bigint, units: string[], localCost: bigint) => {
    const inLocal = (per: bigint | null) => (local ? { cost: nanosToUsd(localCost), costPerUnit: per === null ? null : nanosToUsd(per) } : {});
    if (units.length === 0) return { costUsd: nanosToUsd(cost), units: null, costPerUnitUsd: null, ...inLocal(null) };
    const sum = sumDecimals(units);
    const per = nanosPer(cost, sum);
    return { costUsd: nanosToUsd(cost), units: sum, costPerUnitUsd: per === null ? null : nanosToUsd(per), ...inLocal(nanosPer(localCost, sum)) };
  };
  return {
    name: q.name,
    team: q.team ?? null,
    workload: q.workload ?? null,
    from,
    to,
    granularity: q.granularity,
    ...(local ? { currency: local } : {}),
    points: [...periods.entries()].map(([period, p]) => ({ period, ...ratio(p.cost, p.unitsText, p.localCost) })),
    total: ratio(totalCost, totalUnits, totalLocal),
  };
}

/** Every metric series the caller may see, with its cost per unit in `month` and the month before. */
export async function unitCostsForMonth(principal: Principal, month: string, currency = "USD"): Promise<UnitCostRow[]> {
  const local = localCurrency(currency);
  const first = `${month}-01`;
  const last = addDays(monthStart(addDays(first, 32)), -1);
  const prevFirst = monthStart(addDays(first, -1));
  const series = await pool().query<{ name: string; team_id: number | null; workload_id: number | null; team: string | null; workload: string | null }>(
    `SELECT DISTINCT b.name, b.team_id, b.workload_id, t.slug AS team, w.slug AS workload
     FROM business_metrics b LEFT JOIN teams t ON t.id = b.team_id LEFT JOIN workloads w ON w.id = b.workload_id
     WHERE b.day BETWEEN $1::date AND $2::date ORDER BY 1, 4 NULLS FIRST, 5 NULLS FIRST`,
    [prevFirst, last],
  );
  const rows: UnitCostRow[] = [];
  for (const s of series.rows) {
    const key = { name: s.name, teamId: s.team_id, workloadId: s.workload_id };
    if (!visible(principal, key, s.workload_id === null ? null : await workloadTeam(s.workload_id))) continue;
    const now = await dailyCostAndUnits(principal, key, first, last, local);
    if (now.length === 0) continue;
    const prev = await dailyCostAndUnits(principal, key, prevFirst, addDays(first, -1), local);
    const sum = (days: { cost: string }[]) => days.reduce((a, d) => a + BigInt(d.cost), 0n);
    const units = sumDecimals(now.map((d) => d.units));
    const per = nanosPer(sum(now), units);
    const prevPer = prev.length === 0 ? null : nanosPer(sum(prev), sumDecimals(prev.map((d) => d.units)));
    rows.push({
      name: s.name,
      team: s.team,
      workload: s.workload,
      units,
      costUsd: nanosToUsd(sum(now)),
      costPerUnitUsd: per === null ? null : nanosToUsd(per),
      previousCostPerUnitUsd: prevPer === null ? null : nanosToUsd(prevPer),
      // A percentage for people (display only); the two exact figures are beside it.
      changePct: per === null || prevPer === null || prevPer === 0n ? null : Math.round((Number(per - prevPer) / Number(prevPer)) * 1000) / 10,
      ...(local ? localUnitCost(now, prev) : {}),
    });
  }
  return rows;
}

/** A row's amounts in the reporting currency; null where a day has no rate (the month itself, or the one before). */
function localUnitCost(now: { units: string; localCost: string | null; missingRate: boolean }[], prev: typeof now) {
  const sum = (days: typeof now) => days.reduce((a, d) => a + BigInt(d.localCost ?? "0"), 0n);
  const nowOk = !now.some((d) => d.missingRate);
  const prevOk = prev.length > 0 && !prev.some((d) => d.missingRate);
  const per = nowOk ? nanosPer(sum(now), sumDecimals(now.map((d) => d.units))) : null;
  const prevPer = prevOk ? nanosPer(sum(prev), sumDecimals(prev.map((d) => d.units))) : null;
  return {
    cost: nowOk ? nanosToUsd(sum(now)) : null,
    costPerUnit: per === null ? null : nanosToUsd(per),
    previousCostPerUnit: prevPer === null ? null : nanosToUsd(prevPer),
  };
}

async function resolveSeries(principal: Principal, name: string, team: string | null, workload: string | null): Promise<SeriesKey> {
  const teamRow = team ? (await pool().query<{ id: number }>("SELECT id FROM teams WHERE slug = $1", [team])).rows[0] : null;
  if (team && !teamRow) throw badRequest(`team: no team "${team}"`);
  const workloadRow = workload ? (await pool().query<{ id: number; team_id: number | null }>("SELECT id, team_id FROM workloads WHERE slug = $1", [workload])).rows[0] : null;
  if (workload && !workloadRow) throw badRequest(`workload: no workload "${workload}"`);
  const key = { name, teamId: teamRow?.id ?? null, workloadId: workloadRow?.id ?? null };
  if (!visible(principal, key, workloadRow?.team_id ?? null)) {
    throw forbidden(key.teamId === null && key.workloadId === null ? "An organisation-wide unit cost needs access to every team" : "That team or workload is outside your teams");
  }
  const exists = await pool().query(
    "SELECT 1 FROM business_metrics WHERE name = $1 AND team_id IS NOT DISTINCT FROM $2 AND workload_id IS NOT DISTINCT FROM $3 LIMIT 1",
    [name, key.teamId, key.workloadId],
  );
  if (exists.rowCount === 0) throw notFound(`Metric "${name}"${team ? ` for team ${team}` : ""}${workload ? ` for workload ${workload}` : ""}`);
  return key;
}

function visible(principal: Pick<Principal, "teamIds">, key: SeriesKey, workloadTeamId: number | null): boolean {
  if (principal.teamIds === null) return true;
  const owner = key.teamId ?? workloadTeamId;
  return owner !== null && principal.teamIds.includes(owner);
}

async function workloadTeam(workloadId: number): Promise<number | null> {
  return (await pool().query<{ team_id: number | null }>("SELECT team_id FROM workloads WHERE id = $1", [workloadId])).rows[0]?.team_id ?? null;
}

/**
 * Per day with a metric value: the scope's exact spend (nano-dollars, text) and the value (numeric, text). Two
 * plain reads joined here by day: the metric values, then the days' spend from usage_daily. (One SQL join of the
 * two is what Citus cannot plan: business_metrics is a reference table, usage_daily is sharded by day.)
 */
async function dailyCostAndUnits(principal: Pick<Principal, "teamIds">, key: SeriesKey, from: string, to: string, currency: string | null = null) {
  const values = await pool().query<{ day: string; units: string }>(
    `SELECT b.day::text AS day, b.value::text AS units FROM business_metrics b
     WHERE b.name = $1 AND b.team_id IS NOT DISTINCT FROM $4 AND b.workload_id IS NOT DISTINCT FROM $5 AND b.day BETWEEN $2::date AND $3::date
     ORDER BY b.day`,
    [key.name, from, to, key.teamId, key.workloadId],
  );
  if (values.rows.length === 0) return [];
  // With a reporting currency: each usage_daily row at its day's rate (last on or before it), rounded once, as
  // everywhere else (lib/currency/local-cost-sql.ts); `missing` flags a day with spend and no rate.
  const spend = await pool().query<{ day: string; cost: string; local_cost: string | null; missing: boolean | null }>(
    `SELECT d.day::text AS day, sum(d.cost_nanos)::text AS cost,
       CASE WHEN $5::text IS NULL THEN NULL ELSE COALESCE(sum(round(d.cost_nanos * fx.rate)), 0)::text END AS local_cost,
       bool_or($5::text IS NOT NULL AND fx.rate IS NULL AND d.cost_nanos <> 0) AS missing
     FROM usage_daily d
     LEFT JOIN LATERAL (SELECT x.units_per_usd AS rate FROM exchange_rates x WHERE x.currency = $5::text AND x.day <= d.day ORDER BY x.day DESC LIMIT 1) fx ON TRUE
     WHERE d.day = ANY($1::date[])
       AND ($2::int IS NULL OR d.team_id = $2) AND ($3::int IS NULL OR d.workload_id = $3)
       AND ($4::int[] IS NULL OR d.team_id = ANY($4::int[]))
     GROUP BY d.day`,
    [values.rows.map((r) => r.day), key.teamId, key.workloadId, principal.teamIds, currency],
  );
  const byDay = new Map(spend.rows.map((r) => [r.day, r]));
  return values.rows.map((r) => {
    const d = byDay.get(r.day);
    return { day: r.day, units: r.units, cost: d?.cost ?? "0", localCost: currency ? (d?.local_cost ?? "0") : null, missingRate: d?.missing === true };
  });
}

/** Exact sum of decimal strings (numeric(30,9) values), as a decimal string. */
export function sumDecimals(values: string[]): string {
  let total = 0n;
  for (const v of values) {
    const [whole, frac = ""] = v.split(".");
    total += BigInt(whole) * 1_000_000_000n + BigInt((frac + "000000000").slice(0, 9));
  }
  const s = total.toString().padStart(10, "0");
  const frac = s.slice(-9).replace(/0+$/, "");
  return frac ? `${s.slice(0, -9)}.${frac}` : s.slice(0, -9);
}
