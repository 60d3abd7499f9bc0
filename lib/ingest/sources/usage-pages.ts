/**
 * Usage-report APIs (OpenAI /v1/organization/usage/*, Anthropic /v1/organizations/usage_report/messages)
 * return pages: { data: [bucket, ...], has_more, next_page }, each bucket holding { results: [...] }.
 * People save them as one page, an array of pages (a paginated download), or one page per line. This walks
 * any of those, plus bare buckets, and hands every result to the parser with a readable path for errors.
 */
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
    return `${path || "record"} has neither "data" (a page) nor "results" (a bucket)`;
  };
  const error = visit(value, "");
  return error ?? out;
}

/** Joins path segments without a leading dot: field("", "results[0]") -> "results[0]". */
export function fieldPath(base: string, member: string): string {
  return base ? `${base}.${member}` : member;
}
