/** GET /api/v1/workloads/{slug}/recommendation: one workload's verdict, recommendation and the evidence behind them. */
import { z } from "zod";
import { PassIntervalSchema, RecommendationSchema, RecommendationsQuerySchema } from "./recommendations-schema";

export const WorkloadVerdictQuerySchema = RecommendationsQuerySchema.omit({ team: true });

const usd = z.string().describe("decimal string in USD");
const rate = z.object({ days: z.number().int(), costUsd: usd, monthlyUsd: usd.describe("costUsd x 30.4375 / days") });

export const WorkloadVerdictSchema = z.object({
  workload: z.object({ slug: z.string(), name: z.string(), team: z.string().nullable(), taskClass: z.string().nullable(), qualityFloor: z.number() }),
  from: z.string(),
  to: z.string(),
  verdict: z.object({
    status: z.enum(["over-specified", "not-over-specified", "no-traffic"]),
    headline: z.string(),
    why: z.string().describe("the reason from the one decide() the recommendations and the over-specified list use"),
    proven: z.boolean(),
    unprovenReason: z.string().nullable(),
  }),
  recommendation: RecommendationSchema.nullable(),
  modelSwitch: z
    .object({
      from: z.string(),
      to: z.string(),
      on: z.string(),
      before: rate.describe("the 14 days before the switch"),
      since: rate.describe("the switch day to the window's end: the rate the assessment uses"),
      revert: z.object({
        model: z.string(),
        monthlyCostUsd: usd.nullable(),
        metFloor: z.boolean(),
        passRate: PassIntervalSchema.nullable(),
        note: z.string(),
        recommended: z.boolean(),
      }),
    })
    .nullable(),
  evidence: z.object({
    evalSet: z.string().nullable(),
    passRates: z.array(
      PassIntervalSchema.extend({
        model: z.string().describe("eval model name"),
        standsFor: z.array(z.string()).describe("provider/model this eval model stands for (the workload's eval link)"),
        meetsFloor: z.enum(["lower-bound", "rate", "no"]),
      }),
    ),
    models: z.array(
      z.object({
        provider: z.string(), model: z.string(), tier: z.string().nullable(), calls: z.number().int(), costUsd: usd,
        inputTokensPerCall: z.number().nullable(), outputTokensPerCall: z.number().nullable(),
        reasoningShare: z.number().nullable().describe("reasoning tokens / output tokens"),
      }),
    ).describe("the window's traffic per model, most calls first; per-call figures leave out rows without a request count"),
    history: z.array(z.object({ week: z.string().describe("Monday (UTC) of the week"), model: z.string(), calls: z.number().int(), costUsd: usd }))
      .describe("calls per model per week, the window and the 8 weeks before it"),
  }),
});
export type WorkloadVerdict = z.infer<typeof WorkloadVerdictSchema>;
