import { z } from "zod";
import { RangeParams } from "@/lib/analytics/spend-query";
import { ChangeFieldsSchema } from "@/lib/change/change-query";

/** GET /api/v1/anomalies: spend spikes and model switches per workload and team, with their size in dollars. */
export const ANOMALY_KINDS = ["spike", "model_switch"] as const;
export const DEFAULT_ANOMALY_DAYS = 14;
export const MAX_ANOMALY_DAYS = 400;

export const AnomalyQuerySchema = z.object({
  from: RangeParams.from.describe(`first UTC day judged, inclusive (default: ${DEFAULT_ANOMALY_DAYS} days before \`to\`)`),
  to: RangeParams.to.describe("last UTC day judged, inclusive (default: today)"),
  team: z.string().min(1).optional().describe("team slug: the team's own anomalies and those of the workloads it owns"),
  workload: z.string().min(1).optional().describe("workload slug"),
  kind: z.enum(ANOMALY_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional().describe("most anomalies returned, largest first (default 100)"),
});
export type AnomalyQuery = z.infer<typeof AnomalyQuerySchema>;

const usd = z.string().describe("decimal string in USD");
const Ref = z.object({ key: z.string(), label: z.string() });

export const AnomalySchema = z.object({
  id: z.string().describe("stable id: day:scopeType:scopeKey:kind"),
  kind: z.enum(ANOMALY_KINDS).describe("spike: a day far above the scope's usual spend for that weekday; model_switch: traffic moved to a pricier model"),
  day: z.string().describe("UTC day"),
  scope: z.object({ type: z.enum(["team", "workload"]), key: z.string(), label: z.string(), team: Ref.nullable().describe("owner team of a workload") }),
  spendUsd: usd.describe("what the scope spent that day"),
  expectedUsd: usd.describe("its usual spend on that weekday (median of the same weekdays before)"),
  sizeUsd: usd.describe("spend - expected: the anomaly's size in dollars"),
  score: z.number().describe("robust z-score (spike) or tier step / price ratio (model switch)"),
  message: z.string(),
  explanation: z.string().describe('why, in the five parts of GET /api/v1/spend/change: "+$412.00: 80% volume, 20% switch to a pricier model"'),
  change: ChangeFieldsSchema.describe(
    "the decomposition behind the explanation, per day: a spike's day against the mean of the same weekday in the 8 weeks before; a model switch's days against as many days before it",
  ),
});
export type AnomalyOut = z.infer<typeof AnomalySchema>;

export const AnomalyResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  anomalies: z.array(AnomalySchema),
  totalSizeUsd: usd.describe("sum of the sizes listed"),
});
export type AnomalyResponse = z.infer<typeof AnomalyResponseSchema>;
