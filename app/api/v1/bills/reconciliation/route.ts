import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { ReconciliationQuerySchema } from "@/lib/reconcile/reconcile-schema";
import { reconcileMonth } from "@/lib/reconcile/reconcile-month";

export const dynamic = "force-dynamic";

// GET /api/v1/bills/reconciliation?month=2026-10 - computed cost vs the providers' bills, difference explained
export const GET = withAuth("read", async ({ req, principal }) => {
  const query = parseParams(ReconciliationQuerySchema, req.nextUrl.searchParams);
  return Response.json(await reconcileMonth(principal, query.month));
});
