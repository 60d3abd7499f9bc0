import type { UsageEvent } from "../usage-event";
import type { PriceResult } from "@/lib/pricing";
import { copyJson, copyNumber, copyText } from "./copy-row";
import { dedupKey, SOURCE_CODES } from "./dedup-key";

export interface ResolvedIds {
  modelId: number;
  teamId: number | null;
  workloadId: number | null;
  apiKeyId: number | null;
  price: PriceResult;
  batchId: number;
}

/**
 * One usage event as a COPY text row, columns in EVENT_COLUMNS order. Runs once per ingested event: built by
 * concatenation (an array + join allocates 27 entries per row and measured ~30% slower).
 */
export function formatEventRow(e: UsageEvent, ids: ResolvedIds): string {
  return (
    dedupKey(e.source, e.externalId) + "\t" +
    e.occurredAt.toISOString() + "\t" +
    SOURCE_CODES[e.source] + "\t" +
    ids.modelId + "\t" +
    copyNumber(ids.teamId) + "\t" +
    copyNumber(ids.workloadId) + "\t" +
    copyNumber(ids.apiKeyId) + "\t" +
    copyText(e.user) + "\t" +
    copyText(e.team) + "\t" +
    copyText(e.workload) + "\t" +
    copyText(e.sourceKey) + "\t" +
    e.inputTokens + "\t" +
    e.cachedInputTokens + "\t" +
    e.cacheWriteTokens + "\t" +
    e.outputTokens + "\t" +
    e.reasoningTokens + "\t" +
    e.requests + "\t" +
    (e.batch ? "t" : "f") + "\t" +
    copyText(e.serviceTier) + "\t" +
    copyNumber(ids.price.costNanos) + "\t" +
    copyNumber(e.sourceCostNanos) + "\t" +
    ids.price.priceSource + "\t" +
    copyNumber(ids.price.overrideId) + "\t" +
    copyNumber(e.latencyMs) + "\t" +
    copyText(e.status) + "\t" +
    copyJson(e.tags) + "\t" +
    ids.batchId
  );
}
