import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { UnitCostQuerySchema } from "@/lib/metrics/unit-cost-schema";
import { queryUnitCost } from "@/lib/metrics/unit-cost";
import { reportingCurrency } from "@/lib/currency/rates-store";

export const dynamic = "force-dynamic";

// GET /api/v1/metrics/unit-cost?name=&team=&workload=&from=&to=&granularity=day|month - spend per unit of a metric over time
export const GET = withAuth("read", async ({ req, principal }) => Response.json(await queryUnitCost(principal, parseParams(UnitCostQuerySchema, req.nextUrl.searchParams), new Date(), await reportingCurrency())));
