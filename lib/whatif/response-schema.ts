/** The POST /api/v1/whatif response as a zod schema, for the OpenAPI document (response.ts builds it). */
import { z } from "zod";

const usd = (what: string) => z.string().describe(`${what}, decimal string in USD`);
const costLine = {
  calls: z.number().int(),
  baselineUsd: usd("recorded cost"),
  scenarioUsd: usd("scenario cost, point estimate"),
  lowUsd: usd("scenario cost, low end of the tokenizer band"),
  highUsd: usd("scenario cost, high end of the tokenizer band"),
  savingsUsd: usd("baseline - scenario"),
};
const ModelRef = z.object({ provider: z.string(), model: z.string() });

export const QualityVerdictSchema = z.object({
  baseline: z.number().nullable().describe("pass rate of the current model on the linked eval set (null: no evidence)"),
  scenario: z.number().nullable().describe("pass rate under the scenario (replay: measured task by task)"),
  floor: z.number().nullable(),
  ok: z.boolean().nullable().describe("scenario >= floor; null when not measured (never shown as a pass)"),
  evidence: z.string().describe("the eval set, models (and which eval model stands for each) and counts behind the figures"),
  interval: z
    .object({ low: z.number(), high: z.number(), tasks: z.number().int() })
    .nullable()
    .optional()
    .describe("95% Wilson interval of `scenario` when it is a pass rate counted on the eval set"),
  replay: z
    .object({
      tasks: z.number().int(),
      detector: z.object({
        source: z.enum(["perfect", "set", "judge"]).describe("perfect: exactly the failures escalate (upper bound); set: recall and false-escalation rate given; judge: measured from the eval file's judge column"),
        recall: z.number().describe("share of the cheap model's failures the detector escalates"),
        falseEscalationRate: z.number().describe("share of the cheap model's passes it escalates anyway"),
      }),
      escalationRate: z.number(),
      upperBound: z.object({ quality: z.number(), escalationRate: z.number() }).describe("the same replay with a perfect detector"),
    })
    .optional()
    .describe("replayed escalation only"),
});

export const WhatIfResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  windowDays: z.number().int(),
  daysWithTraffic: z.number().int(),
  baseline: z.object({ costUsd: usd("recorded cost of the window") }),
  scenario: z.object({ costUsd: usd("point estimate"), lowUsd: usd("low end"), highUsd: usd("high end") }),
  savingsUsd: usd("baseline - scenario over the window"),
  savingsLowUsd: usd("savings at the high end of the scenario range"),
  savingsHighUsd: usd("savings at the low end of the scenario range"),
  monthlySavingsUsd: usd("savings x 30.4375 / window days"),
  annualSavingsUsd: usd("monthly x 12"),
  byWorkload: z.array(
    z.object({ workload: z.string().nullable(), team: z.string().nullable(), currentModel: ModelRef.nullable(), rule: z.number().int().nullable(), ...costLine, quality: QualityVerdictSchema }),
  ),
  byTeam: z.array(z.object({ team: z.string().nullable(), ...costLine })),
  byRule: z.array(z.object({ rule: z.number().int(), ...costLine })),
  daily: z.array(z.object({ day: z.string(), baselineUsd: z.string(), scenarioUsd: z.string() })),
  unpricedBaseline: z.object({ groups: z.number().int(), calls: z.number().int() }),
  warnings: z.array(z.string()),
  perfectDetector: z
    .object({ label: z.string(), scenarioUsd: usd("scenario cost"), savingsUsd: usd("savings"), monthlySavingsUsd: usd("monthly savings") })
    .nullable()
    .describe("when a replay uses a modelled detector: the same scenario with a perfect detector, labelled as the upper bound"),
});
