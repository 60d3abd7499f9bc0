/**
 * usage_events rows found by their key (occurred_at, dedup_key), for `keys`: a relation or parenthesised query
 * with those two columns. The partitioned table's only index is that primary key; a LATERAL probe with LIMIT 1
 * (which the planner cannot flatten into a join) makes every key one index lookup in the one partition of its
 * month, where a plain join with an unanalysed temp table may be planned as a scan of every partition.
 *
 * On Citus (`citus`: lib/db/citus.ts wantsCitus) a correlated LIMIT on a sharded table cannot be pushed down to
 * the workers ("cannot push down this subquery"); there the keys are joined on the distribution column, dedup_key,
 * which Citus plans by sending the keys to the shards (each shard then probes its own primary key).
 */
export function storedEventsByKey(keys: string, citus = false): string {
  if (citus) return `(SELECT x.* FROM ${keys} k JOIN usage_events x ON x.dedup_key = k.dedup_key AND x.occurred_at = k.occurred_at)`;
  return `(SELECT e.* FROM ${keys} k CROSS JOIN LATERAL (
    SELECT * FROM usage_events x WHERE x.occurred_at = k.occurred_at AND x.dedup_key = k.dedup_key LIMIT 1) e)`;
}

/**
 * A WHERE condition on usage_events `alias` matching exactly the (occurred_at, dedup_key) pairs of `keys`: the
 * two `= ANY` arrays let the primary key's index (and partition pruning) find the rows, the IN keeps only the
 * exact pairs. For small key sets (DELETE/UPDATE cannot use storedEventsByKey's LATERAL form).
 */
export function eventKeyCondition(alias: string, keys: string): string {
  return `${alias}.occurred_at = ANY (ARRAY(SELECT occurred_at FROM ${keys})) AND ${alias}.dedup_key = ANY (ARRAY(SELECT dedup_key FROM ${keys}))
    AND (${alias}.occurred_at, ${alias}.dedup_key) IN (SELECT occurred_at, dedup_key FROM ${keys})`;
}
