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

export interface DemoIncidents {
  runaway: RunawayIncident;
  modelSwitch: ModelSwitchIncident;
}

export const RUNAWAY_WORKLOAD = "sre-agent";
export const SWITCH_WORKLOAD = "call-summaries";

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
  };
}
