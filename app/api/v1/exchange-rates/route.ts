import { withAuth } from "@/lib/api/with-auth";
import { readJson } from "@/lib/api/read-json";
import { parseParams } from "@/lib/analytics/parse-params";
import { RatesInputSchema, RatesQuerySchema } from "@/lib/currency/currency-schema";
import { importEcbCsv, listRates, storeEnteredRates } from "@/lib/currency/rates-store";

export const dynamic = "force-dynamic";

// GET /api/v1/exchange-rates?currency=&from=&to= - stored rates (units per 1 USD)
export const GET = withAuth("read", async ({ req }) => Response.json({ rates: await listRates(parseParams(RatesQuerySchema, req.nextUrl.searchParams)) }));

// POST /api/v1/exchange-rates - enter rates (JSON) or import an ECB reference-rate CSV (text/csv body)
export const POST = withAuth("manage_settings", async ({ req }) => {
  const csv = (req.headers.get("content-type") ?? "").startsWith("text/csv");
  const result = csv ? await importEcbCsv(await req.text()) : await storeEnteredRates((await readJson(req, RatesInputSchema)).rates);
  return Response.json(result, { status: 201 });
});
