import { z } from "zod";
import { toIlike, validatePattern } from "./pattern";

/** What a rule may match on; every condition given must match (AND). */
export const RuleMatchSchema = z
  .object({
    provider: z.string().optional(),
    model: z.string().optional(),
    user: z.string().optional(),
    apiKey: z.string().optional(),
    serviceName: z.string().optional(),
    tags: z.record(z.string(), z.string()).optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const entries = Object.entries(m).filter(([k]) => k !== "tags") as [string, string | undefined][];
    for (const [k, v] of entries) {
      if (v === undefined) continue;
      try {
        validatePattern(v, k);
      } catch (e) {
        ctx.addIssue({ code: "custom", path: [k], message: (e as Error).message });
      }
    }
    for (const [k, v] of Object.entries(m.tags ?? {})) {
      try {
        validatePattern(v, `tags.${k}`);
      } catch (e) {
        ctx.addIssue({ code: "custom", path: ["tags", k], message: (e as Error).message });
      }
    }
    if (entries.every(([, v]) => v === undefined) && Object.keys(m.tags ?? {}).length === 0) {
      ctx.addIssue({ code: "custom", message: "a rule needs at least one condition" });
    }
  });
export type RuleMatch = z.infer<typeof RuleMatchSchema>;

export interface CompiledRule {
  match: RuleMatch;
  teamId: number | null;
  workloadId: number | null;
}

/**
 * Builds a SQL boolean condition for one rule over an events relation aliased `e` joined to `models m`.
 * Values are bound parameters ($n), appended to `params`.
 */
export function ruleCondition(match: RuleMatch, params: unknown[]): string {
  const bind = (pattern: string) => {
    params.push(toIlike(pattern));
    return `$${params.length}`;
  };
  const parts: string[] = [];
  if (match.provider) parts.push(`m.provider ILIKE ${bind(match.provider)}`);
  if (match.model) parts.push(`m.name ILIKE ${bind(match.model)}`);
  if (match.user) parts.push(`e.user_name ILIKE ${bind(match.user)}`);
  if (match.serviceName) parts.push(`(e.tags->>'service.name') ILIKE ${bind(match.serviceName)}`);
  if (match.apiKey) {
    const p = bind(match.apiKey);
    parts.push(`(e.source_key ILIKE ${p} OR e.api_key_id IN (SELECT id FROM api_keys WHERE name ILIKE ${p} OR prefix ILIKE ${p}))`);
  }
  for (const [key, value] of Object.entries(match.tags ?? {})) {
    params.push(key);
    parts.push(`(e.tags->>$${params.length}) ILIKE ${bind(value)}`);
  }
  return parts.length ? `(${parts.join(" AND ")})` : "FALSE";
}

/** CASE expressions giving the first matching rule's team and workload (NULL when no rule matches). */
export function ruleCaseExpressions(rules: CompiledRule[], params: unknown[]): { team: string; workload: string } {
  if (rules.length === 0) return { team: "NULL::int", workload: "NULL::int" };
  const conditions = rules.map((r) => ruleCondition(r.match, params));
  const pick = (value: (r: CompiledRule) => number | null) =>
    `CASE ${conditions.map((c, i) => `WHEN ${c} THEN ${value(rules[i]) ?? "NULL"}::int`).join(" ")} END`;
  return { team: pick((r) => r.teamId), workload: pick((r) => r.workloadId) };
}

/**
 * The 1-based index of the first matching rule (NULL when none matches): one CASE evaluated once per event, so
 * each pattern is tested at most once however many columns the caller derives from the winner.
 */
export function firstMatchExpression(rules: CompiledRule[], params: unknown[]): string {
  if (rules.length === 0) return "NULL::int";
  return `CASE ${rules.map((r, i) => `WHEN ${ruleCondition(r.match, params)} THEN ${i + 1}`).join(" ")} END`;
}
