import { z } from "zod";
import { DATE_RE } from "@/lib/analytics/dates";
import { DECIMAL_AMOUNT } from "@/lib/ingest/sources/native-schema";

/** POST /api/v1/plans/commitment: a commitment / provisioned-throughput offer to weigh against pay-as-you-go. */
const amount = (what: string) =>
  z
    .union([z.number().nonnegative().finite(), z.string().regex(DECIMAL_AMOUNT, `${what}: must be a decimal amount like "12.50"`)])
    .transform(String)
    .optional()
    .describe(`${what} in USD (number or decimal string)`);

export const CommitmentRequestSchema = z
  .strictObject({
    provider: z.string().trim().min(1).max(64).describe("provider of the model, e.g. openai"),
    model: z.string().trim().min(1).max(256).describe("model name as stored, e.g. gpt-4.1"),
    capacityTokensPerMinute: z.number().int().positive().max(1_000_000_000).describe("reserved throughput, input + output tokens per minute"),
    pricePerHourUsd: amount("price of the capacity per hour"),
    priceUsd: amount("price of the capacity for the whole term"),
    termMonths: z.number().int().min(1).max(60).describe("commitment term in months (a month = 730 hours)"),
    scenarioId: z.number().int().positive().optional().describe("a saved what-if scenario: reroute first, then commit to what remains on the model"),
    from: z.string().regex(DATE_RE, "must be a date YYYY-MM-DD").optional().describe("first UTC day of the observed load (default: 28 days before `to`)"),
    to: z.string().regex(DATE_RE, "must be a date YYYY-MM-DD").optional().describe("last UTC day of the observed load (default: yesterday)"),
  })
  .refine((r) => (r.pricePerHourUsd === undefined) !== (r.priceUsd === undefined), { message: "give exactly one of pricePerHourUsd and priceUsd", path: ["pricePerHourUsd"] });
export type CommitmentRequest = z.infer<typeof CommitmentRequestSchema>;

const usd = (what: string) => z.string().describe(`${what}; decimal string in USD`);

export const CommitmentOptionSchema = z.object({
  label: z.enum(["current", "after-scenario"]),
  meanTokensPerMinute: z.number(),
  percentiles: z.record(z.string(), z.number()).describe("hourly load, tokens per minute: p50, p90, p95, p99, max (nearest rank)"),
  utilisation: z.number().describe("share of the reserved capacity the observed load would use (0-1)"),
  observed: z.object({
    paygUsd: usd("exact pay-as-you-go cost of the window"),
    commitUsd: usd("capacity for the window's hours + overflow above capacity at pay-as-you-go (exact per hour)"),
  }),
  term: z.object({
    estimate: z.literal(true),
    paygUsd: usd("pay-as-you-go over the term if the window repeats (estimate)"),
    commitUsd: usd("the term's price + overflow over the term (estimate)"),
    savingUsd: usd("paygUsd - commitUsd; negative = the commitment loses money (estimate)"),
    savingLowUsd: usd("lowest saving over the term, projecting each observed week on its own"),
    savingHighUsd: usd("highest saving, same way"),
  }),
});

export const CommitmentPlanSchema = z.object({
  provider: z.string(),
  model: z.string(),
  window: z.object({ from: z.string(), to: z.string(), hours: z.number().int() }),
  term: z.object({ months: z.number().int(), hours: z.number().int() }),
  offer: z.object({ capacityTokensPerMinute: z.number().int(), pricePerHourUsd: usd("price per hour"), termPriceUsd: usd("price for the term") }),
  breakEven: z.object({
    tokensPerMinute: z.number().nullable().describe("steady load at which pay-as-you-go costs the capacity's price, at the observed average price per token"),
    utilisation: z.number().nullable().describe("that load as a share of the capacity; above 1 the commitment cannot pay off"),
  }),
  current: CommitmentOptionSchema,
  afterScenario: CommitmentOptionSchema.nullable(),
  scenario: z.object({ id: z.number().int(), name: z.string(), notes: z.array(z.string()) }).nullable(),
  hourly: z.array(z.object({ hour: z.string(), tokensPerMinute: z.number(), afterTokensPerMinute: z.number().nullable() })).describe("the load curve, one point per UTC hour"),
  duration: z.array(z.object({ share: z.number(), tokensPerMinute: z.number(), afterTokensPerMinute: z.number().nullable() })).describe("load-duration curve: the load exceeded in `share` of the hours"),
  notes: z.array(z.string()),
});
export type CommitmentPlan = z.infer<typeof CommitmentPlanSchema>;
export type CommitmentOption = z.infer<typeof CommitmentOptionSchema>;
