import "server-only";
import { pool } from "@/lib/db/pool";
import { badRequest } from "@/lib/errors";
import { parseEcbCsv, type ParsedRate } from "./ecb-csv";
import { parseRate, rateSeries, rateToString, type RateSeries } from "./rates";

/** Exchange rates and the reporting currency in the database (exchange_rates, app_settings). */
export async function reportingCurrency(): Promise<string> {
  const r = await pool().query<{ value: string }>("SELECT value FROM app_settings WHERE key = 'reporting_currency'");
  return r.rows[0]?.value ?? "USD";
}

export async function setReportingCurrency(code: string): Promise<void> {
  await pool().query(
    `INSERT INTO app_settings (key, value, updated_at) VALUES ('reporting_currency', $1, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [code],
  );
}

/** Inserts or replaces rates (same currency and day: the new one wins). */
export async function storeRates(rates: readonly ParsedRate[], source: string): Promise<number> {
  for (let i = 0; i < rates.length; i += 5000) {
    const chunk = rates.slice(i, i + 5000);
    await pool().query(
      `INSERT INTO exchange_rates (day, currency, units_per_usd, source)
       SELECT * FROM unnest($1::date[], $2::text[], $3::numeric[], $4::text[])
       ON CONFLICT (currency, day) DO UPDATE SET units_per_usd = EXCLUDED.units_per_usd, source = EXCLUDED.source, created_at = now()`,
      [chunk.map((r) => r.day), chunk.map((r) => r.currency), chunk.map((r) => rateToString(r.rate)), chunk.map(() => source)],
    );
  }
  return rates.length;
}

export async function importEcbCsv(text: string) {
  const parsed = parseEcbCsv(text);
  if (parsed.rates.length === 0) throw badRequest("the ECB file has no rates");
  const stored = await storeRates(parsed.rates, "ecb");
  return { stored, days: parsed.days, currencies: [...new Set(parsed.rates.map((r) => r.currency))].sort(), notAvailable: parsed.notAvailable };
}

export async function storeEnteredRates(entries: readonly { day: string; currency: string; unitsPerUsd: string }[]) {
  const rates = entries.map((e, i) => ({ day: e.day, currency: e.currency, rate: parseRate(e.unitsPerUsd, `rates[${i}].unitsPerUsd`) }));
  const stored = await storeRates(rates, "entered");
  return { stored, days: new Set(rates.map((r) => r.day)).size, currencies: [...new Set(rates.map((r) => r.currency))].sort(), notAvailable: 0 };
}

/** Every rate of a currency up to `to` (a conversion needs the last one on or before each day). */
export async function loadRateSeries(currency: string, to?: string): Promise<RateSeries> {
  if (currency === "USD") return rateSeries("USD", []);
  const r = await pool().query<{ day: string; rate: string }>(
    "SELECT day::text AS day, units_per_usd::text AS rate FROM exchange_rates WHERE currency = $1 AND ($2::date IS NULL OR day <= $2::date) ORDER BY day",
    [currency, to ?? null],
  );
  return rateSeries(currency, r.rows.map((x) => ({ day: x.day, rate: parseRate(x.rate, `${currency} rate of ${x.day}`) })));
}

export async function listRates(q: { currency?: string; from?: string; to?: string }) {
  const r = await pool().query<{ day: string; currency: string; rate: string; source: string }>(
    `SELECT day::text AS day, currency, units_per_usd::text AS rate, source FROM exchange_rates
     WHERE ($1::text IS NULL OR currency = $1) AND ($2::date IS NULL OR day >= $2::date) AND ($3::date IS NULL OR day <= $3::date)
     ORDER BY currency, day LIMIT 5000`,
    [q.currency ?? null, q.from ?? null, q.to ?? null],
  );
  return r.rows.map((x) => ({ day: x.day, currency: x.currency, unitsPerUsd: rateToString(parseRate(x.rate, "rate")), source: x.source }));
}

export async function rateCoverage() {
  const r = await pool().query<{ currency: string; first_day: string; last_day: string; days: number }>(
    "SELECT currency, min(day)::text AS first_day, max(day)::text AS last_day, count(*)::int AS days FROM exchange_rates GROUP BY currency ORDER BY currency",
  );
  return r.rows.map((x) => ({ currency: x.currency, firstDay: x.first_day, lastDay: x.last_day, days: x.days }));
}
