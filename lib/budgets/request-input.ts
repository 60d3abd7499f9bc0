import { badRequest, notFound } from "@/lib/errors";

/** The request's JSON body, or a 400 that says what is wrong with it (instead of a bare SyntaxError -> 500). */
export async function readJsonBody(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) throw badRequest("send a JSON body");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`the body is not valid JSON: ${(error as Error).message}`);
  }
}

/** A path id -> positive integer, else 404 (an id that cannot exist names nothing). */
export function pathId(raw: string | string[] | undefined, what: string): number {
  const id = typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound(`${what} ${String(raw)}`);
  return id;
}
