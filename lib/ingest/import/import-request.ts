import "server-only";
import type { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import { badRequest } from "@/lib/errors";
import type { DetectAnswerSchema, ImportAnswerSchema, ImportQuerySchema } from "../api-schemas";
import { detectFormat, FormatDetectionError } from "../formats";
import { maxImportBytes } from "../limits";
import { checkDeclaredLength, readBodyBuffer, requestBody } from "../http/request-body";
import { callerContext } from "../http/ingest-events";
import { importStream } from "./import-stream";

/** POST /api/v1/imports: the request body IS the file, streamed through importStream (never held whole). */
export async function importRequestBody(req: Request, query: z.infer<typeof ImportQuerySchema>, principal: Principal): Promise<z.infer<typeof ImportAnswerSchema>> {
  const bytes = checkDeclaredLength(req, maxImportBytes());
  const body = requestBody(req, { limit: maxImportBytes() });
  const caller = callerContext(principal);
  const result = await importStream(body, {
    format: query.format === "auto" ? undefined : query.format,
    filename: query.filename ?? null,
    bytes,
    actor: caller.actor,
    apiKeyId: caller.apiKeyId,
    apiKeyTeamId: caller.apiKeyTeamId,
  });
  return {
    batchId: result.batchId,
    format: result.format,
    gzip: result.gzip,
    description: result.description,
    accepted: result.accepted,
    duplicates: result.duplicates,
    replaced: result.replaced,
    rejected: result.rejected,
    skipped: result.skipped,
    skipReasons: result.skipReasons,
    heuristic: result.heuristic,
    errors: result.errors,
    warnings: result.warnings,
  };
}

const DETECT_BYTES = 256 * 1024;

/** POST /api/v1/imports/detect: the first bytes of a file (the Ingestion page sends 64 KiB) -> its format, before uploading. */
export async function detectRequestBody(req: Request, filename: string | undefined): Promise<z.infer<typeof DetectAnswerSchema>> {
  const head = await readBodyBuffer(req, DETECT_BYTES);
  if (head.length === 0) throw badRequest("send the first bytes of the file as the request body");
  try {
    return { detected: detectFormat(head, filename), error: null };
  } catch (error) {
    if (error instanceof FormatDetectionError) return { detected: null, error: error.message };
    throw error;
  }
}
