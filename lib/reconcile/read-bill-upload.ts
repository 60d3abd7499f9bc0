import { badRequest } from "@/lib/errors";
import { readBodyBuffer } from "@/lib/ingest/http/request-body";

/** Bill exports are a few MB at most (a month of daily buckets); anything far larger is not a bill. */
export const MAX_BILL_BYTES = 25 * 1024 * 1024;

/**
 * The uploaded bill file's text: the raw body (application/json, application/x-ndjson, text/plain) or the "file"
 * field of a multipart form.
 */
export async function readBillUpload(req: Request): Promise<string> {
  // The body streams through the one byte limit first (chunked uploads included); only then is it parsed.
  const body = await readBodyBuffer(req, MAX_BILL_BYTES);
  const type = req.headers.get("content-type") ?? "";
  let text: string;
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData().catch(() => {
      throw badRequest("the multipart form cannot be read");
    });
    const file = form.get("file");
    if (!file || typeof file === "string") throw badRequest('send the bill as the "file" field of the form');
    text = await file.text();
  } else {
    text = body.toString("utf8");
  }
  if (!text.trim()) throw badRequest("the bill file is empty");
  return text;
}
