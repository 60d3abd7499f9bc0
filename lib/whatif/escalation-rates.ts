/**
 * The escalation rate each selected group uses: the rule's rate, or in replay mode the share of the cheap model's
 * failures on the eval set linked to the group's workload (replayed once per rule, workload and cheap model).
 * A replay rate is held in parts per million like every other share (exact for task counts dividing 1e6).
 */
import { evalLabel, evalModelFor, refKey } from "./eval-models";
import type { Levers } from "./levers";
import { pairOutcomes, replayEscalation, ReplayError, type ReplaySummary } from "./replay";
import type { CallGroup, ModelRef, WorkloadInfo } from "./types";

export type RateOutcome = { ok: true; ratePpm: bigint; replay: ReplaySummary | null } | { ok: false; message: string };

export class EscalationRates {
  private readonly cache = new Map<string, RateOutcome>();

  constructor(
    private readonly levers: readonly Levers[],
    private readonly workloads: ReadonlyMap<string, WorkloadInfo>,
  ) {}

  forGroup(ruleIndex: number, g: CallGroup): RateOutcome {
    return this.forWorkload(ruleIndex, g.workloadSlug, this.levers[ruleIndex].reroute ?? { provider: g.provider, model: g.model });
  }

  forWorkload(ruleIndex: number, workload: string | null, cheapModel: ModelRef): RateOutcome {
    const e = this.levers[ruleIndex].escalation;
    if (!e) return { ok: true, ratePpm: 0n, replay: null };
    if (e.mode === "rate") return { ok: true, ratePpm: e.ratePpm ?? 0n, replay: null };
    const key = `${ruleIndex}\u0000${workload}\u0000${refKey(cheapModel)}`;
    let out = this.cache.get(key);
    if (!out) this.cache.set(key, (out = this.replay(ruleIndex, workload, cheapModel)));
    return out;
  }

  private replay(ruleIndex: number, workload: string | null, cheapModel: ModelRef): RateOutcome {
    const e = this.levers[ruleIndex].escalation!;
    const evalSet = workload === null ? null : this.workloads.get(workload)?.evalSet;
    const { outcomes } = evalSet
      ? pairOutcomes(evalSet.results, evalModelFor(evalSet, cheapModel), evalModelFor(evalSet, e.target))
      : { outcomes: [] };
    if (outcomes.length > 0) {
      let replay: ReplaySummary;
      try {
        replay = replayEscalation(outcomes, e.detector);
      } catch (err) {
        if (!(err instanceof ReplayError)) throw err;
        return { ok: false, message: `rule ${ruleIndex + 1}: detector from the judge column: ${err.message} (eval set "${evalSet!.name}", ${evalLabel(evalSet!, cheapModel)})` };
      }
      // Rate to the millionth, rounded half up: exactly for counted escalations, in floating point for expected
      // (fractional) counts from a modelled detector.
      const ratePpm = Number.isInteger(replay.escalations)
        ? (BigInt(replay.escalations) * 2_000_000n + BigInt(replay.tasks)) / (2n * BigInt(replay.tasks))
        : BigInt(Math.round((replay.escalations * 1e6) / replay.tasks));
      return { ok: true, ratePpm, replay };
    }
    if (e.ratePpm !== null) return { ok: true, ratePpm: e.ratePpm, replay: null };
    const who = workload === null ? "unattributed traffic" : `workload "${workload}"`;
    return {
      ok: false,
      message:
        `rule ${ruleIndex + 1}: escalation replay needs an eval set linked to ${who} with results for both ` +
        `${evalSet ? evalLabel(evalSet, cheapModel) : cheapModel.model} and ${evalSet ? evalLabel(evalSet, e.target) : e.target.model} ` +
        (evalSet ? `(map eval models to them on the workload's eval set link, or give a fallback rate)` : "(or a fallback rate)"),
    };
  }
}
