import type { NextRequest } from "next/server";
import { ingestOtlpTraces } from "@/lib/ingest/otlp/ingest-otlp";

export const dynamic = "force-dynamic";

// POST /api/otlp/v1/traces - OTLP/HTTP trace export (protobuf or JSON, gzip or not); GenAI spans become usage events
export const POST = (req: NextRequest) => ingestOtlpTraces(req);
