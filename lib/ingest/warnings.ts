/**
 * Import warnings: records that were stored and priced, but less exactly than the source could allow, with what
 * the user should change in their export. Counted per kind and explained once in the import result
 * (IngestSummary.warnings) and on the Ingestion page (ingest_batches.warnings), never silently.
 */
export const WARNING_KINDS = ["tier_assumed", "openai_not_grouped", "anthropic_not_grouped", "anthropic_priority_list_price"] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export interface IngestWarning {
  kind: WarningKind;
  /** How many stored records it concerns. */
  count: number;
  message: string;
}

/** Counts per kind, as parsers and the session collect them. */
export type WarningCounts = Partial<Record<WarningKind, number>>;

const MESSAGES: Record<WarningKind, (n: number) => string> = {
  tier_assumed: (n) =>
    `${n} usage ${n === 1 ? "bucket has" : "buckets have"} more input than one call's long-context threshold but neither a request count nor a context-window grouping, so the size of one call is unknown: priced at the base (standard-context) tier. Export the Anthropic usage report with group_by[]=context_window (or include num_model_requests) to price long-context calls exactly.`,
  openai_not_grouped: (n) =>
    `${n} OpenAI usage ${n === 1 ? "result was" : "results were"} not grouped by batch and service_tier, so Batch (50% off), flex (50% off) and priority (premium) calls cannot be told apart and were priced at the standard rate. Export with group_by=batch and group_by=service_tier (besides group_by=model).`,
  anthropic_not_grouped: (n) =>
    `${n} Anthropic usage ${n === 1 ? "result was" : "results were"} not grouped by service_tier, so Message Batches (50% off) and Priority Tier calls cannot be told apart and were priced at the standard rate. Request the report with group_by[]=service_tier (besides group_by[]=model).`,
  anthropic_priority_list_price: (n) =>
    `${n} Anthropic usage ${n === 1 ? "result is" : "results are"} Priority Tier usage: Anthropic publishes no per-token Priority Tier price (it is set by each capacity commitment), so ${n === 1 ? "it was" : "they were"} priced at the standard list price. Record your committed rate as a price override to price them exactly.`,
};

export function addWarnings(into: WarningCounts, more: WarningCounts | undefined): void {
  if (!more) return;
  for (const kind of WARNING_KINDS) {
    const n = more[kind];
    if (n) into[kind] = (into[kind] ?? 0) + n;
  }
}

/** The warnings of a run, in a fixed order, each with its explanation. */
export function describeWarnings(counts: WarningCounts): IngestWarning[] {
  return WARNING_KINDS.filter((k) => (counts[k] ?? 0) > 0).map((kind) => ({ kind, count: counts[kind]!, message: MESSAGES[kind](counts[kind]!) }));
}
