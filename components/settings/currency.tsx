"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiJson } from "./api";
import { PendingButton } from "@/components/ui/pending-button";
import { Spinner } from "@/components/ui/spinner";

interface Status {
  reportingCurrency: string;
  rates: { currency: string; firstDay: string; lastDay: string; days: number }[];
}
interface ImportResult {
  stored: number;
  days: number;
  currencies: string[];
  notAvailable: number;
}

/**
 * Settings → Currency: the reporting currency of reports and FOCUS, and its dated exchange rates (units per 1 USD),
 * entered one at a time or imported from the ECB reference-rate CSV. A charge converts at the last rate on or
 * before its day; a month with a day before the first rate says so instead of guessing.
 */
export default function CurrencySection() {
  const qc = useQueryClient();
  const status = useQuery({ queryKey: ["currency"], queryFn: () => apiJson<Status>("/api/v1/currency") });
  const [code, setCode] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ["currency"] });
  const save = useMutation({
    mutationFn: (reportingCurrency: string) => apiJson<Status>("/api/v1/currency", { method: "PUT", body: { reportingCurrency } }),
    onSuccess: (s) => { setMessage(`Pages, reports and FOCUS exports are now in ${s.reportingCurrency}.`); void refresh(); },
  });
  const enter = useMutation({
    mutationFn: (entry: RateEntry) => apiJson<ImportResult>("/api/v1/exchange-rates", { method: "POST", body: { rates: [entry] } }),
    onSuccess: (_, entry) => { setMessage(`Saved 1 ${entry.currency} = ${entry.unitsPerUsd} per USD from ${entry.day}.`); void refresh(); },
  });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const res = await fetch("/api/v1/exchange-rates", { method: "POST", headers: { "content-type": "text/csv" }, body: await file.text() });
      const data = await res.json();
      if (!res.ok) throw new Error(data?.error?.message ?? `Import failed (${res.status})`);
      return data as ImportResult;
    },
    onSuccess: (r) => {
      setMessage(`Imported ${r.stored.toLocaleString("en-US")} rates over ${r.days} days for ${r.currencies.join(", ")}${r.notAvailable ? ` (${r.notAvailable} cells marked N/A had no rate)` : ""}.`);
      void refresh();
    },
  });
  const error = save.error ?? enter.error ?? upload.error;
  const current = status.data?.reportingCurrency ?? "USD";

  return (
    <div className="grid">
      <section className="card" aria-labelledby="currency-title">
        <h2 id="currency-title">Reporting currency</h2>
        <p className="muted" style={{ marginTop: 0 }}>
          Providers price in USD. The Overview, Teams and explorer pages, budgets, monthly reports and team statements (pages and PDF), CSV and the FOCUS
          export (BillingCurrency) can show another currency: each day converts at the last rate on or before it; figures not converted say &quot;USD&quot;. Currently: <b data-testid="reporting-currency">{current}</b>.
        </p>
        <form className="toolbar" onSubmit={(e) => { e.preventDefault(); save.mutate(code.trim().toUpperCase()); }}>
          <label>
            Currency <input value={code} onChange={(e) => setCode(e.target.value)} placeholder={current} maxLength={3} size={5} aria-label="Reporting currency code" />
          </label>
          <PendingButton type="submit" className="btn primary" disabled={!code.trim()} pending={save.isPending} pendingLabel="Saving…">Use this currency</PendingButton>
        </form>
        {message && <p role="status">{message}</p>}
        {error && <p className="error-box">{error.message}</p>}
      </section>
      <section className="card" aria-labelledby="rates-title">
        <h2 id="rates-title">Exchange rates</h2>
        <div className="toolbar">
          {/* A file picker label, not a button: while the import runs it says so and takes no new file. */}
          <label className="btn" aria-busy={upload.isPending} aria-disabled={upload.isPending || undefined}>
            {upload.isPending ? <><Spinner />Importing…</> : "Import ECB CSV"}
            <input type="file" accept=".csv,text/csv" hidden disabled={upload.isPending} onChange={(e) => e.target.files?.[0] && upload.mutate(e.target.files[0])} />
          </label>
          <span className="muted">eurofxref-hist.csv or eurofxref.csv from the ECB (rates per EUR, crossed into rates per USD).</span>
        </div>
        {/* Uncontrolled inputs read at submit: a value typed before hydration is not lost, and `required` lets the
            browser name an empty field. */}
        <form className="toolbar" onSubmit={(e) => { e.preventDefault(); enter.mutate(rateEntry(new FormData(e.currentTarget))); }}>
          <input type="date" name="day" required aria-label="From day" />
          <input name="currency" required onChange={(e) => { e.target.value = e.target.value.toUpperCase(); }} placeholder="EUR" maxLength={3} size={5} aria-label="Currency" />
          <input name="unitsPerUsd" required inputMode="decimal" placeholder="0.9234" size={10} aria-label="Units per USD" />
          <PendingButton type="submit" className="btn" pending={enter.isPending} pendingLabel="Saving…">Enter a rate</PendingButton>
        </form>
        <table className="data">
          <thead><tr><th>Currency</th><th>First day</th><th>Last day</th><th className="num">Days with a rate</th></tr></thead>
          <tbody>
            {(status.data?.rates ?? []).map((r) => (
              <tr key={r.currency}><td>{r.currency}</td><td>{r.firstDay}</td><td>{r.lastDay}</td><td className="num">{r.days}</td></tr>
            ))}
            {status.data && status.data.rates.length === 0 && <tr><td colSpan={4} className="muted">No rates yet: only USD can be reported.</td></tr>}
          </tbody>
        </table>
      </section>
    </div>
  );
}

interface RateEntry { day: string; currency: string; unitsPerUsd: string }

function rateEntry(form: FormData): RateEntry {
  const field = (name: string) => String(form.get(name) ?? "").trim();
  return { day: field("day"), currency: field("currency").toUpperCase(), unitsPerUsd: field("unitsPerUsd") };
}
