import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { RolloutDetail } from "../rollout-schema";
import { computeRolloutSavings, savingsContext, toRolloutDetail } from "./realised-savings";
import { getRollout } from "./rollout-store";

/** GET /api/v1/rollouts/{id}: the rollout with its realised savings (team scope applies to every figure). */
export async function getRolloutDetail(principal: Pick<Principal, "teamIds">, id: number, now = new Date()): Promise<RolloutDetail> {
  const rollout = await getRollout(principal, id);
  const ctx = await savingsContext(principal, now);
  return toRolloutDetail(rollout, await computeRolloutSavings(ctx, rollout));
}
