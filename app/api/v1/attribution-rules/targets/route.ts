import { withAuth } from "@/lib/api/with-auth";
import { listRuleTargets } from "@/lib/attribution/rule-targets";

export const dynamic = "force-dynamic";

// GET /api/v1/attribution-rules/targets - teams and workloads a rule can assign spend to, and values seen in the data
export const GET = withAuth("manage_settings", async () => Response.json(await listRuleTargets()));
