import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { UsageEvent } from "@/lib/ingest/usage-event";
import { DEFAULT_DEMO_SEED, demoIncidents, demoTeams, demoUnattributedSources, demoWorkloads, generateDemoEvents, type DemoOptions } from "./generate";
import { DEMO_MODELS } from "./models";

const END = new Date("2026-11-22T00:00:00Z");
const DAY = 86_400_000;

function digest(options: DemoOptions): { count: number; hash: string } {
  const h = createHash("sha256");
  let count = 0;
  for (const e of generateDemoEvents(options)) {
    count++;
    h.update(JSON.stringify(e));
  }
  return { count, hash: h.digest("hex") };
}

describe("generateDemoEvents: exactness and determinism", () => {
  it("yields exactly `events` events, for small and large counts and partial last days", () => {
    const cases: DemoOptions[] = [
      { events: 0, days: 30, endDate: END },
      { events: 1, days: 1, endDate: END },
      { events: 17, days: 90, endDate: END },
      { events: 12_345, days: 30, endDate: END },
      { events: 50_001, days: 7, endDate: new Date("2026-11-22T10:30:00Z") },
      { events: 3_000, days: 1, endDate: new Date("2026-11-22T00:00:00.001Z") },
    ];
    for (const c of cases) expect(digest(c).count, JSON.stringify(c)).toBe(c.events);
  });

  it("produces identical data for identical options, different data for another seed", () => {
    const options = { events: 20_000, days: 30, endDate: END, seed: 9 };
    const a = digest(options);
    expect(digest({ ...options, endDate: new Date(END) }).hash).toBe(a.hash);
    expect(digest({ ...options, seed: 10 }).hash).not.toBe(a.hash);
  });

  it("rejects bad options eagerly", () => {
    expect(() => generateDemoEvents({ events: -1, days: 30, endDate: END })).toThrow(/events/);
    expect(() => generateDemoEvents({ events: 1.5, days: 30, endDate: END })).toThrow(/events/);
    expect(() => generateDemoEvents({ events: 10, days: 0, endDate: END })).toThrow(/days/);
    expect(() => generateDemoEvents({ events: 10, days: 30, endDate: new Date("nope") })).toThrow(/endDate/);
    expect(() => generateDemoEvents({ events: 10, days: 30, endDate: END, seed: -3 })).toThrow(/seed/);
  });
});

describe("generateDemoEvents: every event is well formed", () => {
  const endDate = new Date("2026-11-22T10:30:00Z");
  const days = 14;
  const events = [...generateDemoEvents({ events: 40_000, days, endDate, seed: 5 })];
  const workloads = new Map(demoWorkloads().map((w) => [w.slug, w]));
  const teamUsers = new Map(demoTeams().map((t) => [t.slug, new Set(t.users)]));
  const models = new Set(DEMO_MODELS.map((m) => `${m.provider}/${m.model}`));
  const sourcesByKey = new Map(demoUnattributedSources().map((u) => [u.sourceKey, u]));

  it("stays inside the window, in time order, with deterministic unique ids", () => {
    const start = Date.UTC(2026, 10, 22) - (days - 1) * DAY;
    let prev = 0;
    events.forEach((e, n) => {
      const t = e.occurredAt.getTime();
      expect(t).toBeGreaterThanOrEqual(start);
      expect(t).toBeLessThan(endDate.getTime());
      expect(t).toBeGreaterThanOrEqual(prev);
      prev = t;
      expect(e.externalId).toBe(`demo-5-${n}`);
      expect(e.source).toBe("api");
    });
    expect(new Date(prev).toISOString() > "2026-11-22T09").toBe(true); // today so far is filled up to endDate
  });

  it("keeps token invariants and known models", () => {
    // Plain checks collected into a list: one expect per field per event would make this test slow.
    const bad: string[] = [];
    const check = (ok: boolean, what: string, e: UsageEvent) => {
      if (!ok && bad.length < 10) bad.push(`${e.externalId}: ${what}`);
    };
    for (const e of events) {
      for (const k of ["inputTokens", "cachedInputTokens", "cacheWriteTokens", "outputTokens", "reasoningTokens"] as const) {
        check(Number.isInteger(e[k]) && e[k] >= 0, `${k} = ${e[k]}`, e);
      }
      check(e.inputTokens > 0, "no input", e);
      check(e.cachedInputTokens + e.cacheWriteTokens <= e.inputTokens, "cache > input", e);
      check(e.reasoningTokens <= e.outputTokens, "reasoning > output", e);
      check(models.has(`${e.provider}/${e.model}`), `unknown model ${e.provider}/${e.model}`, e);
      check(e.requests === 1, "requests", e);
      check(e.batch ? e.latencyMs === null && e.serviceTier === "batch" : (e.latencyMs ?? 0) > 0, "latency/batch", e);
      check(e.cacheWriteTokens === 0 || e.provider === "anthropic", "cache write outside Anthropic", e);
      check(e.status === "ok" || (e.status === "error" && e.outputTokens === 0), `status ${e.status}`, e);
    }
    expect(bad).toEqual([]);
  });

  it("attributes events consistently, and leaves ~7% unattributed but claimable", () => {
    let unattributed = 0;
    for (const e of events) {
      expect(e.sourceKey).toBeTruthy();
      expect(e.tags["service.name"]).toBeTruthy();
      if (e.workload === null) {
        unattributed++;
        expect(e.team).toBeNull();
        expect(e.user).toBeNull();
        expect(e.tags).toEqual(sourcesByKey.get(e.sourceKey!)!.tags);
      } else {
        const w = workloads.get(e.workload)!;
        expect(e.team).toBe(w.team);
        expect(e.tags["service.name"]).toBe(w.serviceName);
        if (e.user !== null) expect(teamUsers.get(w.team)!.has(e.user)).toBe(true);
      }
    }
    expect(unattributed / events.length).toBeGreaterThan(0.065);
    expect(unattributed / events.length).toBeLessThan(0.075);
  });
});

