import { AppError, badRequest } from "@/lib/errors";

/** Bill exports are a few MB at most (a month of daily buckets); anything far larger is not a bill. */
export const MAX_BILL_BYTES = 25 * 1024 * 1024;

/**
 * The uploaded bill file's text: the raw body (application/json, application/x-ndjson, text/plain) or the "file"
 * field of a multipart form.
 */
export async function readBillUpload(req: Request): Promise<string> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BILL_BYTES) throw new AppError("payload_too_large", `the bill file is larger than ${MAX_BILL_BYTES / 1024 / 1024} MB`);
  const type = req.headers.get("content-type") ?? "";
  let text: string;
  if (type.startsWith("multipart/form-data")) {
    const file = (await req.formData()).get("file");
    if (!file || typeof file === "string") throw badRequest('send the bill as the "file" field of the form');
    text = await file.text();
  } else {
    text = await req.text();
  }
  if (text.length > MAX_BILL_BYTES) throw new AppError("payload_too_large", `the bill file is larger than ${MAX_BILL_BYTES / 1024 / 1024} MB`);
  if (!text.trim()) throw badRequest("the bill file is empty");
  return text;
}
