import type { OverviewResponse } from "@/lib/analytics/overview-query";
import { KpiCard, Delta } from "../kpi-card";
import { compact, count, pct, shortDate, spendText, usd, usdUnit } from "../format";
import { moneyOr, usdIn } from "@/lib/ui/money";
import { changeShareOf } from "@/lib/reports/report-display";
import { ShareBar } from "@/components/charts/share-bar";

/** Two rows of KPIs: the month's pace (always the current UTC month), then the selected range. */
export function OverviewKpis({ data }: { data: OverviewResponse }) {
  const m = data.month;
  const r = data.range;
  const frontier = data.tiers.find((t) => t.tier === "frontier");
  const none = r.requests === 0 && r.costUsd === "0.00";
  // The month's pace in the reporting currency when every day of its history converted; else USD, labelled.
  const code = data.currency.code;
  const lp = m.inCurrency ?? null;
  const paceMoney = (usdValue: string, converted: string | null | undefined) => (lp ? moneyOr(usdValue, converted, code) : usdIn(usdValue, code));
  const mtdChange = lp && lp.lastMonthToSameDay !== null ? changeShareOf(lp.monthToDate, lp.lastMonthToSameDay) : m.changeShare;
  return (
    <>
      <div className="grid kpis four" data-testid="kpis-month">
        <KpiCard
          testId="kpi-mtd"
          label="Month to date"
          value={paceMoney(m.monthToDateUsd, lp?.monthToDate)}
          hint={m.currencyNote ? `Month pace ${m.currencyNote}` : undefined}
          sub={
            <>
              <Delta value={mtdChange} suffix={m.comparisonLabel} testId="mtd-change" />
              <br />
              {paceMoney(m.lastMonthToSameDayUsd, lp?.lastMonthToSameDay)} then
            </>
          }
        />
        <KpiCard
          testId="kpi-runrate"
          label="Projected month end"
          value={paceMoney(m.projectedUsd, lp?.projected)}
          hint="Month to date plus the median spend of each remaining weekday over the last four weeks"
          sub={
            <>
              {m.daysLeft === 0 ? "last day of the month" : `${m.daysLeft} day${m.daysLeft === 1 ? "" : "s"} left · range ${paceMoney(m.projectedLowUsd, lp?.projectedLow)}–${paceMoney(m.projectedHighUsd, lp?.projectedHigh)}`}
              <br />
              last month: {paceMoney(m.lastMonthTotalUsd, lp?.lastMonthTotal)}
            </>
          }
        />
        <KpiCard
          testId="kpi-coverage"
          label="Allocation coverage"
          value={pct(data.coverage.teamShare)}
          hint="Share of spend attributed to a team (by the event, its API key or an attribution rule)"
          sub={
            none ? "no spend in the range" : <>
              {moneyOr(data.coverage.unattributedCostUsd, data.coverage.unattributedCost, code)} unattributed
              <br />
              {pct(data.coverage.workloadShare)} has a workload
            </>
          }
        />
        <KpiCard
          testId="kpi-frontier"
          label="Frontier share"
          value={none ? "—" : pct(frontier?.spendShare ?? 0)}
          hint="Share of spend, and of calls, on frontier-tier models"
          sub={
            none ? "no spend in the range" : <>
              of spend · {pct(frontier?.callShare ?? 0)} of calls
              <br />
              {moneyOr(frontier?.costUsd ?? "0", frontier?.cost, code)} on frontier models
            </>
          }
        />
      </div>
      <div className="grid kpis four" data-testid="kpis-range">
        <KpiCard
          testId="kpi-range-spend"
          label={`Spend ${shortDate(data.from)} – ${shortDate(data.to)}`}
          value={spendText(r, data.currency.code)}
          sub={<>
            <Delta value={r.changeShare} suffix={data.previous.label} testId="range-change" />
            {r.cost !== undefined && <div className="muted" data-testid="range-spend-usd">{data.currency.code}, each day at its rate · {usdIn(r.costUsd, code)}</div>}
          </>}
        />
        <KpiCard testId="kpi-calls" label="Calls" value={count(r.requests)} sub={`${compact(r.inputTokens + r.outputTokens)} tokens (${compact(r.outputTokens)} output)`} />
        <KpiCard testId="kpi-cost-per-1k" label="Cost per 1k calls" value={`${usdUnit(r.costPer1kCallsUsd)}${code !== "USD" ? " USD" : ""}`} sub={`${usdUnit(r.pricePerMtokUsd)}${code !== "USD" ? " USD" : ""} per million tokens`} />
        <KpiCard
          testId="kpi-cached"
          label="Cached-token share"
          value={pct(r.cacheHitShare)}
          hint="Input tokens read from the provider's prompt cache, as a share of all input tokens"
          sub={`${compact(r.cachedInputTokens)} of ${compact(r.inputTokens)} input tokens`}
        />
      </div>
      {data.tiers.length > 0 && (
        <div className="card" style={{ marginBottom: 14 }}>
          <div className="card-head">
            <h2>Spend by model tier</h2>
            <span className="hint">Tiers are set per model in Settings › Model tiers</span>
          </div>
          <ShareBar segments={data.tiers.map((t) => ({ key: t.tier, label: t.tier, value: Number(code !== "USD" && t.cost !== undefined ? t.cost : t.costUsd) }))} format={(v) => (code !== "USD" && data.tiers.every((t) => t.cost !== undefined) ? moneyOr(v, v, code) : usdIn(v, code))} />
        </div>
      )}
    </>
  );
}
