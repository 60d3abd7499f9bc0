import { allocateExactly } from "./allocate-exactly";
import type { AllocationRuleRecord } from "./rule-store";

/**
 * Chargeback arithmetic, pure: which spend is direct, which is a shared pool, and each team's exact share.
 *
 * - Each (team, workload) cell of spend belongs to at most one pool, the most specific rule first: a workload rule
 *   (e.g. the shared gateway), else a team rule (e.g. the platform team), else the unattributed rule (team 0).
 *   So no cost is allocated twice. Everything else is the direct spend of its team.
 * - A pool is shared by the rule's teams, by default every team with direct spend in the period except the
 *   source team. Proportional weights are the teams' direct spend (before any allocation, so the order of rules
 *   does not matter); when those are all zero the pool is split evenly and the basis says so.
 * - A pool nobody can take (no team has direct spend) stays unallocated and the basis says why; unattributed
 *   spend without a rule is unallocated too. Direct + allocated + unallocated = the period's spend, exactly.
 */
export interface SpendCell {
  teamId: number;
  workloadId: number;
  costNanos: bigint;
}

export interface TeamRef {
  id: number;
  slug: string;
  name: string;
}

export interface TeamCharge {
  team: TeamRef;
  directNanos: bigint;
  allocatedNanos: bigint;
  allocations: { ruleId: number; rule: string; nanos: bigint }[];
}

export interface PoolSplit {
  rule: AllocationRuleRecord;
  costNanos: bigint;
  basis: string;
  allocatedNanos: bigint;
}

export interface Chargeback {
  teams: TeamCharge[];
  pools: PoolSplit[];
  unallocatedNanos: bigint;
}

export function splitSharedCost(cells: SpendCell[], rules: AllocationRuleRecord[], teams: TeamRef[]): Chargeback {
  const byWorkload = new Map(rules.filter((r) => r.sourceType === "workload").map((r) => [r.sourceWorkloadId!, r]));
  const byTeam = new Map(rules.filter((r) => r.sourceType === "team").map((r) => [r.sourceTeamId!, r]));
  const unattributedRule = rules.find((r) => r.sourceType === "unattributed");

  const poolCost = new Map<number, bigint>(rules.map((r) => [r.id, 0n]));
  const direct = new Map<number, bigint>();
  let unallocated = 0n;
  for (const c of cells) {
    const rule = (c.workloadId !== 0 ? byWorkload.get(c.workloadId) : undefined) ?? (c.teamId !== 0 ? byTeam.get(c.teamId) : unattributedRule);
    if (rule) poolCost.set(rule.id, poolCost.get(rule.id)! + c.costNanos);
    else if (c.teamId === 0) unallocated += c.costNanos;
    else direct.set(c.teamId, (direct.get(c.teamId) ?? 0n) + c.costNanos);
  }

  const teamById = new Map(teams.map((t) => [t.id, t]));
  const charges = new Map<number, TeamCharge>();
  const charge = (id: number) => {
    let c = charges.get(id);
    if (!c) charges.set(id, (c = { team: teamById.get(id)!, directNanos: direct.get(id) ?? 0n, allocatedNanos: 0n, allocations: [] }));
    return c;
  };
  for (const id of direct.keys()) if (teamById.has(id)) charge(id);

  const pools: PoolSplit[] = [];
  for (const rule of rules) {
    const cost = poolCost.get(rule.id)!;
    if (cost === 0n) continue;
    const { weights, basis } = weightsOf(rule, direct, teamById);
    if (weights.size === 0) {
      unallocated += cost;
      pools.push({ rule, costNanos: cost, basis, allocatedNanos: 0n });
      continue;
    }
    const slugToId = new Map([...teamById.values()].map((t) => [t.slug, t.id]));
    const parts = allocateExactly(cost, weights);
    for (const [slug, nanos] of parts) {
      const c = charge(slugToId.get(slug)!);
      c.allocatedNanos += nanos;
      c.allocations.push({ ruleId: rule.id, rule: rule.name, nanos });
    }
    pools.push({ rule, costNanos: cost, basis, allocatedNanos: cost });
  }
  const rows = [...charges.values()].sort((a, b) => {
    const d = b.directNanos + b.allocatedNanos - (a.directNanos + a.allocatedNanos);
    return d === 0n ? a.team.slug.localeCompare(b.team.slug) : d > 0n ? 1 : -1;
  });
  return { teams: rows, pools, unallocatedNanos: unallocated };
}

/** The teams sharing a pool, keyed by slug (ties in the remainder go to the slug first A-Z), and how they weigh. */
function weightsOf(rule: AllocationRuleRecord, direct: Map<number, bigint>, teams: Map<number, TeamRef>): { weights: Map<string, bigint>; basis: string } {
  const slug = (id: number) => teams.get(id)!.slug;
  if (rule.method === "fixed") {
    const weights = new Map(rule.targets.map((t) => [slug(t.teamId), BigInt(t.basisPoints ?? 0)]));
    return { weights, basis: `fixed: ${rule.targets.map((t) => `${slug(t.teamId)} ${(t.basisPoints ?? 0) / 100}%`).join(", ")}` };
  }
  const ids = rule.targets.length
    ? rule.targets.map((t) => t.teamId)
    : [...direct.entries()].filter(([id, nanos]) => nanos !== 0n && id !== rule.sourceTeamId && teams.has(id)).map(([id]) => id);
  if (ids.length === 0) return { weights: new Map(), basis: "not allocated: no team had direct spend in the period to share it" };
  const named = rule.targets.length ? `the ${ids.length} teams named` : `the ${ids.length} teams with direct spend`;
  if (rule.method === "proportional") {
    const weights = new Map(ids.map((id) => [slug(id), direct.get(id) ?? 0n]));
    if ([...weights.values()].some((w) => w > 0n)) return { weights, basis: `proportional to direct spend of ${named}` };
    return { weights: new Map(ids.map((id) => [slug(id), 1n])), basis: `even over ${named} (none had direct spend to weigh by)` };
  }
  return { weights: new Map(ids.map((id) => [slug(id), 1n])), basis: `even over ${named}` };
}
