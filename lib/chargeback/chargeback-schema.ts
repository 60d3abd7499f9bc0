import { z } from "zod";

/** Allocation rules and the chargeback view: who pays for shared and unattributed AI spend (lib/chargeback). */
export const ALLOCATION_METHODS = ["proportional", "even", "fixed"] as const;
export type AllocationMethod = (typeof ALLOCATION_METHODS)[number];
export const SOURCE_TYPES = ["unattributed", "team", "workload"] as const;

const slug = z.string().trim().min(1, "give a slug");

export const CreateAllocationRuleSchema = z
  .object({
    name: z.string().trim().min(1, "give the rule a name").max(120),
    source: z
      .union([
        z.object({ unattributed: z.literal(true) }).strict(),
        z.object({ team: slug }).strict(),
        z.object({ workload: slug }).strict(),
      ], { message: 'source must be {"unattributed": true}, {"team": "<slug>"} or {"workload": "<slug>"}' })
      .describe("the pool: spend with no team, all of one team's spend (e.g. a platform team), or one workload's (e.g. a shared gateway)"),
    method: z.enum(ALLOCATION_METHODS, { message: `method must be one of ${ALLOCATION_METHODS.join(", ")}` })
      .describe("proportional: to each team's direct spend in the period; even: equal parts; fixed: the percentages given"),
    teams: z.array(slug).optional().describe("teams that share the pool (proportional, even); default: every team except the source team"),
    percentages: z
      .record(z.string(), z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, "a percentage with at most 2 decimals, e.g. \"37.5\""))
      .optional()
      .describe('fixed only: team slug -> percentage, summing to 100, e.g. {"search": "60", "support": "40"}'),
  })
  .superRefine((r, ctx) => {
    if (r.method === "fixed") {
      if (!r.percentages || Object.keys(r.percentages).length === 0) {
        ctx.addIssue({ code: "custom", path: ["percentages"], message: "fixed allocation needs percentages per team" });
        return;
      }
      const total = Object.values(r.percentages).reduce((s, p) => s + percentToBasisPoints(p), 0);
      if (total !== 10_000) ctx.addIssue({ code: "custom", path: ["percentages"], message: `percentages must sum to 100 (they sum to ${total / 100})` });
      if (r.teams) ctx.addIssue({ code: "custom", path: ["teams"], message: "fixed allocation takes its teams from percentages; leave teams out" });
    } else if (r.percentages) {
      ctx.addIssue({ code: "custom", path: ["percentages"], message: `percentages are only for method "fixed" (this rule is ${r.method})` });
    }
  });
export type CreateAllocationRule = z.infer<typeof CreateAllocationRuleSchema>;

/** "37.5" -> 3750: percentages are kept as integer basis points so fixed splits stay exact. */
export function percentToBasisPoints(p: string): number {
  const [whole, frac = ""] = p.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

export const AllocationRuleSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  source: z.object({ type: z.enum(SOURCE_TYPES), key: z.string().nullable().describe("team or workload slug; null for unattributed"), label: z.string() }),
  method: z.enum(ALLOCATION_METHODS),
  targets: z.array(z.object({ team: z.string(), percentage: z.string().nullable() })).describe("empty = every team except the source team"),
});
export type AllocationRuleOut = z.infer<typeof AllocationRuleSchema>;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const ChargebackQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM").optional().describe("a UTC month (or give from and to)"),
  from: z.string().regex(DATE_RE, "must be a date YYYY-MM-DD").optional().describe("first UTC day, inclusive"),
  to: z.string().regex(DATE_RE, "must be a date YYYY-MM-DD").optional().describe("last UTC day, inclusive"),
  format: z.enum(["json", "csv"], { message: "must be json or csv" }).default("json"),
});

const usd = z.string().describe("decimal string in USD, exact to the nano-dollar");
export const ChargebackTeamSchema = z.object({
  key: z.string(),
  label: z.string(),
  directUsd: usd.describe("spend attributed to the team, less any of it that is itself a shared pool"),
  allocatedUsd: usd.describe("the team's share of the shared pools"),
  totalUsd: usd.describe("direct + allocated: what the team is charged"),
  allocations: z.array(z.object({ ruleId: z.number().int(), rule: z.string(), usd })),
});
export type ChargebackTeam = z.infer<typeof ChargebackTeamSchema>;

export const ChargebackResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  remainderRule: z.string(),
  teams: z.array(ChargebackTeamSchema),
  pools: z
    .array(z.object({ ruleId: z.number().int(), rule: z.string(), source: z.string(), method: z.enum(ALLOCATION_METHODS), costUsd: usd, basis: z.string() }))
    .describe("the shared pools and how each was split (all-team roles only)"),
  unallocatedUsd: usd.nullable().describe("unattributed spend no rule allocates (null for leads, who do not see unattributed spend)"),
  totals: z.object({ directUsd: usd, allocatedUsd: usd, totalUsd: usd }),
  inCurrency: z
    .object({
      currency: z.string(),
      teams: z.array(z.object({ key: z.string(), direct: z.string(), allocated: z.string(), total: z.string(), allocations: z.array(z.object({ ruleId: z.number().int(), amount: z.string() })) })),
      pools: z.array(z.object({ ruleId: z.number().int(), cost: z.string() })),
      unallocated: z.string().nullable(),
      totals: z.object({ direct: z.string(), allocated: z.string(), total: z.string() }),
    })
    .optional()
    .describe("the same chargeback in the reporting currency (absent for USD): converted cells (each day at its rate) split by the same rules"),
});
export type ChargebackResponse = z.infer<typeof ChargebackResponseSchema>;

export const REMAINDER_RULE =
  "Largest remainder: each team gets floor(pool x weight / total weight) nano-dollars; the nano-dollars left over go one each " +
  "to the teams with the largest remainders, ties to the team slug first A-Z. Allocated amounts sum exactly to each pool.";
