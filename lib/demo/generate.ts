/**
 * Deterministic demo usage: `events` calls of the demo company (company.ts) over `days` UTC days ending at endDate.
 *
 * Pure and streaming: a generator that holds only per-cell counts (days x 24 x streams), never the events, so
 * 10M+ events load with flat memory. Same options -> identical events (all randomness comes from `seed`).
 * Events come out in time order: day by day, hour by hour, with the streams interleaved within each hour.
 */
import type { UsageEvent } from "@/lib/ingest/usage-event";
import { demoIncidents } from "./incidents";
import { Rng } from "./rng";
import { sampleEvent } from "./sample-event";
import { DemoRuns } from "./runs";
import { HOUR_MS, demoWindow } from "./schedule";
import { buildStreams } from "./streams";
import { apportion, cellWeights } from "./volume";

export { demoTeams, demoWorkloads, demoUnattributedSources, UNATTRIBUTED_SHARE } from "./company";
export { demoIncidents } from "./incidents";

export interface DemoOptions {
  /** Exact number of events to produce. */
  events: number;
  /** Whole UTC days in the window (the last one may be partial, see schedule.ts demoWindow). */
  days: number;
  /** Exclusive end of the window: every event is before it. */
  endDate: Date;
  /** Default DEFAULT_DEMO_SEED. Also part of every externalId, so two seeds never collide on load. */
  seed?: number;
}

export const DEFAULT_DEMO_SEED = 42;
/** Ten years: the per-cell arrays stay small (~2.6M numbers). */
const MAX_DAYS = 3660;

export function generateDemoEvents(options: DemoOptions): Generator<UsageEvent, void, undefined> {
  const { events, days, endDate } = options;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  // Validate here, eagerly: a generator body would only run (and throw) on the first next().
  if (!Number.isSafeInteger(events) || events < 0) throw new RangeError(`events must be a non-negative integer, got ${events}`);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw new RangeError(`days must be an integer 1..${MAX_DAYS}, got ${days}`);
  if (!(endDate instanceof Date) || Number.isNaN(endDate.getTime())) throw new RangeError("endDate must be a valid Date");
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);

  const window = demoWindow(endDate, days);
  const incidents = demoIncidents(endDate, days);
  const streams = buildStreams(incidents);
  // Volumes and per-event draws use separate generators, so changing how events are drawn keeps the volumes.
  const volumeRng = new Rng((seed ^ 0x5bd1e995) >>> 0);
  const counts = apportion(cellWeights(streams, window, incidents, volumeRng), events, volumeRng.next());
  return emit(streams, counts, window.startMs, window.endMs, days, new Rng(seed), `demo-${seed}-`, new DemoRuns(seed, `demo-${seed}-`));
}

function* emit(
  streams: ReturnType<typeof buildStreams>,
  counts: Uint32Array,
  startMs: number,
  endMs: number,
  days: number,
  rng: Rng,
  idPrefix: string,
  runs: DemoRuns,
): Generator<UsageEvent, void, undefined> {
  const S = streams.length;
  const remaining = new Uint32Array(S);
  let n = 0;
  for (let d = 0; d < days; d++) {
    const mixes = streams.map((s) => (d >= s.switchDay ? s.switchMix : s.mix));
    for (let h = 0; h < 24; h++) {
      const cell = (d * 24 + h) * S;
      let total = 0;
      for (let s = 0; s < S; s++) total += remaining[s] = counts[cell + s];
      if (total === 0) continue;
      const hourStart = startMs + (d * 24 + h) * HOUR_MS;
      const span = Math.min(HOUR_MS, endMs - hourStart);
      const N = total;
      for (let i = 0; i < N; i++) {
        // Which stream: drawn in proportion to what each has left this hour (sampling without replacement), so
        // the streams interleave yet each gets exactly its count.
        let r = Math.floor(rng.next() * total);
        let s = 0;
        while (r >= remaining[s]) r -= remaining[s++];
        remaining[s]--;
        total--;
        // Stratified times: the i-th event lands in the i-th of N equal slices of the hour, so times increase.
        const at = hourStart + Math.floor(((i + rng.next()) / N) * span);
        const event = sampleEvent(streams[s], mixes[s], rng, at, idPrefix + n++);
        runs.attach(event);
        yield event;
      }
    }
  }
}
