import { badRequest } from "@/lib/errors";
import { TAG_KEY_RE } from "@/lib/dimensions/dimension-schema";
import { MAX_TAG_VALUE } from "@/lib/ingest/sources/tag-allow-list";

const PREFIX = "tag.";

/**
 * Splits `tag.<key>=<value>` (a filter whose NAME carries the key, so no fixed schema can list it) from the other
 * query parameters, which then go through parseParams as usual. One tag filter per query: each promoted key has
 * its own roll-up, and a cross of two keys is not rolled up.
 */
export function splitTagParams(params: URLSearchParams): { rest: URLSearchParams; tag?: { key: string; value: string } } {
  const rest = new URLSearchParams();
  let tag: { key: string; value: string } | undefined;
  for (const [name, value] of params) {
    if (!name.startsWith(PREFIX)) {
      rest.append(name, value);
      continue;
    }
    const key = name.slice(PREFIX.length);
    if (!TAG_KEY_RE.test(key)) throw badRequest(`${name}: "${key}" is not a tag key (1 to 128 characters: letters, digits and . _ - : /)`);
    if (value.length === 0 || value.length > MAX_TAG_VALUE) throw badRequest(`${name}: give a value of 1 to ${MAX_TAG_VALUE} characters ("(none)" for calls without the tag)`);
    if (tag) throw badRequest(`${name}: filter by one tag at a time (each promoted key has its own roll-up)`);
    tag = { key, value };
  }
  return { rest, tag };
}
