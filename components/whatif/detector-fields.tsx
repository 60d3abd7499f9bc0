"use client";
import type { Rule } from "./definition";
import { PercentInput } from "./percent-input";

type Escalation = NonNullable<Rule["escalation"]>;
type Detector = Escalation["detector"];

/**
 * Replay's escalation detector: which of the cheap model's answers escalate. "perfect" escalates exactly its
 * failures (the upper bound, shown labelled as such); "set" takes the recall and false-escalation rate you expect
 * from your judge or validator; "judge" measures both from the eval file's judge_flagged column.
 */
export function DetectorFields({ detector, onChange }: { detector: Detector; onChange: (d: Detector) => void }) {
  const mode = !detector ? "perfect" : "fromJudge" in detector ? "judge" : "set";
  return (
    <>
      <label className="field">
        Escalation detector
        <select
          value={mode}
          data-testid="detector-mode"
          onChange={(e) => {
            const m = e.target.value;
            onChange(m === "perfect" ? undefined : m === "judge" ? { fromJudge: true } : { recall: 0.8, falseEscalationRate: 0.1 });
          }}
        >
          <option value="set">modelled: recall and false escalations</option>
          <option value="judge">measured from the eval file&apos;s judge column</option>
          <option value="perfect">perfect (upper bound only)</option>
        </select>
      </label>
      {detector && "recall" in detector && (
        <>
          <PercentInput label="Detector recall (failures caught, %)" value={detector.recall} onChange={(v) => onChange({ ...detector, recall: v ?? 0 })} />
          <PercentInput
            label="False escalations (passes escalated, %)"
            value={detector.falseEscalationRate}
            onChange={(v) => onChange({ ...detector, falseEscalationRate: v ?? 0 })}
          />
        </>
      )}
    </>
  );
}
