import type { UsageEvent } from "../usage-event";

/**
 * PostgreSQL text and jsonb cannot hold the NUL character (U+0000), which JSON input can carry ("\u0000"). One
 * such value would fail the whole batch's COPY, so the event is refused instead, naming the field.
 * Returns the field holding a NUL, or null.
 */
export function nulField(e: UsageEvent): string | null {
  if (e.model.includes("\0")) return "model";
  if (e.provider.includes("\0")) return "provider";
  if (e.user?.includes("\0")) return "user";
  if (e.team?.includes("\0")) return "team";
  if (e.workload?.includes("\0")) return "workload";
  if (e.sourceKey?.includes("\0")) return "sourceKey";
  if (e.serviceTier?.includes("\0")) return "service_tier";
  if (e.status?.includes("\0")) return "status";
  for (const key in e.tags) if (key.includes("\0") || e.tags[key].includes("\0")) return `tags.${key.replace(/\0/g, "\\u0000")}`;
  return null;
}
