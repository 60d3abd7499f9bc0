import { badRequest } from "@/lib/errors";
import { TAG_KEY_RE } from "./dimension-schema";

/** The tag key from the path (`/dimensions/customer`, URL-decoded by Next); anything else is a 400 naming it. */
export function tagKeyParam(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value[0] : (value ?? "");
  if (!TAG_KEY_RE.test(text)) throw badRequest(`tagKey: "${text}" is not a tag key (1 to 128 characters: letters, digits and . _ - : /)`);
  return text;
}
