/**
 * POST /api/v1/whatif request: a scenario is a UTC window (both ends inclusive) and rules. Each rule selects
 * traffic and applies levers; the first rule that matches a call group wins. A rule with a selection and no lever
 * leaves its traffic as it is, which is how a later, broader rule is kept away from some workloads.
 */
import { z } from "zod";
import { daysInclusive, isDay } from "@/lib/forecast/utc-days";

export const MAX_WINDOW_DAYS = 366;

const share = (what: string) =>
  z
    .number({ error: `${what} must be a number between 0 and 1 (0-100%)` })
    .min(0, { error: `${what} must be between 0 and 1 (0-100%)` })
    .max(1, { error: `${what} must be between 0 and 1 (0-100%)` });

const day = (what: string) =>
  z.string({ error: `${what} must be a UTC date (YYYY-MM-DD)` }).refine(isDay, { error: `${what} must be a real UTC date (YYYY-MM-DD)` });

const name = (what: string) => z.string({ error: `${what} is required` }).trim().min(1, { error: `${what} must not be empty` });

const list = (what: string) => z.array(name(what)).min(1, { error: `an empty ${what} list selects nothing: leave it out instead` }).optional();

export const ModelRefSchema = z.strictObject({ model: name("model"), provider: name("provider") });

export const SelectSchema = z.strictObject(
  {
  workloads: list("workloads"),
  teams: list("teams"),
  taskClasses: list("taskClasses"),
    /** "gpt-5.5" or "openai/gpt-5.5". */
    models: list("models"),
  },
  { error: "select is required: { workloads?, teams?, taskClasses?, models? } ({} selects all traffic)" },
);

export const EscalationSchema = z
  .strictObject({
    model: name("escalation model"),
    provider: name("escalation provider"),
    /**
     * "rate": `rate` of the calls also go to the escalation model. "replay": the rate comes from the eval set linked
     * to each selected workload (the cheap model's failures escalate); `rate`, if given, is used for workloads
     * without one.
     */
    mode: z.enum(["rate", "replay"], { error: 'escalation mode must be "rate" or "replay"' }).default("rate"),
    rate: share("escalation rate").optional(),
    tokenShare: share("escalation tokenShare").default(1),
    /**
     * Replay only: the detector deciding which cheap answers escalate. Absent: a perfect detector (exactly the
     * failures escalate), reported as the upper bound it is. {recall, falseEscalationRate}: set by the user.
     * {fromJudge: true}: measured from the eval file's judge column, task by task.
     */
    detector: z
      .union([
        z.strictObject({ recall: share("detector recall"), falseEscalationRate: share("detector falseEscalationRate") }),
        z.strictObject({ fromJudge: z.literal(true) }),
      ], { error: "detector is { recall, falseEscalationRate } (each 0-1) or { fromJudge: true }" })
      .optional(),
  })
  .refine((e) => e.mode === "replay" || e.rate !== undefined, {
    error: "escalation rate is required (0-1) unless mode is replay",
    path: ["rate"],
  })
  .refine((e) => e.mode === "replay" || e.detector === undefined, {
    error: "a detector applies to replay escalation only",
    path: ["detector"],
  });

export const RuleSchema = z.strictObject({
  select: SelectSchema,
  reroute: ModelRefSchema.optional(),
  escalation: EscalationSchema.optional(),
  batchShare: share("batchShare").default(0),
  cachedShare: share("cachedShare").nullable().default(null),
  outputFactor: z
    .number({ error: "outputFactor must be a number" })
    .gt(0, { error: "outputFactor must be greater than 0" })
    .max(10, { error: "outputFactor must be at most 10" })
    .default(1),
});

export const WhatIfRequestSchema = z
  .strictObject({
    from: day("from"),
    to: day("to"),
    rules: z.array(RuleSchema).min(1, { error: "a scenario needs at least one rule" }).max(100, { error: "at most 100 rules" }),
  })
  .superRefine((r, ctx) => {
    if (!isDay(r.from) || !isDay(r.to)) return;
    if (r.to < r.from) ctx.addIssue({ code: "custom", path: ["to"], message: `to (${r.to}) is before from (${r.from})` });
    else if (daysInclusive(r.from, r.to) > MAX_WINDOW_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `the window is longer than ${MAX_WINDOW_DAYS} days` });
    }
  });

/** After parsing: defaults applied. */
export type WhatIfRequest = z.infer<typeof WhatIfRequestSchema>;
/** What callers may send: defaults optional. */
export type WhatIfRequestInput = z.input<typeof WhatIfRequestSchema>;
export type WhatIfRule = WhatIfRequest["rules"][number];
export type Escalation = NonNullable<WhatIfRule["escalation"]>;
export type RuleSelect = WhatIfRule["select"];
