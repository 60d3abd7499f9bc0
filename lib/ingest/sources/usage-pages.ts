/**
 * Usage-report APIs (OpenAI /v1/organization/usage/*, Anthropic /v1/organizations/usage_report/messages)
 * return pages: { data: [bucket, ...], has_more, next_page }, each bucket holding { results: [...] }.
 * People save them as one page, an array of pages (a paginated download), or one page per line. This walks
 * any of those, plus bare buckets, and hands every result to the parser with a readable path for errors.
 * OpenAI's OpenAPI spec names a bucket's rows `result` while its API reference and live answers say `results`:
 * both are read (bucketRows).
 */
import type { RejectedRecord, UsageEvent } from "../usage-event";
import { addSkip, emptyBatch, reject, SKIP, type SourceBatch } from "./outcome";
import { describeValue, isPlainObject } from "./values";

export interface BucketVisit {
  bucket: Record<string, unknown>;
  /** e.g. "[1].data[0]" for the first bucket of the second page. */
  path: string;
}

/**
 * Lists the buckets of a page / bucket / array of either. Returns an error message instead when the value
 * has no recognisable page shape.
 */
export function listBuckets(value: unknown, isBucket: (obj: Record<string, unknown>) => boolean): BucketVisit[] | string {
  const out: BucketVisit[] = [];
  const visit = (item: unknown, path: string): string | null => {
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        const error = visit(item[i], `${path}[${i}]`);
        if (error) return error;
      }
      return null;
    }
    if (!isPlainObject(item)) return `${path || "record"} must be a usage page or bucket object, got ${describeValue(item)}`;
    if (Array.isArray(item.data)) {
      item.data.forEach((bucket, i) => {
        if (isPlainObject(bucket)) out.push({ bucket, path: `${path}${path ? "." : ""}data[${i}]` });
      });
      return null;
    }
    if (isBucket(item)) {
      out.push({ bucket: item, path });
      return null;
    }
    return `${path || "record"} has neither "data" (a page) nor "results"/"result" (a bucket)`;
  };
  const error = visit(value, "");
  return error ?? out;
}

/** Joins path segments without a leading dot: field("", "results[0]") -> "results[0]". */
export function fieldPath(base: string, member: string): string {
  return base ? `${base}.${member}` : member;
}

/** A bucket's start time (in the source's own unit), or the error that rejects every result of the bucket. */
export type BucketStart = { start: number } | { error: string };

export interface UsagePagesParser {
  /** The bucket field that holds its start time (where a bad start is reported). */
  startField: string;
  readStart(bucket: Record<string, unknown>): BucketStart;
  /** One result -> an event, a rejection, or null when it is not token usage (counted as skipped). */
  toEvent(result: unknown, start: number, bucket: Record<string, unknown>, path: string, index: number): UsageEvent | RejectedRecord | null;
}

/**
 * Parses every result of every bucket of `value` (see listBuckets) into one batch. Rejected records carry
 * index = the result's ordinal in the input (0-based) and field = its path, e.g. "data[0].results[1].output_tokens".
 */
export function parseUsagePages(value: unknown, parser: UsagePagesParser): SourceBatch {
  const batch = emptyBatch();
  const buckets = listBuckets(value, (obj) => bucketRows(obj) !== null);
  if (typeof buckets === "string") {
    batch.rejected.push(reject(0, "data", buckets));
    return batch;
  }
  let ordinal = 0;
  for (const { bucket, path } of buckets) {
    const rows = bucketRows(bucket);
    const results = rows?.list ?? [];
    const member = rows?.member ?? "results";
    const start = parser.readStart(bucket);
    for (let r = 0; r < results.length; r++) {
      const index = ordinal++;
      if ("error" in start) {
        batch.rejected.push(reject(index, fieldPath(path, parser.startField), start.error));
        continue;
      }
      const outcome = parser.toEvent(results[r], start.start, bucket, fieldPath(path, `${member}[${r}]`), index);
      if (outcome === null) addSkip(batch, SKIP.notTokenUsage);
      else if ("field" in outcome) batch.rejected.push(outcome);
      else batch.events.push(outcome);
    }
  }
  return batch;
}

/** A bucket's rows and the member that holds them: `results` (API answers) or `result` (the OpenAPI spec's name). */
export function bucketRows(bucket: Record<string, unknown>): { list: unknown[]; member: "results" | "result" } | null {
  if (Array.isArray(bucket.results)) return { list: bucket.results, member: "results" };
  if (Array.isArray(bucket.result)) return { list: bucket.result, member: "result" };
  return null;
}
