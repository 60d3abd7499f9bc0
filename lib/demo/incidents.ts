/**
 * The anomalies planted in the demo data, placed relative to the window so any --days/--end-date shows them.
 * Exported so the demo loader can point users at them and tests can find them.
 */
import { DAY_MS, HOUR_MS, demoWindow, isWeekend } from "./schedule";

export interface RunawayIncident {
  workload: string;
  /** Day index in the window (0 = first day). */
  day: number;
  startHourUtc: number;
  hours: number;
  /** Volume multiplier during those hours. */
  multiplier: number;
  startsAt: Date;
  endsAt: Date;
}

export interface ModelSwitchIncident {
  workload: string;
  /** First day index on the new model (inclusive, to the end of the window). */
  fromDay: number;
  provider: string;
  model: string;
  startsAt: Date;
}

/** A rightsizing change the demo company rolled out (and recorded in Rightsize): the "closed loop" example. */
export interface RolloutIncident {
  workload: string;
  /** First day index on the new mix (inclusive, to the end of the window). */
  fromDay: number;
  /** The new mix: the cheap model, and the old model now taking only escalations. */
  mix: { model: string; weight: number }[];
  target: { provider: string; model: string };
  escalation: { provider: string; model: string; rate: number };
  startsAt: Date;
}

export interface DemoIncidents {
  runaway: RunawayIncident;
  modelSwitch: ModelSwitchIncident;
  rollout: RolloutIncident;
}

export const RUNAWAY_WORKLOAD = "sre-agent";
export const SWITCH_WORKLOAD = "call-summaries";
export const ROLLOUT_WORKLOAD = "ticket-triage";

export function demoIncidents(endDate: Date, days: number): DemoIncidents {
  const w = demoWindow(endDate, days);
  // ~60% through the window, never on the (possibly partial) last day, moved back to a weekday when possible:
  // a weekday spike is what a team would notice on Monday's dashboard.
  let day = Math.min(Math.round(days * 0.6), Math.max(0, days - 2));
  for (let back = 0; back < 2 && day > 0 && isWeekend(w.startMs + day * DAY_MS); back++) day--;
  const startHourUtc = 13;
  const hours = 6;
  const runawayStart = w.startMs + day * DAY_MS + startHourUtc * HOUR_MS;

  const fromDay = Math.max(0, days - 10);
  // Three weeks of after-traffic when the window allows, and at least 14 days before it (the counterfactual's mix).
  const rolloutDay = Math.max(Math.min(14, days - 1), days - 21);
  return {
    runaway: {
      workload: RUNAWAY_WORKLOAD,
      day,
      startHourUtc,
      hours,
      multiplier: 9,
      startsAt: new Date(runawayStart),
      endsAt: new Date(runawayStart + hours * HOUR_MS),
    },
    modelSwitch: {
      workload: SWITCH_WORKLOAD,
      fromDay,
      provider: "anthropic",
      model: "claude-sonnet-4-5",
      startsAt: new Date(w.startMs + fromDay * DAY_MS),
    },
    rollout: {
      workload: ROLLOUT_WORKLOAD,
      fromDay: rolloutDay,
      // 88% on gpt-5-nano, 12% escalated to gpt-5: a bit more than the 10% the scenario assumed, as in real life.
      mix: [
        { model: "gpt-5-nano", weight: 88 },
        { model: "gpt-5", weight: 12 },
      ],
      target: { provider: "openai", model: "gpt-5-nano" },
      escalation: { provider: "openai", model: "gpt-5", rate: 0.1 },
      startsAt: new Date(w.startMs + rolloutDay * DAY_MS),
    },
  };
}
