/**
 * What counts as a successful call and a successful business outcome. Pure (no database), shared by the run
 * roll-up's SQL (lib/ingest/store/run-rollup.ts) and the pages that explain it.
 *
 * - A call succeeded when its status says so: "ok" (every parser normalises to ok/error: LiteLLM success/failure,
 *   Helicone HTTP codes, OTLP span status), or the raw "success"/"succeeded"/"200" a native caller may send.
 *   Calls without a status are neither ok nor error.
 * - A business outcome is the `outcome` tag a call carries (native `tags.outcome`, OTLP attribute `outcome` or
 *   `rightsize.outcome`, LiteLLM `spend_logs_metadata.outcome`). It is a success when its value is one of
 *   SUCCESS_OUTCOMES (case-insensitive); any other value (escalated, abandoned, failed...) is an outcome that
 *   did not succeed. "Cost per successful outcome" divides ALL the cost (failed calls included) by the successes.
 */
export const OK_STATUSES = ["ok", "success", "succeeded", "200"] as const;
export const SUCCESS_OUTCOMES = ["resolved", "success", "succeeded", "successful", "completed", "complete", "accepted", "converted", "done"] as const;

/** The tag keys an outcome is read from, first present wins. */
export const OUTCOME_TAGS = ["outcome", "rightsize.outcome"] as const;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

/** SQL over a row alias with `status` and `outcome` (text) columns: 1/0 per call, for sums. */
export function outcomeSql(alias: string): { ok: string; error: string; outcome: string; success: string } {
  return {
    ok: `COALESCE(lower(${alias}.status) IN (${list(OK_STATUSES)}), FALSE)::int`,
    error: `(${alias}.status IS NOT NULL AND lower(${alias}.status) NOT IN (${list(OK_STATUSES)}))::int`,
    outcome: `(${alias}.outcome IS NOT NULL)::int`,
    success: `COALESCE(lower(${alias}.outcome) IN (${list(SUCCESS_OUTCOMES)}), FALSE)::int`,
  };
}

/** SQL reading a call's outcome from its tags (jsonb), for RETURNING/SELECT lists. */
export function outcomeFromTags(tags: string): string {
  return `COALESCE(${OUTCOME_TAGS.map((k) => `${tags}->>'${k}'`).join(", ")})`;
}

export function isSuccessOutcome(value: string): boolean {
  return (SUCCESS_OUTCOMES as readonly string[]).includes(value.toLowerCase());
}
