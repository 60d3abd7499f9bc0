/**
 * GET/PATCH /api/v1/workloads/{slug}/classification: a workload's task class (suggested from its usage shape,
 * confirmed or changed by its owner), quality floor, latency tolerance and eval set link with its model mapping.
 */
import { z } from "zod";
import { TASK_CLASSES } from "./task-class";

const name = (what: string) => z.string({ error: `${what} is required` }).trim().min(1, { error: `${what} must not be empty` }).max(500);

export const EvalModelMapEntrySchema = z.strictObject({
  provider: name("provider").describe("the real model's provider (catalogue id, e.g. openai)"),
  model: name("model").describe("the real model, e.g. gpt-5-mini"),
  evalModel: name("evalModel").describe("the model name in the linked eval set whose results stand for it"),
});

export const ClassificationPatchSchema = z
  .strictObject({
    taskClass: z.enum(TASK_CLASSES, { error: `taskClass must be one of ${TASK_CLASSES.join(", ")}` }).optional()
      .describe("sets the class and marks it confirmed by the owner"),
    qualityFloor: z.number({ error: "qualityFloor must be a number between 0 and 1" })
      .min(0, { error: "qualityFloor must be between 0 and 1 (0-100%)" })
      .max(1, { error: "qualityFloor must be between 0 and 1 (0-100%)" })
      .optional().describe("minimum eval pass rate, 0-1"),
    latencyTolerant: z.boolean().optional().describe("may wait for batch (the batch lever applies)"),
    evalSet: z.string().trim().min(1).max(500).nullable().optional().describe("eval set name to link, or null to unlink"),
    evalModelMap: z.array(EvalModelMapEntrySchema).max(100).optional()
      .describe("replaces the mapping: which eval model's results stand for which real model"),
  })
  .refine((p) => Object.keys(p).length > 0, { error: "nothing to change: send taskClass, qualityFloor, latencyTolerant, evalSet or evalModelMap" });
export type ClassificationPatch = z.infer<typeof ClassificationPatchSchema>;

const ConfidenceSchema = z.enum(["high", "medium", "low"]);

export const ClassificationSchema = z.object({
  workload: z.object({ slug: z.string(), name: z.string(), team: z.string().nullable() }),
  taskClass: z.enum(TASK_CLASSES).nullable(),
  taskClassConfirmed: z.boolean(),
  qualityFloor: z.number(),
  latencyTolerant: z.boolean(),
  suggestion: z
    .object({
      taskClass: z.enum(TASK_CLASSES),
      confidence: ConfidenceSchema,
      reasons: z.array(z.string()),
      shape: z.object({
        from: z.string(), to: z.string(), calls: z.number(), sampledCalls: z.number(), callsPerDay: z.number(),
        p50InputTokens: z.number(), p90InputTokens: z.number(), p50OutputTokens: z.number(), p90OutputTokens: z.number(),
        reasoningShare: z.number(), cachedShare: z.number(),
      }),
    })
    .nullable()
    .describe("null when the workload has no traffic in the last 30 days"),
  models: z.array(z.object({ provider: z.string(), model: z.string(), tier: z.string().nullable(), costShare: z.number() }))
    .describe("models the workload called in the last 30 days, by share of its cost"),
  evalSet: z
    .object({ name: z.string(), models: z.array(z.object({ model: z.string(), tasks: z.number(), passRate: z.number() })) })
    .nullable(),
  evalModelMap: z.array(EvalModelMapEntrySchema),
  canEdit: z.boolean(),
});
export type Classification = z.infer<typeof ClassificationSchema>;
