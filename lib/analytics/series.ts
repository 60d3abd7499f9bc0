import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "./scope";
import { GROUP_KEY, filterConditions } from "./spend";
import { checkRange, monthStart, todayUtc } from "./dates";
import { timeBuckets } from "./buckets";
import { stackSeries, type RawPoint } from "./stack-series";
import type { SeriesQuery, SeriesResponse, SeriesStack } from "./series-query";
import { TAG_GROUP_PREFIX } from "./spend-query";
import { tagSource } from "./tag-spend";
import { NONE_KEY } from "@/lib/dimensions/dimension-schema";
import { assertRates, localCostSum, localCurrency, missingRateDay, rateJoin } from "@/lib/currency/local-cost-sql";

/** A tag value as a series key: calls without the tag are "(none)". */
const TAG_VALUE = {
  key: Prisma.sql`CASE WHEN d.tag_value = '' THEN ${NONE_KEY} ELSE d.tag_value END`,
  label: Prisma.sql`CASE WHEN d.tag_value = '' THEN ${NONE_KEY} ELSE d.tag_value END`,
};

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
export async function querySeries(principal: Principal, q: SeriesQuery, now = new Date(), currency = "USD"): Promise<SeriesResponse> {
  const to = q.to ?? todayUtc(now);
  const from = q.from ?? monthStart(to);
  checkRange(from, to, 3660, now);
  // A tag stack or filter reads the promoted key's roll-up, checked as for GET /api/v1/spend (tag-spend.ts).
  const stackTag = q.stackBy.startsWith(TAG_GROUP_PREFIX);
  const tag = await tagSource({ ...q, groupBy: stackTag ? q.stackBy : q.stackBy === "none" ? "day" : q.stackBy }, "stackBy");
  const stack = stackTag ? TAG_VALUE : q.stackBy === "none" ? { key: Prisma.sql`'total'`, label: Prisma.sql`'Total'` } : GROUP_KEY[q.stackBy as Exclude<SeriesStack, "none">];
  const where = [Prisma.sql`d.day BETWEEN ${from}::date AND ${to}::date`, teamScope(principal), ...filterConditions(q), ...(tag?.where ?? [])];
  const local = localCurrency(currency);
  const source = tag ? tag.source : Prisma.sql`usage_daily d JOIN models m ON m.id = d.model_id`;
  const raw = await prisma().$queryRaw<RawPoint[]>`
    SELECT ${BUCKET[q.interval]} AS bucket, ${stack.key} AS key, ${stack.label} AS label,
      COALESCE(sum(d.cost_nanos), 0)::text AS cost, COALESCE(sum(d.requests), 0)::text AS requests ${localCostSum(local, "local_cost")} ${missingRateDay(local)}
    FROM ${source}
    LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN workloads w ON w.id = d.workload_id ${rateJoin(local)}
    WHERE ${Prisma.join(where, " AND ")}
    GROUP BY 1, 2, 3`;
  assertRates(local, raw as (RawPoint & { missing_rate_day?: string | null })[]);
  const today = todayUtc(now);
  const partialBucket = from <= today && today <= to ? timeBuckets(today, today, q.interval)[0] : null;
  return { from, to, interval: q.interval, stackBy: q.stackBy, partialBucket, ...(local ? { currency: local } : {}), ...stackSeries(raw, timeBuckets(from, to, q.interval), q.top, stackTag ? NONE_KEY : "unattributed") };
}
