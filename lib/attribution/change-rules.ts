import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/pool";
import { audit } from "@/lib/audit";
import { badRequest } from "@/lib/errors";
import { lockAttribution, reattributeHistory, type ReattributeOptions } from "./reattribute";
import { deleteRule, insertRule, listRules, placeAt, resolveTargets, ruleOrder, updateRule, writeOrder } from "./rules-store";
import type { RuleChangeResult, RuleInput } from "./rule-schema";

export type { RuleChangeResult };

/**
 * Every change to the attribution rules, each in ONE transaction with the re-attribution of history it causes:
 * either the rules change and history follows them, or (an error, an invalid rule) nothing changes at all.
 */
async function inTransaction(change: (client: pg.PoolClient) => Promise<number | null>, opts?: ReattributeOptions): Promise<RuleChangeResult> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    await lockAttribution(client);
    const id = await change(client);
    const reattribution = await reattributeHistory(client, opts);
    const rules = await listRules(client);
    await client.query("COMMIT");
    return { rule: rules.find((r) => r.id === id) ?? null, rules, reattribution };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export async function createRule(input: RuleInput, actor: string): Promise<RuleChangeResult> {
  const result = await inTransaction(async (client) => {
    const id = await insertRule(client, input, await resolveTargets(client, input));
    await writeOrder(client, placeAt(await ruleOrder(client), id, input.position));
    return id;
  });
  await audit(actor, "attribution_rule_created", input.name, { match: input.match, team: input.team ?? null, workload: input.workload ?? null, ...result.reattribution });
  return result;
}

export async function changeRule(id: number, input: RuleInput, actor: string): Promise<RuleChangeResult> {
  const result = await inTransaction(async (client) => {
    await updateRule(client, id, input, await resolveTargets(client, input));
    await writeOrder(client, placeAt(await ruleOrder(client), id, input.position));
    return id;
  });
  await audit(actor, "attribution_rule_updated", input.name, { id, match: input.match, team: input.team ?? null, workload: input.workload ?? null, ...result.reattribution });
  return result;
}

export async function removeRule(id: number, actor: string): Promise<RuleChangeResult> {
  const result = await inTransaction(async (client) => {
    await deleteRule(client, id);
    await writeOrder(client, await ruleOrder(client));
    return null;
  });
  await audit(actor, "attribution_rule_deleted", String(id), { ...result.reattribution });
  return result;
}

export async function reorderRules(ids: number[], actor: string): Promise<RuleChangeResult> {
  const result = await inTransaction(async (client) => {
    const current = await ruleOrder(client);
    const same = ids.length === current.length && new Set(ids).size === ids.length && ids.every((id) => current.includes(id));
    if (!same) throw badRequest(`ids: give every rule id exactly once (current rules: ${current.join(", ") || "none"})`);
    await writeOrder(client, ids);
    return null;
  });
  await audit(actor, "attribution_rules_reordered", null, { ids, ...result.reattribution });
  return result;
}

/**
 * Recomputes all of history against the current rules and rebuilds the roll-ups of the days it touches from the
 * events (after teams or workloads were edited, or to repair drift). Slower than a rule change, which only moves
 * what the change can move.
 */
export async function reattributeNow(actor: string): Promise<RuleChangeResult> {
  const result = await inTransaction(async () => null, { scope: "all", rollups: "rebuild" });
  await audit(actor, "attribution_recomputed", null, { ...result.reattribution });
  return result;
}
