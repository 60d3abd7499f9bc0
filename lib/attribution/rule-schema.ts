import { z } from "zod";
import { RuleMatchSchema } from "./rule-sql";

/** Attribution rules API shapes (/api/v1/attribution-rules), shared by the routes, the OpenAPI document and the UI. */
const slug = z.string().trim().min(1).max(200);

export const RuleInputSchema = z
  .object({
    name: z.string().trim().min(1, "give the rule a name").max(120, "at most 120 characters"),
    match: RuleMatchSchema.describe("conditions, all of which must match; `*` is a wildcard, matching ignores case"),
    team: slug.nullable().optional().describe("team slug the matched spend goes to"),
    workload: slug.nullable().optional().describe("workload slug the matched spend goes to (its owner team fills a missing team)"),
    enabled: z.boolean().default(true),
    position: z.number().int().min(1).optional().describe("1 = evaluated first; default: after the existing rules"),
  })
  .strict()
  .refine((r) => r.team || r.workload, { message: "a rule must assign a team, a workload or both", path: ["team"] });
export type RuleInput = z.infer<typeof RuleInputSchema>;

export const RuleSchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  name: z.string(),
  match: RuleMatchSchema,
  team: z.object({ slug: z.string(), name: z.string() }).nullable(),
  workload: z.object({ slug: z.string(), name: z.string(), team: z.string().nullable() }).nullable(),
  enabled: z.boolean(),
  createdAt: z.string(),
});
export type RuleOut = z.infer<typeof RuleSchema>;

export const ReorderSchema = z.object({ ids: z.array(z.number().int()).describe("every rule id, in the new order") }).strict();

export const ReattributionSchema = z.object({
  eventsMoved: z.number().int().describe("events whose team or workload changed"),
  costMovedUsd: z.string(),
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  daysRebuilt: z.number().int().describe("days of the roll-ups rebuilt from events"),
  durationMs: z.number().int(),
});
export type Reattribution = z.infer<typeof ReattributionSchema>;

export const RuleChangeResponseSchema = z.object({ rule: RuleSchema.nullable(), rules: z.array(RuleSchema), reattribution: ReattributionSchema });
export type RuleChangeResult = z.infer<typeof RuleChangeResponseSchema>;

export const PreviewInputSchema = z
  .object({
    id: z.number().int().optional().describe("the rule being edited or deleted"),
    rule: RuleInputSchema.optional().describe("the draft; omit with an id to preview deleting that rule"),
  })
  .strict()
  .refine((p) => p.id !== undefined || p.rule !== undefined, { message: "give a draft rule, or the id of a rule to delete" });
export type PreviewInput = z.infer<typeof PreviewInputSchema>;

const Side = z.object({ team: z.string().nullable(), teamName: z.string().nullable(), workload: z.string().nullable(), workloadName: z.string().nullable() });
export const PreviewResponseSchema = z.object({
  matchedEvents: z.number().int().describe("events the draft's conditions match, whatever attributes them today"),
  matchedCostUsd: z.string(),
  eventsMoved: z.number().int().describe("events whose team or workload would change on save"),
  costMovedUsd: z.string(),
  flows: z.array(z.object({ from: Side, to: Side, events: z.number().int(), costUsd: z.string() })).describe("from (current) -> to, biggest first"),
  durationMs: z.number().int(),
});
export type PreviewResult = z.infer<typeof PreviewResponseSchema>;

/** GET /api/v1/attribution-rules/targets: teams and workloads to assign to, and the unattributed traffic worth claiming. */
export const RuleTargetsSchema = z.object({
  teams: z.array(z.object({ slug: z.string(), name: z.string() })),
  workloads: z.array(z.object({ slug: z.string(), name: z.string(), team: z.string().nullable() })),
  unattributed: z
    .array(
      z.object({
        serviceName: z.string().nullable(),
        sourceKey: z.string().nullable(),
        apiKey: z.string().nullable(),
        provider: z.string(),
        events: z.number().int(),
        costUsd: z.string(),
      }),
    )
    .describe(`traffic of the last 7 days without a team, by service.name / key / provider, costliest first`),
});
export type RuleTargets = z.infer<typeof RuleTargetsSchema>;