describe("generateDemoEvents: the company's rhythm and incidents", () => {
  const days = 90;
  const seed = DEFAULT_DEMO_SEED;
  const incidents = demoIncidents(END, days);
  const startMs = END.getTime() - days * DAY;
  const perDay = new Float64Array(days);
  const perHourWeekday = new Float64Array(24);
  const runawayByDay = new Float64Array(days); // sre-agent events in the incident's hours, per day
  let switchedBefore = 0;
  let switchedAfter = 0;
  let otherModelAfter = 0;
  let contractOver200k = 0;
  let contractCalls = 0;
  const triage = new Map<string, number>();
  let reasoningCalls = 0;
  let batchCalls = 0;
  let codeCached = 0;
  let codeInput = 0;
  const stats = (e: UsageEvent) => {
    const t = e.occurredAt.getTime();
    const d = Math.floor((t - startMs) / DAY);
    const hour = e.occurredAt.getUTCHours();
    const dow = e.occurredAt.getUTCDay();
    perDay[d]++;
    if (dow !== 0 && dow !== 6) perHourWeekday[hour]++;
    if (e.workload === "sre-agent" && hour >= incidents.runaway.startHourUtc && hour < incidents.runaway.startHourUtc + incidents.runaway.hours)
      runawayByDay[d]++;
    if (e.workload === "call-summaries") {
      if (d < incidents.modelSwitch.fromDay && e.model === incidents.modelSwitch.model) switchedBefore++;
      if (d >= incidents.modelSwitch.fromDay) {
        if (e.model === incidents.modelSwitch.model) switchedAfter++;
        else otherModelAfter++;
      }
    }
    if (e.workload === "ticket-triage") {
      const after = d >= incidents.rollout.fromDay;
      const key = `${after ? "after" : "before"}:${e.model}`;
      triage.set(key, (triage.get(key) ?? 0) + 1);
    }
    if (e.workload === "contract-review") {
      contractCalls++;
      if (e.inputTokens > 200_000) contractOver200k++;
    }
    if (e.reasoningTokens > 0) reasoningCalls++;
    if (e.batch) batchCalls++;
    if (e.workload === "code-assistant") {
      codeCached += e.cachedInputTokens;
      codeInput += e.inputTokens;
    }
  };
  for (const e of generateDemoEvents({ events: 400_000, days, endDate: END, seed })) stats(e);
  const isWeekendDay = (d: number) => [0, 6].includes(new Date(startMs + d * DAY).getUTCDay());

  it("has weekends at ~35% of weekday volume and a business-hours peak", () => {
    let we = 0, wd = 0, nwe = 0, nwd = 0;
    for (let d = 0; d < days; d++) {
      if (d === incidents.runaway.day) continue;
      if (isWeekendDay(d)) { we += perDay[d]; nwe++; } else { wd += perDay[d]; nwd++; }
    }
    const ratio = we / nwe / (wd / nwd);
    console.log(`weekend/weekday volume: ${ratio.toFixed(3)}`);
    expect(ratio).toBeGreaterThan(0.28);
    expect(ratio).toBeLessThan(0.42);
    expect(perHourWeekday[14]).toBeGreaterThan(2.5 * perHourWeekday[22]);
  });

  it("grows about 8% a month", () => {
    // Mean weekday volume of the first and last four weeks (the runaway day left out).
    const weekdayMean = (from: number, to: number) => {
      let sum = 0, n = 0;
      for (let d = from; d < to; d++) if (!isWeekendDay(d) && d !== incidents.runaway.day) { sum += perDay[d]; n++; }
      return sum / n;
    };
    const monthly = Math.pow(weekdayMean(days - 28, days) / weekdayMean(0, 28), 30.4375 / (days - 28)) - 1;
    console.log(`month-over-month growth: ${(monthly * 100).toFixed(1)}%`);
    expect(monthly).toBeGreaterThan(0.05);
    expect(monthly).toBeLessThan(0.11);
  });

  it("plants a runaway agent loop: ~9x for six hours on one weekday", () => {
    const normal: number[] = [];
    for (let d = 0; d < days; d++) if (d !== incidents.runaway.day && !isWeekendDay(d)) normal.push(runawayByDay[d]);
    const typical = normal.reduce((a, b) => a + b, 0) / normal.length;
    const spike = runawayByDay[incidents.runaway.day] / typical;
    console.log(`runaway spike on ${incidents.runaway.startsAt.toISOString()}: ${spike.toFixed(1)}x`);
    expect(isWeekendDay(incidents.runaway.day)).toBe(false);
    expect(spike).toBeGreaterThan(6);
    expect(spike).toBeLessThan(13);
  });

  it("switches call-summaries to a pricier model for its last ten days", () => {
    expect(incidents.modelSwitch.fromDay).toBe(days - 10);
    expect(switchedBefore).toBe(0);
    expect(otherModelAfter).toBe(0);
    expect(switchedAfter).toBeGreaterThan(0);
  });

  it("rolls ticket-triage out to gpt-5-nano three weeks before the end, with ~12% escalated to gpt-5", () => {
    expect(incidents.rollout.fromDay).toBe(days - 21);
    // Before: gpt-5 85% and claude-sonnet-4-5 15% (company.ts), no nano. After: only nano (88%) and gpt-5 (12%).
    expect(triage.get("before:gpt-5-nano")).toBeUndefined();
    expect(triage.get("after:claude-sonnet-4-5")).toBeUndefined();
    const nano = triage.get("after:gpt-5-nano") ?? 0;
    const escalated = triage.get("after:gpt-5") ?? 0;
    expect(escalated / (nano + escalated)).toBeGreaterThan(0.09);
    expect(escalated / (nano + escalated)).toBeLessThan(0.15);
  });

  it("includes long-context calls over 200k tokens, reasoning, batch and cache reads", () => {
    expect(contractOver200k / contractCalls).toBeGreaterThan(0.05);
    expect(contractOver200k / contractCalls).toBeLessThan(0.2);
    expect(reasoningCalls).toBeGreaterThan(10_000);
    expect(batchCalls).toBeGreaterThan(10_000);
    expect(codeCached / codeInput).toBeGreaterThan(0.6);
  });
});

describe("demo runs", () => {
  it("group agent, chat and retrieval calls into runs, with outcomes on support sessions and a few runaway loops", async () => {
    const { DEMO_RUN_WORKLOADS } = await import("./runs");
    const calls = new Map<string, number>();
    const outcomes = new Map<string, number>();
    for (const e of generateDemoEvents({ events: 60_000, days: 30, endDate: new Date("2026-10-31T00:00:00Z"), seed: 3 })) {
      const shape = e.workload === null ? undefined : DEMO_RUN_WORKLOADS[e.workload];
      if (!shape) {
        expect(e.run).toBeUndefined();
        continue;
      }
      expect(e.run?.kind).toBe(shape.kind);
      calls.set(e.run!.id, (calls.get(e.run!.id) ?? 0) + 1);
      if (e.tags.outcome) outcomes.set(e.tags.outcome, (outcomes.get(e.tags.outcome) ?? 0) + 1);
    }
    expect(calls.size).toBeGreaterThan(1000);
    // runaway loops: 40+ calls in one run
    expect([...calls.values()].some((n) => n >= 40)).toBe(true);
    expect(outcomes.get("resolved")).toBeGreaterThan(outcomes.get("escalated")!);
  });
});
