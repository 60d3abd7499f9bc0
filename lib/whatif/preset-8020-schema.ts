/** GET /api/v1/whatif/presets/80-20: response shape (documented in lib/api/openapi/whatif.ts). */
import { z } from "zod";
import type { WhatIfRequest } from "./schema";
import { PassIntervalSchema } from "@/lib/recommendations/recommendations-schema";

const ModelSchema = z.object({ provider: z.string(), model: z.string(), tier: z.string().nullable() });

export const Preset8020ResponseSchema = z.object({
  request: z.unknown().nullable().describe("a POST /api/v1/whatif body moving every proven workload, or null when none is proven"),
  summary: z.object({
    movedWorkloads: z.number().describe("workloads whose eval evidence meets the floor at the 95% lower bound"),
    totalWorkloads: z.number(),
    movedMonthlyCostUsd: z.string(),
    totalMonthlyCostUsd: z.string(),
    spendShare: z.number().describe("moved monthly cost / total monthly cost, 0-1"),
    monthlySavingUsd: z.string().describe("sum of the moved workloads' recommended savings"),
    unprovenMonthlySavingUsd: z.string().describe("what the unproven workloads would save if their recommendation holds"),
    unproven: z
      .array(
        z.object({
          workload: z.string(),
          currentModel: ModelSchema.omit({ tier: true }),
          candidate: ModelSchema,
          monthlySavingUsd: z.string(),
          confidence: z.enum(["high", "medium", "low"]),
          passRate: PassIntervalSchema.nullable(),
          reason: z.string().describe('"unproven: run an eval" (task class only) or "unproven: ... run a larger eval" (95% lower bound below the floor)'),
        }),
      )
      .describe("recommendations the preset leaves out for lack of evidence, largest saving first"),
  }),
});
export type Preset8020Response = Omit<z.infer<typeof Preset8020ResponseSchema>, "request"> & { request: WhatIfRequest | null };
