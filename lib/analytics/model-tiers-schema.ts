import { z } from "zod";
import { TIERS } from "./spend-query";

/** Model tiers API: GET /api/v1/models, PATCH /api/v1/models/:id. */
export const ModelSchema = z.object({
  id: z.number().int(),
  provider: z.string(),
  name: z.string(),
  key: z.string().describe("provider/name, the value the spend API's model filter takes"),
  tier: z.enum(TIERS).nullable(),
  tierSource: z.enum(["default", "manual"]),
  defaultTier: z.enum(TIERS).nullable().describe("the tier the model's current list price gives"),
  unpriced: z.boolean(),
  firstSeen: z.string(),
});
export type ModelOut = z.infer<typeof ModelSchema>;

export const ModelListResponseSchema = z.object({ models: z.array(ModelSchema) });

export const ModelTierPatchSchema = z
  .object({
    tier: z.enum([...TIERS, "default"], { message: `must be one of ${[...TIERS, "default"].join(", ")}` })
      .describe('frontier, mid or small; "default" goes back to the tier derived from price'),
  })
  .strict();
export type ModelTierPatch = z.infer<typeof ModelTierPatchSchema>;
