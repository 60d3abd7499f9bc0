/**
 * What a parser returns for one input record. Page-shaped sources (usage exports, OTLP requests) expand one
 * record into many events, so they return a batch; `skipped` counts items that are not usage at all
 * (ordinary OTLP spans, failed proxy calls that never reached a model), which are neither events nor errors.
 */
import type { ParseOutcome, RejectedRecord, UsageEvent } from "../usage-event";
import type { WarningCounts } from "../warnings";

export interface SourceBatch {
  events: UsageEvent[];
  rejected: RejectedRecord[];
  skipped: number;
  /** Stored records that could be priced less exactly than the source allows (../warnings.ts), by kind. */
  warnings?: WarningCounts;
}

export function emptyBatch(): SourceBatch {
  return { events: [], rejected: [], skipped: 0 };
}

export function reject(index: number, field: string, message: string): RejectedRecord {
  return { index, field, message };
}

export function failed(index: number, field: string, message: string): ParseOutcome {
  return { ok: false, error: { index, field, message } };
}
