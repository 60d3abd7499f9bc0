import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "./scope";
import { GROUP_KEY, filterConditions } from "./spend";
import { checkRange, monthStart, todayUtc } from "./dates";
import { timeBuckets } from "./buckets";
import { stackSeries, type RawPoint } from "./stack-series";
import type { SeriesQuery, SeriesResponse } from "./series-query";

const BUCKET: Record<SeriesQuery["interval"], Prisma.Sql> = {
  day: Prisma.sql`d.day::text`,
  week: Prisma.sql`date_trunc('week', d.day)::date::text`,
  month: Prisma.sql`to_char(d.day, 'YYYY-MM')`,
};

/**
 * Spend per time bucket stacked by one dimension (from the usage_daily roll-up, team scope composed in), for the
 * charts. The `top` biggest series are kept, the rest summed into "(other)", unattributed spend stays its own
 * series, and every bucket of the range is present (zero-filled) so bars line up with the calendar.
 */
export async function querySeries(principal: Principal, q: SeriesQuery, now = new Date()): Promise<SeriesResponse> {
  const to = q.to ?? todayUtc(now);
  const from = q.from ?? monthStart(to);
  checkRange(from, to, 3660, now);
  const stack = q.stackBy === "none" ? { key: Prisma.sql`'total'`, label: Prisma.sql`'Total'` } : GROUP_KEY[q.stackBy];
  const where = [Prisma.sql`d.day BETWEEN ${from}::date AND ${to}::date`, teamScope(principal), ...filterConditions(q)];
  const raw = await prisma().$queryRaw<RawPoint[]>`
    SELECT ${BUCKET[q.interval]} AS bucket, ${stack.key} AS key, ${stack.label} AS label,
      COALESCE(sum(d.cost_nanos), 0)::text AS cost, COALESCE(sum(d.requests), 0)::text AS requests
    FROM usage_daily d JOIN models m ON m.id = d.model_id
    LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN workloads w ON w.id = d.workload_id
    WHERE ${Prisma.join(where, " AND ")}
    GROUP BY 1, 2, 3`;
  const today = todayUtc(now);
  const partialBucket = from <= today && today <= to ? timeBuckets(today, today, q.interval)[0] : null;
  return { from, to, interval: q.interval, stackBy: q.stackBy, partialBucket, ...stackSeries(raw, timeBuckets(from, to, q.interval), q.top) };
}
