import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { ChangeQuerySchema } from "@/lib/change/change-query";
import { spendChange } from "@/lib/change/spend-change";
import { reportingCurrency } from "@/lib/currency/rates-store";

export const dynamic = "force-dynamic";

// GET /api/v1/spend/change - the change between two periods per organisation, team or workload, in five exact parts
export const GET = withAuth("read", async ({ req, principal }) => Response.json(await spendChange(principal, parseParams(ChangeQuerySchema, req.nextUrl.searchParams), new Date(), await reportingCurrency())));
