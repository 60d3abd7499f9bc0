import { queryOptions } from "@tanstack/react-query";
import { apiJson } from "@/components/settings/api";

/** Client-side shapes of the ingestion and pricing API (lib/ingest/api-schemas.ts, lib/pricing/override-schema.ts). */
export interface IngestBatch {
  id: number;
  source: string;
  format: string;
  filename: string | null;
  actor: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: "done" | "running" | "failed";
  bytes: number | null;
  accepted: number;
  duplicates: number;
  replaced: number;
  rejected: number;
  skipped: number;
  skipReasons: Record<string, number>;
  /** Events whose token meaning a last-resort heuristic decided (lib/ingest/token-meaning.md). */
  heuristic: number;
  stream: boolean;
  warnings: IngestWarning[];
}

/** Records stored with a pricing caveat (lib/ingest/warnings.ts), with the export option that makes them exact. */
export interface IngestWarning {
  kind: string;
  count: number;
  message: string;
}

export interface Rejected {
  index: number;
  field: string;
  message: string;
}

export interface ImportAnswer {
  batchId: number;
  format: string;
  gzip: boolean;
  description: string;
  accepted: number;
  duplicates: number;
  replaced: number;
  rejected: number;
  skipped: number;
  skipReasons: Record<string, number>;
  heuristic: number;
  errors: Rejected[];
  warnings: IngestWarning[];
}

export interface UnpricedModel {
  modelId: number;
  provider: string;
  model: string;
  events: number;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  firstDay: string;
  lastDay: string;
}

export interface PriceOverride {
  id: number;
  provider: string;
  model: string;
  inputPerMtok: string;
  cachedInputPerMtok: string | null;
  cacheWritePerMtok: string | null;
  outputPerMtok: string;
  longContextAbove: number | null;
  longInputPerMtok: string | null;
  longCachedInputPerMtok: string | null;
  longCacheWritePerMtok: string | null;
  longOutputPerMtok: string | null;
  webSearchPerK: string | null;
  fileSearchPerK: string | null;
  validFrom: string;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  /** The catalogue's price in force today (list responses only). */
  catalogue?: { provider: string; model: string; inputPerMtok: string | null; cachedInputPerMtok: string | null; cacheWritePerMtok: string | null; outputPerMtok: string | null } | null;
}

export interface PriceChange {
  override: PriceOverride | null;
  repricing: { eventsRepriced: number; costDeltaUsd: string; firstDay: string | null; lastDay: string | null; modelsNowPriced: string[]; durationMs: number };
}

export const ingestBatchesQuery = (kind: "all" | "files" | "streams", limit = 15) =>
  queryOptions({
    queryKey: ["ingest-batches", { kind, limit }],
    queryFn: () => apiJson<{ batches: IngestBatch[] }>(`/api/v1/ingest-batches?kind=${kind}&limit=${limit}`),
  });

export const unpricedModelsQuery = () =>
  queryOptions({ queryKey: ["unpriced-models"], queryFn: () => apiJson<{ models: UnpricedModel[] }>("/api/v1/unpriced-models") });

export const priceOverridesQuery = () =>
  queryOptions({ queryKey: ["price-overrides"], queryFn: () => apiJson<{ overrides: PriceOverride[] }>("/api/v1/price-overrides") });

/** Everything a price change or an import can move: lists here and every spend view. */
export const AFTER_PRICE_CHANGE = [["unpriced-models"], ["price-overrides"], ["ingest-batches"], ["models"], ["spend"]] as const;
