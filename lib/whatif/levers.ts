/** A rule's levers in the exact form the engine computes with (shares in parts per million). */
import { PPM, toPpm } from "./ratio";
import type { WhatIfRule } from "./schema";
import type { DetectorSpec } from "./replay";
import type { ModelRef } from "./types";

export interface Levers {
  reroute: ModelRef | null;
  escalation: { target: ModelRef; mode: "rate" | "replay"; ratePpm: bigint | null; tokenSharePpm: bigint; detector: DetectorSpec } | null;
  batchPpm: bigint;
  cachedShare: number | null;
  outputFactorPpm: bigint;
}

/** Tokenizer uncertainty: token counts on another model's tokenizer may differ; default +-10%. */
export interface Band {
  lowPpm: bigint;
  highPpm: bigint;
}

export const DEFAULT_BAND: Band = { lowPpm: 900_000n, highPpm: 1_100_000n };

export function leversOf(rule: WhatIfRule): Levers {
  const e = rule.escalation;
  return {
    reroute: rule.reroute ? { provider: rule.reroute.provider, model: rule.reroute.model } : null,
    escalation: e
      ? {
          target: { provider: e.provider, model: e.model },
          mode: e.mode,
          ratePpm: e.rate === undefined ? null : toPpm(e.rate),
          tokenSharePpm: toPpm(e.tokenShare),
          detector: !e.detector
            ? { source: "perfect" }
            : "fromJudge" in e.detector
              ? { source: "judge" }
              : { source: "set", recall: e.detector.recall, falseEscalationRate: e.detector.falseEscalationRate },
        }
      : null,
    batchPpm: toPpm(rule.batchShare),
    cachedShare: rule.cachedShare,
    outputFactorPpm: rule.outputFactor === 1 ? PPM : toPpm(rule.outputFactor),
  };
}

export function sameRef(a: ModelRef, b: ModelRef): boolean {
  return a.provider === b.provider && a.model === b.model;
}
