import type { WhatIfResponse } from "@/lib/whatif/response";
import { pct } from "./format";

type Verdict = WhatIfResponse["byWorkload"][number]["quality"];

/** Quality vs floor: red when the scenario breaks the floor, green when it holds, grey when not measured. */
export function QualityCell({ q, changed = true }: { q: Verdict; changed?: boolean }) {
  if (!changed && q.ok !== null) {
    return (
      <span className={`wi-quality ${q.ok ? "ok" : "broken"}`} title={q.evidence}>
        <span className={`badge ${q.ok ? "" : "risk"}`}>{q.ok ? "unchanged" : "below floor today"}</span> {pct(q.baseline)}{" "}
        <span className="muted">floor {pct(q.floor, 0)}</span>
      </span>
    );
  }
  if (q.ok === null) {
    return (
      <span className="badge" title={q.evidence}>
        {q.scenario === null && q.baseline === null ? "not measured" : "no result"}
      </span>
    );
  }
  return (
    <span className={`wi-quality ${q.ok ? "ok" : "broken"}`} title={q.evidence} data-testid={q.ok ? "quality-ok" : "quality-broken"}>
      <span className={`badge ${q.ok ? "ok" : "bad"}`}>{q.ok ? "holds" : "below floor"}</span>{" "}
      {pct(q.baseline)} → <b>{pct(q.scenario)}</b> <span className="muted">floor {pct(q.floor, 0)}</span>
      {q.interval && (
        <div className="muted small" data-testid="quality-interval">
          95% CI {pct(q.interval.low)}–{pct(q.interval.high)} ({q.interval.tasks} tasks)
        </div>
      )}
      {q.replay && (
        <div className="muted small" data-testid="replay-detector">
          {q.replay.detector.source === "perfect"
            ? "perfect detector: upper bound"
            : `detector ${q.replay.detector.source === "judge" ? "(judge column)" : ""} recall ${pct(q.replay.detector.recall)}, false esc. ${pct(q.replay.detector.falseEscalationRate)}; upper bound ${pct(q.replay.upperBound.quality)}`}
        </div>
      )}
    </span>
  );
}
