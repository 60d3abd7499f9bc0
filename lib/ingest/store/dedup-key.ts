import { hash } from "node:crypto";
import type { UsageSource } from "../usage-event";

/**
 * The idempotency key of an event: a uuid made of the first 16 bytes of sha256("<source>:<externalId>").
 * Native events sent through the API and the same events imported from a file share the "api" namespace, so
 * either path dedupes against the other.
 */
export function dedupKey(source: UsageSource, externalId: string): string {
  const namespace = source === "file" ? "api" : source;
  // crypto.hash (one-shot) is about twice as fast as createHash().update().digest(); this runs once per event.
  const hex = hash("sha256", `${namespace}:${externalId}`, "hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export const SOURCE_CODES: Record<UsageSource, number> = { api: 1, otlp: 2, openai: 3, anthropic: 4, litellm: 5, file: 1, langfuse: 6, helicone: 7 };
