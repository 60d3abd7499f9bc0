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
import { loadChangeCells } from "./load-change-cells";

const GROUP_KEY: Record<ChangeGroupBy, { key: Prisma.Sql; label: Prisma.Sql }> = {
  org: { key: Prisma.sql`'organisation'`, label: Prisma.sql`'Organisation'` },
  team: { key: Prisma.sql`COALESCE(t.slug, 'unattributed')`, label: Prisma.sql`COALESCE(t.name, 'Unattributed')` },
  workload: { key: Prisma.sql`COALESCE(w.slug, 'unattributed')`, label: Prisma.sql`COALESCE(w.name, 'Unattributed')` },
};

/** GET /api/v1/spend/change: resolves the two periods, checks them, decomposes and prints money as decimals. */
export async function spendChange(principal: Principal, q: ChangeQuery, now = new Date()): Promise<ChangeResponse> {
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

  const { rows, totals } = await changeBetween(principal, { from, to }, { from: vsFrom, to: vsTo }, q.groupBy, { team: q.team, workload: q.workload });
  return {
    from,
    to,
    vsFrom,
    vsTo,
    groupBy: q.groupBy,
    rows: rows.map((r) => ({ key: r.key, label: r.label, ...fields(r) })),
    totals: fields(totals),
  };
}

/** The change from `base` to `current` per group, in nano-dollars (rows largest change first; totals = their sums). */
export async function changeBetween(
  principal: Pick<Principal, "teamIds">,
  current: { from: string; to: string },
  base: { from: string; to: string },
  groupBy: ChangeGroupBy,
  filters: { team?: string; workload?: string } = {},
) {
  const cells = await loadChangeCells(principal, current, base, { groupKey: GROUP_KEY[groupBy], teamSlug: filters.team, workloadSlug: filters.workload });
  const rows = decomposeChange(cells);
  return { rows, totals: sumRows(rows) };
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
