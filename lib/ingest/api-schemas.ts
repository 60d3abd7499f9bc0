import { z } from "zod";
import { FORMAT_IDS } from "./formats/format-ids";
import { WARNING_KINDS } from "./warnings";

/** Request and answer shapes of the ingestion API; the routes validate with them and the OpenAPI document shows them. */

export const RejectedSchema = z.object({
  index: z.number().int().describe("0-based position in the request (events, spans) or 1-based line of the file (imports)"),
  field: z.string().describe("the field at fault, as the sender named it"),
  message: z.string(),
});

export const EventsAnswerSchema = z.object({
  accepted: z.number().int().describe("new events stored"),
  duplicates: z.number().int().describe("events already stored (same id, or same content when no id)"),
  rejected: z.number().int(),
  errors: z.array(RejectedSchema).describe("one entry per rejected event (at most 1,000 listed)"),
});

const formatParam = z.enum([...FORMAT_IDS, "auto"]).optional().describe("the file's format; detected from its content when absent or auto");

export const ImportQuerySchema = z.object({
  format: formatParam,
  filename: z.string().max(255).optional().describe("the file's name, shown in the import list and used as a detection hint (.ndjson, .pb, .gz)"),
});

export const DetectQuerySchema = z.object({ filename: z.string().max(255).optional() });

export const DetectedSchema = z.object({
  format: z.enum(FORMAT_IDS),
  gzip: z.boolean(),
  description: z.string(),
  confidence: z
    .enum(["certain", "likely", "chosen"])
    .optional()
    .describe("certain: a marker only this format has; likely: enough of its field names; chosen: the caller named the format"),
  evidence: z.array(z.string()).optional().describe("the field names that decided"),
});

export const DetectAnswerSchema = z.object({
  detected: DetectedSchema.nullable(),
  error: z.string().nullable().describe("why the file was not recognised"),
});

export const IngestWarningSchema = z
  .object({
    kind: z.enum(WARNING_KINDS),
    count: z.number().int().describe("stored records it concerns"),
    message: z.string().describe("what was assumed, and the export option (group-by) that makes it exact"),
  })
  .describe("records stored and priced less exactly than the source allows");

export const ImportAnswerSchema = EventsAnswerSchema.extend({
  batchId: z.number().int(),
  format: z.enum(FORMAT_IDS),
  gzip: z.boolean(),
  description: z.string(),
  replaced: z.number().int().describe("usage-export buckets stored again with new totals"),
  skipped: z.number().int().describe("records without usage (ordinary OTLP spans, proxy calls that never reached a model)"),
  skipReasons: z.record(z.string(), z.number().int()).describe('why records were skipped, e.g. {"no token usage (not a model call)": 12}; the counts add up to skipped'),
  heuristic: z.number().int().describe("events whose token meaning (cache in input or not) a last-resort heuristic decided; see the Ingestion page"),
  warnings: z.array(IngestWarningSchema),
});

export const IngestBatchSchema = z.object({
  id: z.number().int(),
  source: z.string(),
  format: z.string(),
  filename: z.string().nullable(),
  actor: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable().describe("null while running, or when the run broke off"),
  status: z
    .enum(["done", "running", "failed"])
    .describe("failed: stopped midway (killed, crashed, broken off); its committed batches are kept and importing the file again completes it"),
  bytes: z.number().nullable(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  replaced: z.number().int(),
  rejected: z.number().int(),
  skipped: z.number().int(),
  skipReasons: z.record(z.string(), z.number().int()),
  heuristic: z.number().int().describe("events whose token meaning a last-resort heuristic decided"),
  stream: z.boolean().describe("API/OTLP traffic of one key for one hour, rather than a file"),
  warnings: z.array(IngestWarningSchema),
});

export const IngestBatchDetailSchema = IngestBatchSchema.extend({ errors: z.array(RejectedSchema) });
export const IngestBatchListSchema = z.object({ batches: z.array(IngestBatchSchema) });
export const IngestBatchQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  kind: z.enum(["all", "files", "streams"]).default("all"),
});

export const UnpricedModelSchema = z.object({
  modelId: z.number().int(),
  provider: z.string(),
  model: z.string(),
  events: z.number().int().describe("stored calls/buckets without a price"),
  requests: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  firstDay: z.string(),
  lastDay: z.string(),
});
export const UnpricedModelListSchema = z.object({ models: z.array(UnpricedModelSchema) });
