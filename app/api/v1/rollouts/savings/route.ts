import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { MonthSavingsQuerySchema } from "@/lib/rollouts/rollout-schema";
import { monthSavingsOut } from "@/lib/rollouts/server/rollout-out";
import { monthSavings } from "@/lib/rollouts/server/month-savings";

export const dynamic = "force-dynamic";

// GET /api/v1/rollouts/savings?month=YYYY-MM - realised savings of applied rollouts in a month (default: this month)
export const GET = withAuth("read", async ({ req, principal }) => {
  const { month } = parseParams(MonthSavingsQuerySchema, req.nextUrl.searchParams);
  return Response.json(monthSavingsOut(await monthSavings(principal, month ?? new Date().toISOString().slice(0, 7))));
});
