"use client";
import type { WhatIfResponse } from "@/lib/whatif/response";
import type { WhatIfOptions } from "@/lib/whatif/server/options";
import type { Definition } from "./definition";
import { DailyChart } from "./daily-chart";
import { TeamBreakdown, WorkloadBreakdown } from "./breakdown-tables";
import { ResultKpis } from "./result-kpis";

/** A scenario's answer: headline, KPIs with the range, daily chart, per team and per workload with quality. */
export function ScenarioResult({ r, definition, options }: { r: WhatIfResponse; definition: Definition; options: WhatIfOptions | undefined }) {
  return (
    <div className="wi-result" data-testid="whatif-result">
      <ResultKpis r={r} />
      {r.warnings.length > 0 && (
        <div className="notice wi-warnings">
          {r.warnings.map((w) => (
            <div key={w}>{w}</div>
          ))}
        </div>
      )}
      <div className="grid wi-two">
        <section className="card" aria-label="Daily cost">
          <h2>Daily cost: baseline vs scenario</h2>
          <DailyChart daily={r.daily} />
        </section>
        <TeamBreakdown r={r} options={options} />
      </div>
      <WorkloadBreakdown r={r} definition={definition} options={options} />
      <details className="card wi-check">
        <summary>How this was computed (for engineers)</summary>
        <ul>
          <li>
            Every selected call is re-priced at its day&apos;s price with its own token counts (tiered prices per call), from the
            usage_shape_daily roll-up (calls bucketed by input size); unselected calls keep their recorded cost.
          </li>
          <li>The range applies a tokenizer band of ×0.9–×1.1 to token counts on any model other than the one that produced them.</li>
          <li>Escalation by rate adds rate × the same calls on the escalation model with the token share; replay takes the rate and quality task by task from the linked eval set.</li>
          <li>Monthly = window saving × 30.4375 / {r.windowDays} days; annual = monthly × 12. Full arithmetic: lib/whatif/README.md.</li>
        </ul>
        <pre className="code">{`curl -X POST /api/v1/whatif -H 'content-type: application/json' -d '${JSON.stringify(definition)}'`}</pre>
      </details>
    </div>
  );
}
