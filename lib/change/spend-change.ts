import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/auth/principal";
import { checkFilterValues } from "@/lib/analytics/check-filters";
import { checkRange, monthEnd, monthStart, todayUtc } from "@/lib/analytics/dates";
import { badRequest } from "@/lib/errors";
import { nanosToUsd } from "@/lib/money";
import type { ChangeGroupBy, ChangeQuery, ChangeResponse } from "./change-query";
import { decomposeChange, sumRows, type ChangeRowNanos } from "./decompose";
import { describeChange } from "./describe";
import { loadChangeCellsIn } from "./load-change-cells";
import { formatMoney } from "@/lib/money";
import { assertRates, localCurrency } from "@/lib/currency/local-cost-sql";

const GROUP_KEY: Record<ChangeGroupBy, { key: Prisma.Sql; label: Prisma.Sql }> = {
  org: { key: Prisma.sql`'organisation'`, label: Prisma.sql`'Organisation'` },
  team: { key: Prisma.sql`COALESCE(t.slug, 'unattributed')`, label: Prisma.sql`COALESCE(t.name, 'Unattributed')` },
  workload: { key: Prisma.sql`COALESCE(w.slug, 'unattributed')`, label: Prisma.sql`COALESCE(w.name, 'Unattributed')` },
};

/** GET /api/v1/spend/change: resolves the two periods, checks them, decomposes and prints money as decimals. */
export async function spendChange(principal: Principal, q: ChangeQuery, now = new Date(), currency = "USD"): Promise<ChangeResponse> {
  const to = q.to ?? todayUtc(now);
  const from = q.from ?? monthStart(to);
  const vsFrom = q.vsFrom ?? oneMonthEarlier(from);
  const vsTo = q.vsTo ?? oneMonthEarlier(to);
  checkRange(from, to, 3660, now);
  try {
    checkRange(vsFrom, vsTo, 3660, now);
  } catch (e) {
    throw badRequest((e as Error).message.replace(/\bfrom\b/g, "vsFrom").replace(/\bto\b/g, "vsTo"));
  }
  if (vsFrom <= to && from <= vsTo) throw badRequest(`the base period ${vsFrom}..${vsTo} overlaps ${from}..${to}; a day can be in one of them only`);
  await checkFilterValues(principal, { team: q.team, workload: q.workload });

  const c = await changeBetween(principal, { from, to }, { from: vsFrom, to: vsTo }, q.groupBy, { team: q.team, workload: q.workload }, currency);
  // The API converts or fails: a day without a rate in either period is a 400 naming it (never a silent 1.0).
  if (c.local && !c.local.ok) assertRates(c.local.currency, [{ missing_rate_day: c.local.missingRateDay }]);
  const out = changeOut(c);
  return { from, to, vsFrom, vsTo, groupBy: q.groupBy, ...out };
}

/** rows and totals as decimals; with a reporting currency, `currency` and each row's `inCurrency` (null when a day has no rate). */
export function changeOut(c: Awaited<ReturnType<typeof changeBetween>>) {
  const local = c.local?.ok ? c.local : null;
  const localRows = new Map(local?.rows.map((r) => [r.key, r]) ?? []);
  const code = c.local?.currency ?? "USD";
  const withLocal = (r: Omit<ChangeRowNanos, "key" | "label">, l: Omit<ChangeRowNanos, "key" | "label"> | undefined) =>
    c.local ? { ...fields(r), inCurrency: l ? localFields(l, code) : null } : fields(r);
  return {
    currency: code,
    ...(c.local && !c.local.ok ? { currencyNote: `not converted to ${code}: no ${code} exchange rate on or before ${c.local.missingRateDay}` } : {}),
    rows: c.rows.map((r) => ({ key: r.key, label: r.label, ...withLocal(r, local ? (localRows.get(r.key) ?? zeroRow()) : undefined) })),
    totals: withLocal(c.totals, local?.totals),
  };
}

function zeroRow(): Omit<ChangeRowNanos, "key" | "label"> {
  return { baseNanos: 0n, currentNanos: 0n, changeNanos: 0n, parts: { volume: 0n, mix: 0n, tokens: 0n, cache: 0n, price: 0n } };
}

/** A row's amounts in the reporting currency (decimal strings): the same five parts, summing exactly to `change`. */
export function localFields(r: Omit<ChangeRowNanos, "key" | "label">, currency: string) {
  return {
    base: nanosToUsd(r.baseNanos),
    current: nanosToUsd(r.currentNanos),
    change: nanosToUsd(r.changeNanos),
    parts: { volume: nanosToUsd(r.parts.volume), mix: nanosToUsd(r.parts.mix), price: nanosToUsd(r.parts.price), tokens: nanosToUsd(r.parts.tokens), cache: nanosToUsd(r.parts.cache) },
    explanation: describeChange(r.changeNanos, r.parts, r.changeNanos, (n) => formatMoney(n, currency)),
  };
}

/** The change from `base` to `current` per group, in nano-dollars (rows largest change first; totals = their sums). */
export async function changeBetween(
  principal: Pick<Principal, "teamIds">,
  current: { from: string; to: string },
  base: { from: string; to: string },
  groupBy: ChangeGroupBy,
  filters: { team?: string; workload?: string } = {},
  currency = "USD",
) {
  const local = localCurrency(currency);
  const { cells, missingRateDay } = await loadChangeCellsIn(principal, current, base, { groupKey: GROUP_KEY[groupBy], teamSlug: filters.team, workloadSlug: filters.workload, currency: local });
  const rows = decomposeChange(cells);
  if (!local) return { rows, totals: sumRows(rows), local: null };
  // The same decomposition over each cell's cost in the currency (each day at its rate): its parts telescope too.
  const missing = missingRateDay.current ?? missingRateDay.base;
  if (missing) return { rows, totals: sumRows(rows), local: { ok: false as const, currency: local, missingRateDay: missing } };
  const localRows = decomposeChange(cells.map((c) => ({ ...c, cost: c.localCost! })));
  return { rows, totals: sumRows(rows), local: { ok: true as const, currency: local, rows: localRows, totals: sumRows(localRows) } };
}

/** The money fields of a row (decimal strings) and its explanation. */
export function fields(r: Omit<ChangeRowNanos, "key" | "label">) {
  return {
    baseUsd: nanosToUsd(r.baseNanos),
    currentUsd: nanosToUsd(r.currentNanos),
    changeUsd: nanosToUsd(r.changeNanos),
    parts: {
      volumeUsd: nanosToUsd(r.parts.volume),
      mixUsd: nanosToUsd(r.parts.mix),
      priceUsd: nanosToUsd(r.parts.price),
      tokensUsd: nanosToUsd(r.parts.tokens),
      cacheUsd: nanosToUsd(r.parts.cache),
    },
    explanation: describeChange(r.changeNanos, r.parts),
  };
}

/** The same day one month earlier, clamped to that month's end; a month's last day maps to the previous month's last. */
export function oneMonthEarlier(day: string): string {
  const [y, m] = day.split("-").map(Number);
  const prev = m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, "0")}-01`;
  const prevEnd = monthEnd(prev);
  if (day === monthEnd(day)) return prevEnd;
  const candidate = `${prev.slice(0, 8)}${day.slice(8, 10)}`;
  return candidate > prevEnd ? prevEnd : candidate;
}
