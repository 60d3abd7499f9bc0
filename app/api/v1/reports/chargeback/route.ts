import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { ChargebackQuerySchema } from "@/lib/chargeback/chargeback-schema";
import { chargebackRange } from "@/lib/chargeback/chargeback-range";
import { computeChargeback } from "@/lib/chargeback/compute-chargeback";
import { chargebackCsv } from "@/lib/chargeback/chargeback-csv";
import { reportingCurrency } from "@/lib/currency/rates-store";

export const dynamic = "force-dynamic";

// GET /api/v1/reports/chargeback?month=|from=&to=&format=json|csv - direct, allocated and total spend per team
export const GET = withAuth("read", async ({ req, principal }) => {
  const query = parseParams(ChargebackQuerySchema, req.nextUrl.searchParams);
  const range = chargebackRange(query);
  const chargeback = await computeChargeback(principal, range.from, range.to, query.format === "json" ? await reportingCurrency() : "USD");
  if (query.format === "json") return Response.json(chargeback);
  return new Response(chargebackCsv(chargeback), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="rightsize-chargeback-${range.from}-${range.to}.csv"`,
      "cache-control": "no-store",
    },
  });
});
