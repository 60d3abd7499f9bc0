import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { badRequest } from "@/lib/errors";
import { runWhatIf } from "../engine";
import { toWhatIfResponse, type WhatIfResponse } from "../response";
import type { WhatIfRequest } from "../schema";
import { checkRequest } from "./check-request";
import { loadDims } from "./dimensions";
import { loadCallGroups } from "./load-groups";
import { loadWhatIfPricing } from "./pricing";
import { loadWorkloadInfo } from "./workload-info";

/**
 * POST /api/v1/whatif: a parsed scenario re-priced over the caller's traffic (team scope applies: a lead
 * simulates only their teams' calls). Refusals from the engine (a rule selecting nothing, an unpriced target on
 * some day, replay without evidence) become one 400 naming every rule at fault, never a $0 saving.
 */
export async function runScenario(principal: Pick<Principal, "teamIds">, request: WhatIfRequest): Promise<WhatIfResponse> {
  const [dims, pricing] = await Promise.all([loadDims(principal), loadWhatIfPricing()]);
  checkRequest(request, dims, pricing);
  const visible = [...dims.workloads.values()].filter((w) => w.visible);
  const [groups, workloads] = await Promise.all([loadCallGroups(principal, dims, request), loadWorkloadInfo(visible)]);
  const out = runWhatIf({ request, groups, price: pricing.price, workloads });
  if (!out.ok) throw badRequest(out.errors.map((e) => e.message).join("; "), { errors: out.errors });
  return toWhatIfResponse(out.result);
}
