import { withAuth } from "@/lib/api/with-auth";
import { RunIdSchema } from "@/lib/runs/run-schemas";
import { queryRunDetail } from "@/lib/runs/run-detail";

export const dynamic = "force-dynamic";

// GET /api/v1/runs/:runId - one run with its calls by model and in time order
export const GET = withAuth("read", async ({ principal, params }) => Response.json(await queryRunDetail(principal, RunIdSchema.parse(params.runId))));
