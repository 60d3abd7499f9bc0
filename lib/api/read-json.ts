import type { z } from "zod";
import { badRequest } from "@/lib/errors";

/** Parses a JSON request body with a schema; unreadable JSON is a 400 (not a 500), like any invalid input. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw badRequest("the request body is not valid JSON");
  }
  return schema.parse(body);
}

/** A numeric id from the path (`/rules/12`); anything else is a 400 naming the parameter. */
export function idParam(value: string | string[] | undefined, name = "id"): number {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^\d{1,9}$/.test(text)) throw badRequest(`${name}: "${text ?? ""}" is not a numeric id`);
  return Number(text);
}
