import { withAuth } from "@/lib/api/with-auth";
import { whatIfOptions } from "@/lib/whatif/server/options";

export const dynamic = "force-dynamic";

// GET /api/v1/whatif/options - what a scenario rule may select (caller's workloads, teams, models) and target
export const GET = withAuth("read", async ({ principal }) => Response.json(await whatIfOptions(principal)));
