/**
 * The same demo company loaded into plain PostgreSQL and into Citus (through the real ingestion path), then every
 * analytics endpoint, the what-if and the monthly report asked the same questions on both: the answers must be
 * identical, byte for byte (money is exact nano-dollars, so there is no tolerance to hide behind).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "@/lib/demo/load-demo";
import { pool } from "@/lib/db/pool";
import { request, userWithSession } from "../factories";
import { asData, atFixedTime, closeDatabases, onBoth, type DatabaseName } from "./databases";
import { GET as spend } from "@/app/api/v1/spend/route";
import { GET as breakdown } from "@/app/api/v1/spend/breakdown/route";
import { GET as series } from "@/app/api/v1/spend/series/route";
import { GET as overview } from "@/app/api/v1/spend/overview/route";
import { GET as tokensPerCall } from "@/app/api/v1/spend/tokens-per-call/route";
import { GET as change } from "@/app/api/v1/spend/change/route";
import { GET as anomalies } from "@/app/api/v1/anomalies/route";
import { GET as models } from "@/app/api/v1/models/route";
import { GET as teams } from "@/app/api/v1/teams/route";
import { GET as recommendations } from "@/app/api/v1/recommendations/route";
import { GET as overSpecified } from "@/app/api/v1/recommendations/over-specified/route";
import { GET as whatifOptions } from "@/app/api/v1/whatif/options/route";
import { GET as preset8020 } from "@/app/api/v1/whatif/presets/80-20/route";
import { POST as whatif } from "@/app/api/v1/whatif/route";
import { GET as monthlyReport } from "@/app/api/v1/reports/monthly/route";
import { GET as chargeback } from "@/app/api/v1/reports/chargeback/route";
import { GET as unpricedModels } from "@/app/api/v1/unpriced-models/route";
import { POST as budgetsEvaluate } from "@/app/api/v1/budgets/evaluate/route";
import { GET as runs } from "@/app/api/v1/runs/route";

// 60 days of the demo company ending 2026-11-16: September's second half, all of October, half of November.
const DEMO = { events: 6_000, days: 60, endDate: new Date("2026-11-16T00:00:00Z"), quiet: true };
const RANGE = "from=2026-10-01&to=2026-10-31";
const ASKED_AT = new Date("2026-11-15T18:30:00Z");
const WIDE = "from=2026-09-17&to=2026-11-15";

type Handler = (req: ReturnType<typeof request>) => Promise<Response>;
interface Question {
  name: string;
  handler: Handler;
  url: string;
  as: "admin" | "lead";
  body?: unknown;
}

const ask = (name: string, handler: unknown, url: string, as: Question["as"] = "admin", body?: unknown): Question => ({
  name,
  handler: handler as Handler,
  url,
  as,
  body,
});

const QUESTIONS: Question[] = [
  ...["team", "workload", "model", "provider", "tier", "user", "day", "week", "month"].map((g) => ask(`spend by ${g}`, spend, `/api/v1/spend?${WIDE}&groupBy=${g}`)),
  ask("spend by model for one team", spend, `/api/v1/spend?${RANGE}&groupBy=model&team=support`),
  // Tag dimensions (the demo promotes customer and feature): the tag roll-up, alone and with the model (issue 13 §1).
  ask("spend by customer", spend, `/api/v1/spend?${WIDE}&groupBy=tag:customer&top=5`),
  ask("one customer's spend by model", spend, `/api/v1/spend?${RANGE}&groupBy=model&tag.customer=acme`),
  ask("spend by feature on frontier models, lead's scope", spend, `/api/v1/spend?${RANGE}&groupBy=tag:feature&tier=frontier`, "lead"),
  ask("series of a customer stacked by tier", series, `/api/v1/spend/series?${WIDE}&stackBy=tier&tag.customer=acme`),
  ask("spend by workload, lead's scope", spend, `/api/v1/spend?${RANGE}&groupBy=workload`, "lead"),
  ...["team", "workload", "model", "provider", "tier"].map((b) => ask(`breakdown by ${b}`, breakdown, `/api/v1/spend/breakdown?${RANGE}&by=${b}`)),
  ask("breakdown by model, lead's scope", breakdown, `/api/v1/spend/breakdown?${RANGE}&by=model`, "lead"),
  ...["team", "model", "tier", "none"].map((s) => ask(`daily series stacked by ${s}`, series, `/api/v1/spend/series?${WIDE}&stackBy=${s}`)),
  ask("weekly series", series, `/api/v1/spend/series?${WIDE}&interval=week&stackBy=workload`),
  ask("overview", overview, `/api/v1/spend/overview?${RANGE}`),
  ask("overview, lead's scope", overview, `/api/v1/spend/overview?${RANGE}`, "lead"),
  ask("tokens per call of a workload", tokensPerCall, `/api/v1/spend/tokens-per-call?${RANGE}&workload=ticket-triage`),
  ...["org", "team", "workload"].map((g) => ask(`why spend changed, by ${g}`, change, `/api/v1/spend/change?from=2026-10-01&to=2026-10-31&groupBy=${g}`)),
  ask("anomalies", anomalies, `/api/v1/anomalies?${WIDE}`),
  ask("models", models, "/api/v1/models"),
  ask("teams", teams, "/api/v1/teams"),
  ask("unpriced models", unpricedModels, "/api/v1/unpriced-models"),
  ask("recommendations", recommendations, `/api/v1/recommendations?${RANGE}`),
  ask("over-specified workloads", overSpecified, `/api/v1/recommendations/over-specified?${RANGE}&limit=5`),
  ask("what-if options", whatifOptions, "/api/v1/whatif/options"),
  ask("what-if 80/20 preset", preset8020, `/api/v1/whatif/presets/80-20?${RANGE}`),
  ask("what-if: triage rerouted with escalation, batch and caching levers", whatif, "/api/v1/whatif", "admin", {
    from: "2026-10-01",
    to: "2026-10-31",
    rules: [
      {
        select: { workloads: ["ticket-triage"] },
        reroute: { provider: "openai", model: "gpt-4o-mini" },
        escalation: { provider: "openai", model: "gpt-4o", rate: 0.1, tokenShare: 1 },
        batchShare: 0.5,
        cachedShare: null,
        outputFactor: 1,
      },
    ],
  }),
  ask("what-if, lead's scope", whatif, "/api/v1/whatif", "lead", {
    from: "2026-10-01",
    to: "2026-10-31",
    rules: [{ select: { workloads: ["ticket-triage"] }, reroute: { provider: "openai", model: "gpt-4o-mini" }, batchShare: 0, cachedShare: null, outputFactor: 1 }],
  }),
  ask("monthly report (JSON)", monthlyReport, "/api/v1/reports/monthly?month=2026-10"),
  ask("monthly report (CSV)", monthlyReport, "/api/v1/reports/monthly?month=2026-10&format=csv"),
  ask("monthly report (FOCUS)", monthlyReport, "/api/v1/reports/monthly?month=2026-10&format=focus"),
  ask("monthly report, lead's scope", monthlyReport, "/api/v1/reports/monthly?month=2026-10", "lead"),
  ask("chargeback", chargeback, "/api/v1/reports/chargeback?month=2026-10"),
  ask("budgets evaluated", budgetsEvaluate, "/api/v1/budgets/evaluate", "admin", {}),
  // Agent runs (issue 13 §2): plain PostgreSQL answers from the runs histogram, Citus from usage_runs itself.
  ask("runs", runs, `/api/v1/runs?${WIDE}`),
  ask("runs of one team", runs, `/api/v1/runs?${RANGE}&team=support&limit=10`),
  ask("runs of one workload", runs, `/api/v1/runs?${WIDE}&workload=support-reply-drafts`),
  ask("runs, lead's scope", runs, `/api/v1/runs?${WIDE}`, "lead"),
];

type Answers = {
  stored: { events: number; costNanos: string; dailyRows: number; shapeRows: number };
  answers: Record<string, { status: number; body: string }>;
  runsHistogramRows: number;
  runsFirstAtIndex: number;
};

let results: Record<DatabaseName, Answers>;

beforeAll(async () => {
  results = await onBoth(async () => {
    const loaded = await loadDemo(DEMO);
    expect(loaded.accepted).toBe(DEMO.events);
    // Asked on the evening of 2026-11-15 (the demo's last day), so month-to-date figures have data in them.
    const answers = await atFixedTime(ASKED_AT, async () => {
      const admin = await userWithSession("admin@citus.test", "admin");
      const lead = await userWithSession("lead@citus.test", "lead", ["support"]);
      const cookies = { admin: admin.cookie, lead: lead.cookie };
      const out: Answers["answers"] = {};
      for (const q of QUESTIONS) {
        const res = await q.handler(request(q.url, { cookie: cookies[q.as], method: q.body === undefined ? "GET" : "POST", body: q.body }));
        out[q.name] = { status: res.status, body: await res.text() };
      }
      return out;
    });
    const stored = await pool().query(
      `SELECT (SELECT count(*)::int FROM usage_events) AS events, (SELECT sum(cost_nanos)::text FROM usage_events) AS "costNanos",
              (SELECT count(*)::int FROM usage_daily) AS "dailyRows", (SELECT count(*)::int FROM usage_shape_daily) AS "shapeRows"`,
    );
    const histogram = await pool().query("SELECT count(*)::int AS n FROM usage_runs_hist WHERE runs <> 0");
    const firstAtIndex = await pool().query("SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'usage_runs' AND indexname = 'usage_runs_first_at_idx'");
    return { stored: stored.rows[0], answers, runsHistogramRows: histogram.rows[0].n, runsFirstAtIndex: firstAtIndex.rows[0].n };
  });
});

afterAll(closeDatabases);

const parsed = (a: { status: number; body: string }) => ({ status: a.status, body: asData(a.body) });

describe("Citus answers exactly what plain PostgreSQL answers", () => {
  it("stores the same calls and roll-ups", () => {
    expect(results.citus.stored).toEqual(results.plain.stored);
    expect(results.plain.stored.events).toBe(DEMO.events);
  });

  it("answers runs from the histogram on plain PostgreSQL and from usage_runs on Citus (no triggers there)", () => {
    expect(results.plain.runsHistogramRows).toBeGreaterThan(0);
    expect(results.citus.runsHistogramRows).toBe(0);
    // The start-time index only Citus's scan of a range uses: dropped on plain PostgreSQL, laid out again on Citus.
    expect(results.plain.runsFirstAtIndex).toBe(0);
    expect(results.citus.runsFirstAtIndex).toBe(1);
  });

  it.each(QUESTIONS.map((q) => [q.name]))("%s", (name) => {
    const plain = results.plain.answers[name];
    // The question has a real answer (not an error compared with the same error).
    expect(plain.status, plain.body.slice(0, 300)).toBe(200);
    // JSON is compared as data (an object's key order is not part of the answer), CSV as text.
    expect(parsed(results.citus.answers[name])).toEqual(parsed(plain));
  });
});
