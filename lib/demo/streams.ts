/**
 * Compiles the company's workloads and unattributed sources into flat runtime "streams": everything the hot loop
 * needs precomputed (lognormal mu, cumulative model weights, user list), so sampling an event does no lookups.
 */
import { demoTeams, demoUnattributedSources, demoWorkloads } from "./company";
import type { DemoIncidents } from "./incidents";
import { demoModel, type DemoModel } from "./models";
import { lognormalMu } from "./rng";
import type { StreamSpec } from "./types";

export interface ModelMix {
  models: DemoModel[];
  /** Cumulative weights normalised to end at 1. */
  cumulative: Float64Array;
}

export interface Stream {
  spec: StreamSpec;
  team: string | null;
  workload: string | null;
  mix: ModelMix;
  /** Mix from `switchDay` on (the model-switch incident, or the rollout); same as `mix` otherwise. */
  switchMix: ModelMix;
  switchDay: number;
  inMu: number;
  inSigma: number;
  outMu: number;
  outSigma: number;
  /** NaN when the stream does not reason. */
  reasonMu: number;
  reasonSigma: number;
  cacheHitRate: number;
  cacheShare: number;
  batchShare: number;
  users: readonly string[] | null;
  serviceName: string;
  sourceKey: string;
  environment: string;
  unattributed: boolean;
}

function compileMix(shares: { model: string; weight: number }[]): ModelMix {
  const total = shares.reduce((s, m) => s + m.weight, 0);
  const cumulative = new Float64Array(shares.length);
  let acc = 0;
  shares.forEach((m, i) => (cumulative[i] = acc += m.weight / total));
  cumulative[shares.length - 1] = 1; // guard against float drift leaving a gap above the last model
  return { models: shares.map((m) => demoModel(m.model)), cumulative };
}

function compile(spec: StreamSpec, team: string | null, workload: string | null, users: string[] | null): Stream {
  const mix = compileMix(spec.models);
  return {
    spec,
    team,
    workload,
    mix,
    switchMix: mix,
    switchDay: Number.POSITIVE_INFINITY,
    inMu: lognormalMu(spec.input.mean, spec.input.sigma),
    inSigma: spec.input.sigma,
    outMu: lognormalMu(spec.output.mean, spec.output.sigma),
    outSigma: spec.output.sigma,
    reasonMu: spec.reasoning ? lognormalMu(spec.reasoning.mean, spec.reasoning.sigma) : Number.NaN,
    reasonSigma: spec.reasoning?.sigma ?? 0,
    cacheHitRate: spec.cache?.hitRate ?? 0,
    cacheShare: spec.cache?.share ?? 0,
    batchShare: spec.batchShare ?? 0,
    users,
    serviceName: spec.serviceName,
    sourceKey: spec.sourceKey,
    environment: spec.environment,
    unattributed: workload === null,
  };
}

/** Workload streams first (company order), then unattributed sources. */
export function buildStreams(incidents: DemoIncidents): Stream[] {
  const usersByTeam = new Map(demoTeams().map((t) => [t.slug, t.users]));
  const streams = demoWorkloads().map((w) => {
    const s = compile(w, w.team, w.slug, w.users ? (usersByTeam.get(w.team) ?? null) : null);
    if (w.slug === incidents.modelSwitch.workload) {
      s.switchMix = compileMix([{ model: incidents.modelSwitch.model, weight: 1 }]);
      s.switchDay = incidents.modelSwitch.fromDay;
    }
    if (w.slug === incidents.rollout.workload) {
      s.switchMix = compileMix(incidents.rollout.mix);
      s.switchDay = incidents.rollout.fromDay;
    }
    return s;
  });
  for (const u of demoUnattributedSources()) streams.push(compile(u, null, null, null));
  return streams;
}
