/**
 * What a parser returns for one input record. Page-shaped sources (usage exports, OTLP requests) expand one
 * record into many events, so they return a batch; `skipped` counts items that are not usage at all
 * (ordinary OTLP spans, failed proxy calls that never reached a model), which are neither events nor errors,
 * and `skipReasons` says why, in words ("no token usage": 12), so nothing is dropped without an explanation.
 */
import type { ParseOutcome, RejectedRecord, UsageEvent } from "../usage-event";
import type { WarningCounts } from "../warnings";

export interface SourceBatch {
  events: UsageEvent[];
  rejected: RejectedRecord[];
  skipped: number;
  skipReasons: Record<string, number>;
  /** Stored records that could be priced less exactly than the source allows (../warnings.ts), by kind. */
  warnings?: WarningCounts;
}

/** Reasons shared by several parsers (the import result and the Ingestion page show them as written). */
export const SKIP = {
  noUsage: "no token usage (not a model call)",
  aggregate: "agent/workflow total (its model calls are counted as their own spans)",
  noModel: "token usage without a model name (an agent or workflow total)",
  notTokenUsage: "not token usage (other usage endpoint or result type)",
  refusedCall: "call refused before reaching a model (no model, no tokens)",
  pastRetention: "older than the raw-data retention (RIGHTSIZE_RAW_RETENTION_MONTHS): its month's raw events were dropped",
} as const;

export function emptyBatch(): SourceBatch {
  return { events: [], rejected: [], skipped: 0, skipReasons: {} };
}

export function addSkip(batch: Pick<SourceBatch, "skipped" | "skipReasons">, reason: string, count = 1): void {
  if (count <= 0) return;
  batch.skipped += count;
  batch.skipReasons[reason] = (batch.skipReasons[reason] ?? 0) + count;
}

export function reject(index: number, field: string, message: string): RejectedRecord {
  return { index, field, message };
}

export function failed(index: number, field: string, message: string): ParseOutcome {
  return { ok: false, error: { index, field, message } };
}
