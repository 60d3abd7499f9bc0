"use client";
import type { MonthlyReport } from "@/lib/reports/report-schema";
import { WaterfallChart } from "@/components/charts/waterfall-chart";
import { signedUsd } from "@/lib/change/waterfall-steps";
import { signedMoney } from "@/lib/ui/money";
import { changeFieldsOf } from "@/lib/reports/report-display";

const usdSgn = (s: string) => signedUsd({ kind: "up", amountUsd: s });
/** "2026-10" -> "Oct 2026". */
const monthLabel = (m: string) => new Date(`${m}-01T00:00:00Z`).toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** Why the month's spend changed vs the previous month: waterfall of the five parts, then the same per team. */
export function ReportChange({ r }: { r: MonthlyReport }) {
  // In the reporting currency when both months converted; else USD, said so (and why).
  const local = r.currency !== "USD" && r.change.totals.inCurrency ? r.currency : null;
  const c = local && r.change.totals.inCurrency ? changeFieldsOf(r.change.totals.inCurrency) : r.change.totals;
  const byTeam = r.change.byTeam.map((t) => ({ ...t, ...(local && t.inCurrency ? changeFieldsOf(t.inCurrency) : {}) }));
  const sgn = local ? (s: string) => signedMoney(s, local) : r.currency !== "USD" ? (s: string) => `${usdSgn(s)} USD` : usdSgn;
  return (
    <section className="card rp-section" aria-label="Why spend changed" data-testid="report-change">
      <h2>Why spend changed{local ? ` (${local})` : r.currency !== "USD" ? " (USD)" : ""}</h2>
      <p className="rp-hint">
        {r.from} to {r.to} vs {r.previous.from} to {r.previous.to}. Order of effects: volume, model mix, tokens per call, cache share, unit prices; the parts add up
        exactly to the change.{local && ` Each day's cost at its ${local} rate, so a rate move shows under unit prices.`}
        {r.currency !== "USD" && !local && r.change.currencyNote && ` In USD: ${r.change.currencyNote}.`}
      </p>
      <p className="change-explanation">{c.explanation}</p>
      <WaterfallChart change={c} labels={{ base: r.complete ? monthLabel(r.previous.month) : `${monthLabel(r.previous.month)} to day ${r.previous.to.slice(8)}`, current: monthLabel(r.month) }} height={260} currency={local ?? "USD"} />
      {byTeam.length > 0 && (
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr><th>Team</th><th className="num">Change</th><th className="num">Volume</th><th className="num">Model mix</th><th className="num">Tokens per call</th><th className="num">Cache share</th><th className="num">Unit prices</th></tr>
            </thead>
            <tbody>
              {byTeam.map((t) => (
                <tr key={t.key} title={t.explanation}>
                  <td>{t.label}</td>
                  <td className="num"><b>{sgn(t.changeUsd)}</b></td>
                  <td className="num">{sgn(t.parts.volumeUsd)}</td>
                  <td className="num">{sgn(t.parts.mixUsd)}</td>
                  <td className="num">{sgn(t.parts.tokensUsd)}</td>
                  <td className="num">{sgn(t.parts.cacheUsd)}</td>
                  <td className="num">{sgn(t.parts.priceUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
