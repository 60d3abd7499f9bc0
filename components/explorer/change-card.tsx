"use client";
import { useQuery } from "@tanstack/react-query";
import { WaterfallChart } from "@/components/charts/waterfall-chart";
import { shortDate } from "./format";
import { monthEnd, monthStart } from "@/lib/analytics/dates";
import { changeQuery } from "./api-client";
import { ErrorBox, Loading } from "./query-state";
import { changeFieldsOf } from "@/lib/reports/report-display";

/** "Nov 2026" for a whole month, "Nov 1 – Nov 15" otherwise. */
export function period(from: string, to: string): string {
  if (from === monthStart(from) && to === monthEnd(from)) return shortDate(from.slice(0, 7));
  return from === to ? shortDate(from) : `${shortDate(from)} – ${shortDate(to)}`;
}

/**
 * "Why spend changed": the range against the same days a month earlier, as a waterfall of volume, model mix,
 * tokens per call, cache share and unit prices, with the sentence that says it in words.
 */
export function ChangeCard({ filters, note }: { filters: { from: string; to: string; team?: string | null; workload?: string | null }; note?: string }) {
  const change = useQuery(changeQuery({ groupBy: "org", ...filters }));
  const d = change.data;
  // In the reporting currency when the API converted it (inCurrency; its parts also sum exactly to the change).
  const ic = d && d.currency !== "USD" ? d.totals.inCurrency : null;
  return (
    <div className="card" data-testid="change-card">
      <div className="card-head">
        <h2>Why spend changed</h2>
        {d && <span className="hint">{period(d.from, d.to)} vs {period(d.vsFrom, d.vsTo)} · parts add up exactly to the change</span>}
      </div>
      {change.error ? (
        <ErrorBox error={change.error} />
      ) : !d ? (
        <Loading height={280} label="Loading the change" />
      ) : (
        <>
          <p className="change-explanation" data-currency={ic ? d.currency : "USD"}>{ic ? ic.explanation : d.totals.explanation}</p>
          {note && <p className="hint muted" style={{ fontSize: 12, margin: "0 0 6px" }}>{note}</p>}
          {ic && <p className="hint muted" style={{ fontSize: 12, margin: "0 0 6px" }}>In {d.currency}: each day&apos;s spend at that day&apos;s rate (the last on or before it), so a rate move shows under unit prices.</p>}
          <WaterfallChart change={ic ? changeFieldsOf(ic) : d.totals} currency={ic ? d.currency : "USD"} labels={{ base: period(d.vsFrom, d.vsTo), current: period(d.from, d.to) }} />
          <p className="hint muted" style={{ fontSize: 12, margin: "6px 0 0" }}>
            Order of effects: volume (calls), then model mix, tokens per call, cache share, and last unit prices (current usage at the base period&apos;s prices vs what it cost).
          </p>
        </>
      )}
    </div>
  );
}
