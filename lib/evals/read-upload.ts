import { AppError, badRequest } from "@/lib/errors";

/** Eval files are small (RouteLLM's biggest is 1.9 MB); anything far bigger is the wrong file. */
export const MAX_EVAL_UPLOAD_BYTES = 50 * 1024 * 1024;

/** The request body as text (a raw CSV/JSON upload), refused when empty or too big. */
export async function readUpload(req: Request): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_EVAL_UPLOAD_BYTES) throw new AppError("payload_too_large", `the file is larger than ${MAX_EVAL_UPLOAD_BYTES / 1024 / 1024} MB`);
  const text = await req.text();
  if (text.length > MAX_EVAL_UPLOAD_BYTES) throw new AppError("payload_too_large", `the file is larger than ${MAX_EVAL_UPLOAD_BYTES / 1024 / 1024} MB`);
  if (text.trim() === "") throw badRequest("send the eval results file as the request body (CSV or JSON)");
  return text;
}
