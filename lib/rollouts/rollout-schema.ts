/** Rollouts API: POST/GET /api/v1/rollouts, GET/PATCH /api/v1/rollouts/{id}. Money as decimal strings (USD). */
import { z } from "zod";
import { isDay } from "@/lib/forecast/utc-days";

const day = (what: string) => z.string({ error: `${what} must be a UTC date (YYYY-MM-DD)` }).refine(isDay, { error: `${what} must be a real UTC date (YYYY-MM-DD)` });
const workloads = z
  .array(z.string().trim().min(1, { error: "a workload slug must not be empty" }), { error: "workloads must be a list of workload slugs" })
  .min(1, { error: "workloads must name at least one workload (leave it out to take the scenario's)" })
  .max(500);

export const ROLLOUT_STATUSES = ["proposed", "applied", "dismissed"] as const;

export const CreateRolloutSchema = z.strictObject({
  scenarioId: z.number({ error: "scenarioId is required (a saved scenario's id)" }).int().positive(),
  appliedFrom: day("appliedFrom"),
  workloads: workloads.optional().describe("default: the workloads the scenario routes (GET /api/v1/scenarios/{id}/export)"),
});
export type CreateRollout = z.infer<typeof CreateRolloutSchema>;

export const PatchRolloutSchema = z
  .strictObject({
    status: z.enum(["applied", "dismissed"], { error: 'status must be "applied" (confirm) or "dismissed"' }).optional(),
    scenarioId: z.number().int().positive().nullable().optional(),
    appliedFrom: day("appliedFrom").optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { error: "nothing to change: give status, scenarioId or appliedFrom" });
export type PatchRollout = z.infer<typeof PatchRolloutSchema>;

export const RolloutListQuerySchema = z.strictObject({ status: z.enum(ROLLOUT_STATUSES).optional() });

export const RolloutSchema = z.object({
  id: z.number().int(),
  status: z.enum(ROLLOUT_STATUSES),
  source: z.enum(["manual", "detected"]),
  scenarioId: z.number().int().nullable(),
  scenarioName: z.string().nullable(),
  appliedFrom: z.string(),
  workloads: z.array(z.string()),
  note: z.string().nullable(),
  fromModel: z.string().nullable(),
  toModel: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RolloutOut = z.infer<typeof RolloutSchema>;
export const RolloutListSchema = z.object({ rollouts: z.array(RolloutSchema) });

const usd = z.string().describe("USD, decimal string");
export const RolloutDayLineSchema = z.object({
  day: z.string(),
  calls: z.number().int(),
  actualUsd: usd,
  counterfactualUsd: usd,
  realisedSavingUsd: usd,
  predictedSavingUsd: usd.nullable(),
});

export const RolloutDetailSchema = RolloutSchema.extend({
  /** measured days: appliedFrom .. today (or the last day with data), at most 366 */
  days: z.number().int(),
  to: z.string().nullable(),
  actualUsd: usd,
  counterfactualUsd: usd,
  realisedSavingUsd: usd,
  predictedSavingUsd: usd.nullable().describe("the scenario's saving rate (its what-if on the 14 days before) applied to the counterfactual; null without a scenario"),
  deliveredShare: z.number().nullable().describe("realised / predicted saving"),
  escalation: z.object({
    model: z.string().nullable(),
    assumedRate: z.number().nullable(),
    observedRate: z.number().nullable().describe("calls on the escalation model per call on the routed model, after the change"),
  }),
  quality: z.object({
    errorShareBefore: z.number().nullable(),
    errorShareAfter: z.number().nullable(),
    outputTokensPerCallBefore: z.number().nullable(),
    outputTokensPerCallAfter: z.number().nullable(),
    outputFactorAssumed: z.number().nullable(),
  }),
  verdict: z.string(),
  warnings: z.array(z.string()),
  byDay: z.array(RolloutDayLineSchema),
});
export type RolloutDetail = z.infer<typeof RolloutDetailSchema>;

export const MonthSavingsQuerySchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "month must be YYYY-MM" }).optional(),
});

export const MonthSavingsSchema = z.object({
  month: z.string(),
  realisedSavingUsd: usd,
  predictedSavingUsd: usd.nullable(),
  rollouts: z.array(
    z.object({ id: z.number().int(), label: z.string(), appliedFrom: z.string(), workloads: z.array(z.string()), days: z.number().int(), realisedSavingUsd: usd, predictedSavingUsd: usd.nullable() }),
  ),
});
export type MonthSavingsOut = z.infer<typeof MonthSavingsSchema>;
