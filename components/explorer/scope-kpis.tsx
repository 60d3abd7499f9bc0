import type { OverviewResponse } from "@/lib/analytics/overview-query";
import { KpiCard, Delta } from "./kpi-card";
import { compact, count, pct, spendText, usdUnit } from "./format";
import { moneyOr, usdIn } from "@/lib/ui/money";
import { changeShareOf } from "@/lib/reports/report-display";
import { ShareBar } from "@/components/charts/share-bar";

/** KPIs of one team or workload: the range vs the previous period, this month's pace, unit costs and tier mix. */
export function ScopeKpis({ data, extra }: { data: OverviewResponse; extra?: React.ReactNode }) {
  const r = data.range;
  const m = data.month;
  const frontier = data.tiers.find((t) => t.tier === "frontier");
  const code = data.currency.code;
  const usd = (v: string | number) => usdIn(v, code);
  // The month's pace in the reporting currency when every day of its history converted; else USD, labelled.
  const lp = m.inCurrency ?? null;
  const pace = (u: string, c: string | null | undefined) => (lp ? moneyOr(u, c, code) : usd(u));
  const mtdChange = lp && lp.lastMonthToSameDay !== null ? changeShareOf(lp.monthToDate, lp.lastMonthToSameDay) : m.changeShare;
  const unitSuffix = code !== "USD" ? " USD" : "";
  return (
    <>
      <div className="grid kpis four">
        <KpiCard testId="kpi-range-spend" label="Spend in range" value={spendText(r, data.currency.code)} sub={<><Delta value={r.changeShare} suffix={data.previous.label} testId="range-change" />{r.cost !== undefined && <div className="muted">{data.currency.code}, each day at its rate · {usd(r.costUsd)}</div>}</>} />
        <KpiCard label="Month to date" value={pace(m.monthToDateUsd, lp?.monthToDate)} sub={<>projected {pace(m.projectedUsd, lp?.projected)} by month end<br /><Delta value={mtdChange} suffix={m.comparisonLabel} testId="mtd-change" /></>} />
        <KpiCard label="Calls" value={count(r.requests)} sub={`${usdUnit(r.costPer1kCallsUsd)}${unitSuffix} per 1k calls · ${usdUnit(r.pricePerMtokUsd)}${unitSuffix} per M tokens`} />
        {extra ?? (
          <KpiCard label="Frontier share" value={pct(frontier?.spendShare ?? 0)} sub={`of spend · ${pct(frontier?.callShare ?? 0)} of calls · ${pct(r.cacheHitShare)} of input cached (${compact(r.cachedInputTokens)})`} />
        )}
      </div>
      {data.tiers.length > 0 && (
        <div className="card" style={{ marginBottom: 14 }}>
          <div className="card-head">
            <h2>Tier mix</h2>
            <span className="hint">share of spend per model tier</span>
          </div>
          <ShareBar segments={data.tiers.map((t) => ({ key: t.tier, label: t.tier, value: Number(code !== "USD" && t.cost !== undefined ? t.cost : t.costUsd) }))} format={(v) => (code !== "USD" && data.tiers.every((t) => t.cost !== undefined) ? moneyOr(v, v, code) : usd(v))} />
        </div>
      )}
    </>
  );
}
