import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import { badRequest } from "@/lib/errors";
import { NONE_KEY, OTHER_KEY } from "@/lib/dimensions/dimension-schema";
import { DEFAULT_TOP, TAG_GROUP_PREFIX, type SpendQuery } from "./spend-query";

/**
 * Spend by a promoted tag key (issue 13 §1), read from usage_daily_dimension (one roll-up per key, by day, team,
 * workload and model: every call once, under its value or '' = "(none)"). spend.ts and series.ts compose the
 * caller's team scope and the team/workload/model/provider/tier filters exactly as for usage_daily; this module
 * adds the key, the value filter, the models join when a model, provider or tier filter or grouping needs it, and
 * the top-N fold.
 */
export interface TagSource {
  key: string;
  /** groupBy=tag:<key> (else only filtered by the key) */
  grouped: boolean;
  where: Prisma.Sql[];
  /** The FROM clause: the roll-up as `d`, joined with `models m` when the query filters or groups by the model. */
  source: Prisma.Sql;
}

/**
 * Groupings the dimension roll-up answers besides the tag itself: all but user (calls per user are another
 * roll-up, usage_daily_user, which has no tags).
 */
const WITH_TAG_FILTER = ["team", "workload", "model", "provider", "tier", "day", "week", "month"];
const MODEL_GROUPINGS = ["model", "provider", "tier"];

/**
 * The tag part of a spend query, checked; null when the query involves no tag. `param` names the grouping in
 * messages (groupBy for /spend, stackBy for /spend/series).
 */
export async function tagSource(q: Pick<SpendQuery, "groupBy" | "tag" | "model" | "provider" | "tier">, param = "groupBy"): Promise<TagSource | null> {
  const groupKey = q.groupBy.startsWith(TAG_GROUP_PREFIX) ? q.groupBy.slice(TAG_GROUP_PREFIX.length) : null;
  const filter = q.tag;
  if (groupKey === null && !filter) return null;
  if (groupKey !== null && filter && filter.key !== groupKey) {
    throw badRequest(`tag.${filter.key}: with ${param}=tag:${groupKey}, filter by that key only (each promoted key has its own roll-up)`);
  }
  if (groupKey === null && !WITH_TAG_FILTER.includes(q.groupBy)) {
    throw badRequest(
      `tag.${filter!.key}: a tag filter works with ${param} ${WITH_TAG_FILTER.join(", ")} or tag:<key> (spend per user is kept in its own roll-up, without tags)`,
    );
  }
  const key = (groupKey ?? filter?.key)!;
  const promoted = await prisma().$queryRaw<{ tag_key: string }[]>`SELECT tag_key FROM dimensions ORDER BY tag_key`;
  if (!promoted.some((p) => p.tag_key === key)) {
    const list = promoted.map((p) => p.tag_key).join(", ") || "(none yet)";
    throw badRequest(`tag key "${key}" is not a dimension; promoted keys: ${list} (an admin promotes keys in Settings or with POST /api/v1/dimensions)`);
  }
  const where = [Prisma.sql`d.tag_key = ${key}`];
  if (filter) where.push(Prisma.sql`d.tag_value = ${filter.value === NONE_KEY ? "" : filter.value}`);
  // Only then the join: rows of model_id 0 ("model not recorded", days from before the roll-up kept the model whose
  // raw calls were already dropped) have no model, and still count in the key's totals.
  const byModel = Boolean(q.model || q.provider || q.tier) || MODEL_GROUPINGS.includes(q.groupBy);
  const source = byModel ? Prisma.sql`usage_daily_dimension d JOIN models m ON m.id = d.model_id` : Prisma.sql`usage_daily_dimension d`;
  return { key, grouped: groupKey !== null, where, source };
}

/** Per value, the roll-up's own column names, so spend.ts's sums read the ranked rows like roll-up rows. */
const ROLLUP_SUMS = ["cost_nanos", "input_tokens", "cached_input_tokens", "cache_write_tokens", "output_tokens", "reasoning_tokens", "requests",
  "unpriced_requests", "unpriced_events", "uncounted_events", "uncounted_cost_nanos"].map((c) => `sum(d.${c}) AS ${c}`).join(", ");

interface RawTagRow {
  key: string;
  label: string;
}

/**
 * Rows per tag value: the `top` costliest values (ties by value), the rest summed into "(other)", and "(none)"
 * (calls without the tag) always its own row, never folded or hidden, so the rows add up to the scope's total.
 * Values first by cost, then "(other)", then "(none)".
 */
export async function topTagValues<R extends RawTagRow>(source: Prisma.Sql, where: Prisma.Sql[], sums: (alias: string) => Prisma.Sql, top = DEFAULT_TOP): Promise<R[]> {
  return prisma().$queryRaw<R[]>`
    WITH g AS (
      SELECT d.tag_value AS value, ${Prisma.raw(ROLLUP_SUMS)}
      FROM ${source} LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN workloads w ON w.id = d.workload_id
      WHERE ${Prisma.join(where, " AND ")}
      GROUP BY 1
    ), ranked AS (
      SELECT g.*, CASE WHEN g.value = '' THEN ${NONE_KEY}
        WHEN row_number() OVER (PARTITION BY g.value = '' ORDER BY g.cost_nanos DESC, g.value) > ${top} THEN ${OTHER_KEY}
        ELSE g.value END AS key
      FROM g
    )
    SELECT r.key, r.key AS label, ${sums("r")}
    FROM ranked r
    GROUP BY r.key
    ORDER BY CASE r.key WHEN ${NONE_KEY} THEN 2 WHEN ${OTHER_KEY} THEN 1 ELSE 0 END, sum(r.cost_nanos) DESC, r.key`;
}
