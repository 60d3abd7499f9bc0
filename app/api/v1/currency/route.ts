import { withAuth } from "@/lib/api/with-auth";
import { readJson } from "@/lib/api/read-json";
import { CurrencySettingsSchema } from "@/lib/currency/currency-schema";
import { rateCoverage, reportingCurrency, setReportingCurrency } from "@/lib/currency/rates-store";

export const dynamic = "force-dynamic";

// GET /api/v1/currency - the reporting currency and which exchange rates are stored
export const GET = withAuth("read", async () => Response.json({ reportingCurrency: await reportingCurrency(), rates: await rateCoverage() }));

// PUT /api/v1/currency - set the reporting currency (reports, CSV, PDF, FOCUS BillingCurrency)
export const PUT = withAuth("manage_settings", async ({ req }) => {
  const input = await readJson(req, CurrencySettingsSchema);
  await setReportingCurrency(input.reportingCurrency);
  return Response.json({ reportingCurrency: input.reportingCurrency, rates: await rateCoverage() });
});
