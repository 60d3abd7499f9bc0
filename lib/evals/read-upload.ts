import { badRequest } from "@/lib/errors";
import { readBodyBuffer } from "@/lib/ingest/http/request-body";

/**
 * Eval files are small (RouteLLM's biggest is 1.9 MB); anything far bigger is the wrong file. The import validates
 * the whole file before writing (all or nothing), so it holds every row: `npm run bench:memory` measured a 50 MB
 * CSV (1.2M rows) at 1.6 GB of server memory, hence 8 MB (about 200k rows), four times the biggest real file.
 */
export const MAX_EVAL_UPLOAD_BYTES = 8 * 1024 * 1024;

/** The request body as text (a raw CSV/JSON upload), refused when empty or too big. */
export async function readUpload(req: Request): Promise<string> {
  // Streams through the one byte limit (413 before reading when Content-Length says so, else as soon as a chunked body passes it).
  const text = (await readBodyBuffer(req, MAX_EVAL_UPLOAD_BYTES)).toString("utf8");
  if (text.trim() === "") throw badRequest("send the eval results file as the request body (CSV or JSON)");
  return text;
}
