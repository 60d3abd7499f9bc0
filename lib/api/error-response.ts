import { ZodError } from "zod";
import { AppError } from "@/lib/errors";

/** Any thrown value -> JSON error response. Internals of unknown errors are logged, never sent. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json({ error: { code: error.code, message: error.message, details: error.details } }, { status: error.status });
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ field: i.path.join(".") || "(body)", message: i.message }));
    const message = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
    return Response.json({ error: { code: "bad_request", message, details: issues } }, { status: 400 });
  }
  console.error("Unhandled error", error);
  return Response.json({ error: { code: "internal", message: "Internal error" } }, { status: 500 });
}
