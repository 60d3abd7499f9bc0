/**
 * The demo's `customer` and `feature` tags (issue 13 §1: the tag-dimension views have data on first start).
 * Drawn from a hash of the call's externalId, NOT from the generator's random stream, so adding them changed no
 * other demo number (volumes, models, tokens, costs stay what tests and screenshots expect).
 *   customer: ~85% of attributed calls name one of CUSTOMERS, skewed (a few large customers, a long tail); the
 *             rest are internal calls without the tag ("(none)" in the explorer).
 *   feature:  each workload serves two product features (picked from FEATURES by its name).
 * Unattributed traffic carries neither: it is the untagged long tail an admin claims with rules.
 */
export const CUSTOMERS = [
  "acme", "globex", "initech", "umbrella", "hooli", "stark-industries", "wayne-enterprises", "wonka", "soylent", "tyrell",
  "cyberdyne", "aperture", "black-mesa", "oscorp", "vandelay", "pied-piper", "dunder-mifflin", "monarch", "nakatomi", "gringotts",
] as const;
export const FEATURES = ["chat-assistant", "ticket-summary", "smart-search", "document-review", "report-builder", "autocomplete", "insights"] as const;
/** Share of attributed calls without a customer (internal use). */
export const INTERNAL_SHARE = 0.15;

/** FNV-1a 32-bit: cheap, deterministic, well spread for short ids. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const featureBase = new Map<string, number>();

/** Adds the customer/feature tags of one demo call of `workload` to `tags` (null workload: unattributed, none). */
export function addDemoDimensionTags(tags: Record<string, string>, workload: string | null, externalId: string): Record<string, string> {
  if (workload === null) return tags;
  const h = fnv1a(externalId);
  const u = (h & 0xffff) / 0x10000; // [0, 1)
  if (u >= INTERNAL_SHARE) {
    // u' in [0, 1) cubed skews towards the first customers: acme is the biggest, the tail is long.
    const v = (u - INTERNAL_SHARE) / (1 - INTERNAL_SHARE);
    tags.customer = CUSTOMERS[Math.floor(CUSTOMERS.length * v * v * v)];
  }
  let base = featureBase.get(workload);
  if (base === undefined) featureBase.set(workload, (base = fnv1a(workload) % FEATURES.length));
  tags.feature = FEATURES[(base + ((h >>> 16) & 1)) % FEATURES.length];
  return tags;
}

/** The customer/feature tags alone (tests, docs). */
export const demoDimensionTags = (workload: string | null, externalId: string) => addDemoDimensionTags({}, workload, externalId);
