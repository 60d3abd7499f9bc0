/**
 * Demo runs and sessions (issue 13 §2): consecutive calls of some workloads are grouped into agent runs, chat
 * sessions or traces, so the Runs page has data on first start. Deterministic and separate from the event draws
 * (its own Rng), so adding runs changed no token, model or cost of the demo.
 *
 * - agents (sre-agent, pr-review-bot, research-assistant): explicit run ids; about 1 run in 120 loops (a runaway
 *   of 40-80 calls), so the runaway flag has something to show;
 * - chat tools (support-reply-drafts, code-assistant, math-tutor, sql-copilot): session ids; a support session's
 *   last call carries the business outcome tag (`outcome` resolved ~80%, else escalated);
 * - retrieval (answer-synthesis, query-rewrite): trace ids, a few calls each.
 * A run also ends when its stream was idle for 30 minutes.
 */
import type { UsageEvent } from "@/lib/ingest/usage-event";
import { Rng } from "./rng";

interface RunShape {
  kind: 1 | 2 | 3;
  meanCalls: number;
  runawayRate?: number;
  outcome?: boolean;
}

export const DEMO_RUN_WORKLOADS: Record<string, RunShape> = {
  "sre-agent": { kind: 1, meanCalls: 9, runawayRate: 1 / 120 },
  "pr-review-bot": { kind: 1, meanCalls: 5, runawayRate: 1 / 120 },
  "research-assistant": { kind: 1, meanCalls: 7, runawayRate: 1 / 150 },
  "support-reply-drafts": { kind: 2, meanCalls: 4, outcome: true },
  "code-assistant": { kind: 2, meanCalls: 10 },
  "math-tutor": { kind: 2, meanCalls: 5 },
  "sql-copilot": { kind: 2, meanCalls: 4 },
  "answer-synthesis": { kind: 3, meanCalls: 2 },
  "query-rewrite": { kind: 3, meanCalls: 2 },
};

/** Share of support sessions that end resolved (the rest are escalated to a person). */
export const DEMO_RESOLVED_SHARE = 0.8;
const IDLE_MS = 30 * 60_000;
const PREFIX = { 1: "run", 2: "sess", 3: "trace" } as const;

interface Open {
  id: string;
  left: number;
  lastAt: number;
  outcome: string | null;
}

export class DemoRuns {
  private readonly rng: Rng;
  private readonly open = new Map<string, Open>();
  private counter = 0;

  constructor(
    seed: number,
    private readonly idPrefix: string,
  ) {
    this.rng = new Rng((seed ^ 0x2545f491) >>> 0);
  }

  /** Sets `event.run` (and the outcome tag on a support session's last call) for the workloads above. */
  attach(event: UsageEvent): void {
    const shape = event.workload === null ? undefined : DEMO_RUN_WORKLOADS[event.workload];
    if (!shape) return;
    const at = event.occurredAt.getTime();
    let run = this.open.get(event.workload!);
    if (!run || run.left <= 0 || at - run.lastAt > IDLE_MS) {
      run = this.start(event.workload!, shape);
      this.open.set(event.workload!, run);
    }
    run.left--;
    run.lastAt = at;
    event.run = { id: run.id, kind: shape.kind };
    if (run.left === 0 && run.outcome !== null) event.tags = { ...event.tags, outcome: run.outcome };
  }

  private start(workload: string, shape: RunShape): Open {
    const runaway = shape.runawayRate !== undefined && this.rng.next() < shape.runawayRate;
    // Geometric length with the given mean (at least one call); a runaway loops 40-80 times.
    const length = runaway ? 40 + Math.floor(this.rng.next() * 41) : 1 + Math.floor(Math.log(1 - this.rng.next()) / Math.log(1 - 1 / shape.meanCalls));
    const outcome = shape.outcome ? (this.rng.next() < DEMO_RESOLVED_SHARE ? "resolved" : "escalated") : null;
    return { id: `${this.idPrefix}${PREFIX[shape.kind]}-${workload}-${this.counter++}`, left: length, lastAt: 0, outcome };
  }
}
