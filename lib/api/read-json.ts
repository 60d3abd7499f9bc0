import type { z } from "zod";
import { badRequest } from "@/lib/errors";
import { readBodyBuffer } from "@/lib/ingest/http/request-body";

/**
 * JSON request bodies of the API (settings, budgets, scenarios, ...) are small: they stream through the one byte
 * limit (lib/ingest/http/request-body.ts) at 1 MB, so no request can make the server hold more (413 past it,
 * before reading when Content-Length says so, else as soon as the stream passes it).
 */
export const MAX_JSON_BYTES = 1024 * 1024;

/** The request's JSON value; an empty or unreadable body is a 400 that says what is wrong (never a 500). */
export async function readJsonValue(req: Request): Promise<unknown> {
  const text = (await readBodyBuffer(req, MAX_JSON_BYTES)).toString("utf8");
  if (!text.trim()) throw badRequest("send a JSON body");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`the request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Parses a JSON request body with a schema; unreadable JSON is a 400 (not a 500), like any invalid input. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  return schema.parse(await readJsonValue(req));
}

/** A numeric id from the path (`/rules/12`); anything else is a 400 naming the parameter. */
export function idParam(value: string | string[] | undefined, name = "id"): number {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^\d{1,9}$/.test(text)) throw badRequest(`${name}: "${text ?? ""}" is not a numeric id`);
  return Number(text);
}
