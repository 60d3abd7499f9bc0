import { withAuth } from "@/lib/api/with-auth";
import { readJson } from "@/lib/api/read-json";
import { WhatIfRequestSchema } from "@/lib/whatif/schema";
import { runScenario } from "@/lib/whatif/server/run-scenario";

export const dynamic = "force-dynamic";

// POST /api/v1/whatif - re-price the caller's traffic of a window under a scenario's rules
export const POST = withAuth("read", async ({ req, principal }) => {
  const request = await readJson(req, WhatIfRequestSchema);
  return Response.json(await runScenario(principal, request));
});
