import { idParam, readJsonValue } from "@/lib/api/read-json";

/** The request's JSON body, or a 400 that says what is wrong with it (lib/api/read-json.ts). */
export const readJsonBody = readJsonValue;

/** A path id -> number; anything but digits is a 400 naming the parameter (a well-formed id that names nothing is a 404 later). */
export function pathId(raw: string | string[] | undefined, what: string): number {
  return idParam(raw, `${what} id`);
}
