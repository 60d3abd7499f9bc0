/** Saved what-if scenarios: a name and a request definition (the POST /api/v1/whatif body). */
import { z } from "zod";
import { WhatIfRequestSchema } from "@/lib/whatif/schema";

export const ScenarioInputSchema = z.strictObject({
  name: z.string({ error: "name is required" }).trim().min(1, { error: "name must not be empty" }).max(200, { error: "name is at most 200 characters" }),
  definition: WhatIfRequestSchema,
});
export type ScenarioInput = z.infer<typeof ScenarioInputSchema>;

export const ScenarioSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  definition: z.unknown().describe("the POST /api/v1/whatif request body, defaults filled in"),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});
export type ScenarioOut = z.infer<typeof ScenarioSchema>;

export const ScenarioListSchema = z.object({ scenarios: z.array(ScenarioSchema) });
