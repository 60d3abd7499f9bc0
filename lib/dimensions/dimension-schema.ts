import { z } from "zod";

/**
 * Tag keys promoted to explorer dimensions (issue 13 §1): the public shapes of /api/v1/dimensions. Client-safe.
 * A key is what calls carry in their tags (native `tags`, OTLP attributes, LiteLLM metadata...): letters, digits
 * and . _ - : / (so it also reads well in a URL path and in `groupBy=tag:<key>` / `tag.<key>=...`).
 */
export const TAG_KEY_RE = /^[A-Za-z0-9_.:/-]{1,128}$/;
/** Each promoted key adds a roll-up row per (day, team, workload, value): a handful is the intended use. */
export const MAX_DIMENSIONS = 20;

export const TagKeySchema = z
  .string()
  .regex(TAG_KEY_RE, "must be 1 to 128 characters: letters, digits and . _ - : /")
  .describe("a tag key calls carry, e.g. customer, feature, deployment.environment");

export const DimensionInputSchema = z.strictObject({ tagKey: TagKeySchema });
export type DimensionInput = z.infer<typeof DimensionInputSchema>;

export const DimensionSchema = z.object({
  tagKey: z.string(),
  createdBy: z.string(),
  createdAt: z.string().describe("ISO timestamp"),
  backfilledAt: z.string().nullable().describe("when history was rolled up for this key (in the promoting transaction)"),
});
export type DimensionOut = z.infer<typeof DimensionSchema>;

export const DimensionListSchema = z.object({ dimensions: z.array(DimensionSchema) });
export type DimensionList = z.infer<typeof DimensionListSchema>;

export const PromoteResultSchema = DimensionSchema.extend({
  backfill: z.object({
    events: z.number().int().describe("stored calls rolled up under this key (every call counts, tagged or not)"),
    taggedEvents: z.number().int().describe("of those, calls that carry the tag"),
    durationMs: z.number().int(),
  }),
});
export type PromoteResult = z.infer<typeof PromoteResultSchema>;

/** The reserved group keys of tag rows: calls without the tag, and values folded out of the top N. */
export const NONE_KEY = "(none)";
export const OTHER_KEY = "(other)";
