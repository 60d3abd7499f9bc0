import type { UsageEvent } from "../usage-event";

/**
 * PostgreSQL text and jsonb cannot hold the NUL character (U+0000), which JSON input can carry ("\u0000"). One
 * such value would fail the whole batch's COPY, so the event is refused instead, naming the field.
 * Returns the field holding a NUL, or null. Runs per event: plain scans, and one over the tags' JSON (which
 * COPY needs anyway) rather than a loop over every tag.
 */
export function nulField(e: UsageEvent, tagsJson: string | null): string | null {
  if (e.model.includes("\0")) return "model";
  if (e.provider.includes("\0")) return "provider";
  if (e.user !== null && e.user.includes("\0")) return "user";
  if (e.team !== null && e.team.includes("\0")) return "team";
  if (e.workload !== null && e.workload.includes("\0")) return "workload";
  if (e.sourceKey !== null && e.sourceKey.includes("\0")) return "sourceKey";
  if (e.serviceTier !== null && e.serviceTier.includes("\0")) return "service_tier";
  if (e.status !== null && e.status.includes("\0")) return "status";
  if (e.run && e.run.id.includes("\0")) return "run_id";
  // JSON.stringify writes U+0000 as the escape \u0000 (six characters).
  if (tagsJson !== null && tagsJson.includes("\\u0000")) return "tags";
  return null;
}

/** The tags as COPY writes them to the jsonb column: null for none (keeps rows narrow). */
export function tagsJson(tags: Record<string, string>): string | null {
  for (const _ in tags) return JSON.stringify(tags);
  return null;
}
