import type { UsageEvent } from "../usage-event";

/**
 * PostgreSQL text and jsonb cannot hold the NUL character (U+0000), which JSON input can carry ("\u0000"). One
 * such value would fail the whole batch's COPY, so the event is refused instead, naming the field.
 * Returns the field holding a NUL, or null. Runs per event: plain scans (the tags' JSON is never built as one
 * string, copy-binary.ts writes it piece by piece).
 */
export function nulField(e: UsageEvent): string | null {
  if (e.model.includes("\0")) return "model";
  if (e.provider.includes("\0")) return "provider";
  if (e.user !== null && e.user.includes("\0")) return "user";
  if (e.team !== null && e.team.includes("\0")) return "team";
  if (e.workload !== null && e.workload.includes("\0")) return "workload";
  if (e.sourceKey !== null && e.sourceKey.includes("\0")) return "sourceKey";
  if (e.serviceTier !== null && e.serviceTier.includes("\0")) return "service_tier";
  if (e.status !== null && e.status.includes("\0")) return "status";
  if (e.run && e.run.id.includes("\0")) return "run_id";
  for (const key in e.tags) {
    const value = e.tags[key];
    if (key.includes("\0")) return "tags";
    // A value that is not a string (a parser's bug) is checked as JSON.stringify writes it (U+0000 as \u0000).
    if (typeof value === "string" ? value.includes("\0") : JSON.stringify(value ?? null).includes("\\u0000")) return "tags";
  }
  return null;
}
