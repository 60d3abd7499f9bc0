import { z } from "zod";
import { NativeEventSchema } from "@/lib/ingest/sources/native-schema";
import {
  DetectAnswerSchema,
  DetectQuerySchema,
  EventsAnswerSchema,
  ImportAnswerSchema,
  ImportQuerySchema,
  IngestBatchDetailSchema,
  IngestBatchListSchema,
  IngestBatchQuerySchema,
  UnpricedModelListSchema,
} from "@/lib/ingest/api-schemas";
import { PriceOverrideChangeSchema, PriceOverrideInputSchema, PriceOverrideListSchema } from "@/lib/pricing/override-schema";
import type { ApiOperation } from "./operation";

const REPRICES =
  "Stored events the override covers (same provider; the model name or the catalogue model it resolves to) are re-priced in the " +
  "same transaction, from the earliest valid-from involved, and every roll-up follows: the totals equal a fresh ingestion with the " +
  "new prices. The answer says how many events changed and by how much.";

export const ingestionOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/events",
    tag: "Ingestion",
    summary: "Send usage events: a JSON object, a JSON array of objects, or NDJSON (one object per line)",
    description:
      "API key with the `ingest` scope (or a session with the ingest permission). NDJSON is read from Content-Type application/x-ndjson " +
      "or sniffed. Good events are stored in ONE transaction (all or none); bad ones are listed by 0-based index, field and reason. " +
      "Unknown fields are ignored. Sending an event again (same `id`, or same content without one) stores nothing. A team-bound key " +
      "attributes events to its team and refuses events naming another. Bodies over RIGHTSIZE_MAX_REQUEST_MB (default 50 MB) get 413; " +
      "`Content-Encoding: gzip` is accepted. Always 200 once the body was read, even when every event was rejected.",
    permission: "ingest",
    body: z.union([NativeEventSchema, z.array(NativeEventSchema)]),
    bodyContentTypes: ["application/json", "application/x-ndjson"],
    response: EventsAnswerSchema,
  },
  {
    method: "post",
    path: "/api/otlp/v1/traces",
    tag: "Ingestion",
    summary: "OpenTelemetry trace export (OTLP/HTTP): set OTEL_EXPORTER_OTLP_ENDPOINT=<app>/api/otlp and OTEL_EXPORTER_OTLP_HEADERS=\"Authorization=Bearer <ingest key>\"",
    description:
      "An ExportTraceServiceRequest as protobuf (application/x-protobuf, the exporters' default) or JSON, gzip or not. Model-call " +
      "spans (OTel GenAI semconv, OpenLLMetry, OpenInference, Vercel AI SDK, OpenLIT, Pydantic AI attributes) become usage events " +
      "(span id = idempotency key) in one transaction; other spans and agent/workflow totals are skipped and counted with their " +
      "reason in the key's hourly ingest batch. Prompt and completion attributes are never stored (tags come from an allow-list). The " +
      "answer is an ExportTraceServiceResponse in the request's encoding, with partialSuccess {rejectedSpans, errorMessage} when " +
      "spans were refused; errors answer with google.rpc.Status. Not under /api/v1 because exporters append /v1/traces themselves.",
    permission: "ingest",
    body: z.object({ resourceSpans: z.array(z.unknown()) }).describe("opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest"),
    bodyContentTypes: ["application/x-protobuf", "application/json"],
    response: z.object({ partialSuccess: z.object({ rejectedSpans: z.string(), errorMessage: z.string() }).optional() }),
  },
  {
    method: "post",
    path: "/api/v1/imports",
    tag: "Ingestion",
    summary: "Import a file sent as the request body (Rightsize NDJSON/JSON, OTLP JSON/protobuf, OpenAI usage export, Anthropic usage report, LiteLLM spend logs; gzip or not)",
    description:
      "Streams: memory stays flat whatever the size (limit RIGHTSIZE_MAX_IMPORT_MB, default 20 GB; 413 above it). Written in atomic " +
      "batches of 25,000 events; importing the same file again adds nothing. OpenAI and Anthropic usage buckets re-imported with new " +
      "totals replace the stored ones (`replaced`). Rejected records name their 1-based line.",
    permission: "ingest",
    query: ImportQuerySchema,
    body: z.string().describe("the file's bytes"),
    bodyContentTypes: ["application/octet-stream"],
    response: ImportAnswerSchema,
  },
  {
    method: "post",
    path: "/api/v1/imports/detect",
    tag: "Ingestion",
    summary: "Which format a file is, from its first bytes (send the first 64 KiB as the body)",
    permission: "ingest",
    query: DetectQuerySchema,
    body: z.string().describe("the first bytes of the file"),
    bodyContentTypes: ["application/octet-stream"],
    response: DetectAnswerSchema,
  },
  {
    method: "get",
    path: "/api/v1/ingest-batches",
    tag: "Ingestion",
    summary: "Recent imports, and API/OTLP traffic as one row per key and hour, with accepted/duplicates/replaced/rejected/skipped",
    permission: "ingest",
    query: IngestBatchQuerySchema,
    response: IngestBatchListSchema,
  },
  {
    method: "get",
    path: "/api/v1/ingest-batches/{id}",
    tag: "Ingestion",
    summary: "One import with its rejected records (first 1,000): line, field and reason",
    permission: "ingest",
    response: IngestBatchDetailSchema,
  },
  {
    method: "get",
    path: "/api/v1/unpriced-models",
    tag: "Pricing",
    summary: "Models whose stored calls have no price (unknown to the catalogue, no override), with calls and tokens waiting for one",
    description: "Team-scoped like every analytics read. Add a price override to price them; their history is re-priced.",
    permission: "read",
    response: UnpricedModelListSchema,
  },
  { method: "get", path: "/api/v1/price-overrides", tag: "Pricing", summary: "Price overrides (negotiated, self-hosted or fine-tuned prices)", permission: "read_prices", response: PriceOverrideListSchema },
  {
    method: "post",
    path: "/api/v1/price-overrides",
    tag: "Pricing",
    summary: "Add a price override: USD per million input/cached/cache-write/output tokens, valid from a date; it wins over the catalogue",
    description: REPRICES,
    permission: "manage_settings",
    body: PriceOverrideInputSchema,
    response: PriceOverrideChangeSchema,
  },
  { method: "put", path: "/api/v1/price-overrides/{id}", tag: "Pricing", summary: "Replace a price override", description: REPRICES, permission: "manage_settings", body: PriceOverrideInputSchema, response: PriceOverrideChangeSchema },
  {
    method: "delete",
    path: "/api/v1/price-overrides/{id}",
    tag: "Pricing",
    summary: "Delete a price override; its events get back the catalogue price, an older override, or no price",
    description: REPRICES,
    permission: "manage_settings",
    response: PriceOverrideChangeSchema,
  },
];
