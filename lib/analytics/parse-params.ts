import type { z } from "zod";
import { badRequest } from "@/lib/errors";

/**
 * Query string -> validated object. An unknown parameter is refused (400 naming the allowed ones) rather than
 * silently ignored: `?teams=search` returning everyone's spend would look like an answer and be wrong.
 */
export function parseParams<S extends z.ZodObject>(schema: S, params: URLSearchParams): z.infer<S> {
  const allowed = Object.keys(schema.shape);
  for (const name of new Set(params.keys())) {
    if (!allowed.includes(name)) throw badRequest(`unknown parameter "${name}"; allowed: ${allowed.join(", ")}`);
    if (params.getAll(name).length > 1) throw badRequest(`${name}: give it once`);
  }
  return schema.parse(Object.fromEntries(params));
}
