import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { useTestDatabase } from "@/tests/db";
import { ingest, request, usageEvent, userWithSession } from "@/tests/factories";
import { eachDay } from "@/lib/forecast/utc-days";
import { usdToNanos } from "@/lib/money";
import { createApiKey } from "@/lib/auth/api-keys";
import { prisma } from "@/lib/db/prisma";
import { pool } from "@/lib/db/pool";
import { GET as reportRoute } from "@/app/api/v1/reports/monthly/route";
import { GET as spendRoute } from "@/app/api/v1/spend/route";
import { createBudget } from "@/lib/budgets/budget-store";
import { CreateBudgetSchema } from "@/lib/budgets/budget-schema";
import { decimalAtScale } from "./focus/testing/exact-decimal-math";
import { USAGE_CSV_COLUMNS } from "./report-csv";
import { pdfText } from "./testing/pdf-text";

useTestDatabase();

let admin: { cookie: string };
let lead: { cookie: string };
const get = (query: string, who: { cookie?: string; key?: string } = admin) => reportRoute(request(`/api/v1/reports/monthly?${query}`, who));

/** A small CSV reader for the tests (fields may be quoted; no line breaks inside). */
function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split("\r\n").filter(Boolean);
  const split = (line: string) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]));
  const header = split(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i], v])));
}

beforeAll(async () => {
  // October 2026 with awkward amounts: several models and teams, cached and reasoning tokens, batch calls,
  // unattributed traffic and a model without a price. September for the comparison.
  const events = eachDay("2026-09-01", "2026-10-31").flatMap((day, i) => [
    usageEvent({ occurredAt: new Date(`${day}T08:00:00Z`), team: "search", workload: "query-rewrite", model: "gpt-4o", inputTokens: 123_457 + i, cachedInputTokens: 50_001, outputTokens: 7_777 }),
    usageEvent({ occurredAt: new Date(`${day}T09:00:00Z`), team: "support", workload: "ticket-triage", provider: "anthropic", model: "claude-sonnet-4-5", inputTokens: 33_333, cacheWriteTokens: 1_111, outputTokens: 2_221 + i, requests: 3 }),
    usageEvent({ occurredAt: new Date(`${day}T10:00:00Z`), team: "support", workload: "ticket-triage", model: "o3", inputTokens: 9_999, outputTokens: 5_555, reasoningTokens: 4_444, batch: true }),
    usageEvent({ occurredAt: new Date(`${day}T11:00:00Z`), team: null, workload: null, model: "gpt-4o-mini", inputTokens: 77_777, outputTokens: 1_234 }),
    usageEvent({ occurredAt: new Date(`${day}T12:00:00Z`), team: "search", workload: "query-rewrite", provider: "openai", model: "in-house-tuned-7b", inputTokens: 1000, outputTokens: 100 }),
  ]);
  await ingest(events);
  admin = await userWithSession("admin@reports.test", "admin");
  lead = await userWithSession("lead@reports.test", "lead", ["search"]);
  await createBudget(CreateBudgetSchema.parse({ scope: { team: "search" }, period: "month", amountUsd: "10" }), "test");
});

/**
 * The month's cost and requests summed straight from the raw calls (usage_events), not from the roll-ups the report
 * and the explorer both read: a roll-up bug would make those two agree with each other and still be wrong.
 */
async function rawMonth(teamSlug: string | null): Promise<{ costNanos: bigint; requests: number }> {
  const { rows } = await pool().query<{ cost: string | null; requests: number }>(
    `SELECT sum(e.cost_nanos)::text AS cost, sum(e.requests)::int AS requests
       FROM usage_events e LEFT JOIN teams t ON t.id = e.team_id
      WHERE e.occurred_at >= '2026-10-01T00:00:00Z' AND e.occurred_at < '2026-11-01T00:00:00Z' AND ($1::text IS NULL OR t.slug = $1)`,
    [teamSlug],
  );
  return { costNanos: BigInt(rows[0].cost ?? "0"), requests: rows[0].requests };
}

describe("report totals", () => {
  it("equal the sum over the raw usage_events of the month, for an admin and for a lead (their team only)", async () => {
    for (const [who, team] of [[admin, null], [lead, "search"]] as const) {
      const report = await (await get("month=2026-10", who)).json();
      const raw = await rawMonth(team);
      expect(raw.costNanos).toBeGreaterThan(0n);
      expect(usdToNanos(report.totals.costUsd)).toBe(raw.costNanos);
      // Requests: 31 days x (1 + 3 + 1 + 1 + 1) = 217 for everyone; the search team's 2 events a day x 31 = 62.
      expect(report.totals.requests).toBe(team === null ? 217 : 62);
      expect(report.totals.requests).toBe(raw.requests);
    }
  });

  it("equal the explorer's totals for the same month to the cent (exactly, in fact)", async () => {
    for (const who of [admin, lead]) {
      const report = await (await get("month=2026-10", who)).json();
      const spend = await (await spendRoute(request("/api/v1/spend?from=2026-10-01&to=2026-10-31&groupBy=team", who))).json();
      expect(report.totals.costUsd).toBe(spend.totals.costUsd);
      expect(report.totals.requests).toBe(spend.totals.requests);
      expect(usdToNanos(report.totals.costUsd)).toBeGreaterThan(0n);
      for (const by of ["byTeam", "byWorkload", "byModel", "byTier", "byProvider"]) {
        const sum = report[by].reduce((s: bigint, r: { costUsd: string }) => s + usdToNanos(r.costUsd), 0n);
        expect(sum, by).toBe(usdToNanos(report.totals.costUsd));
      }
    }
  });

  it("CSV and FOCUS rows add up to the same total", async () => {
    const report = await (await get("month=2026-10")).json();
    const total = usdToNanos(report.totals.costUsd);
    const csv = parseCsv(await (await get("month=2026-10&format=csv")).text());
    expect(csv.reduce((s, r) => s + usdToNanos(r.cost_usd), 0n)).toBe(total);
    const focus = parseCsv(await (await get("month=2026-10&format=focus")).text());
    for (const column of ["BilledCost", "EffectiveCost"]) {
      expect(focus.reduce((s, r) => s + usdToNanos(r[column]), 0n), column).toBe(total);
    }
    // ContractedCost is unit price x quantity, unrounded: it differs from our per-call-rounded cost by at most half
    // a nano-dollar per call (no price override here, so ListCost is the same).
    for (const column of ["ContractedCost", "ListCost"]) {
      const exact = focus.reduce((s, r) => s + decimalAtScale(r[column], 20), 0n);
      const diff = exact - total * 10n ** 11n;
      expect((diff < 0n ? -diff : diff) * 2n <= BigInt(report.totals.requests) * 10n ** 11n, column).toBe(true);
    }
    expect(focus.reduce((s, r) => s + Number(r.x_Requests), 0)).toBe(report.totals.requests);
  });
});

describe("GET /api/v1/reports/monthly", () => {
  it("json: every section, change vs the previous month, coverage, unpriced usage, budget vs actual", async () => {
    const res = await get("month=2026-10");
    expect(res.headers.get("content-type")).toBe("application/json");
    const r = await res.json();
    expect(r).toMatchObject({ month: "2026-10", from: "2026-10-01", to: "2026-10-31", complete: true, scope: { allTeams: true } });
    expect(r.previous).toMatchObject({ month: "2026-09", from: "2026-09-01", to: "2026-09-30" });
    expect(r.previous.changeShare).toBeGreaterThan(0);
    expect(r.daily).toHaveLength(31);
    expect(r.byTeam.map((t: { key: string }) => t.key).sort()).toEqual(["search", "support", "unattributed"]);
    expect(r.byTier.map((t: { key: string }) => t.key)).toContain("unknown");
    expect(r.coverage.teamShare).toBeGreaterThan(0.5);
    expect(r.coverage.teamShare).toBeLessThan(1);
    expect(r.unpriced).toMatchObject({ requests: 31, models: [{ key: "openai/in-house-tuned-7b", requests: 31 }] });
    expect(r.budgets).toEqual([expect.objectContaining({ label: "Team search", periodKey: "2026-10", amountUsd: "10.00", status: "over" })]);
    expect(r.anomalies).toEqual([]);
    // October is complete, so the section is available; no workload here has a task class or an eval set, so the
    // one decision (lib/whatif/recommend.ts) recommends nothing for any of them.
    expect(r.recommendations).toMatchObject({ available: true, items: [] });
  });

  it("csv: one row per team x workload x model x day with tokens and cost", async () => {
    const res = await get("month=2026-10&format=csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="rightsize-2026-10.csv"');
    const text = await res.text();
    expect(text.split("\r\n")[0]).toBe(USAGE_CSV_COLUMNS.join(","));
    const rows = parseCsv(text);
    expect(rows).toHaveLength(31 * 5);
    expect(new Set(rows.map((r) => `${r.day}|${r.team}|${r.workload}|${r.provider}/${r.model}`)).size).toBe(rows.length);
    expect(rows.find((r) => r.model === "o3")).toMatchObject({ team: "support", workload: "ticket-triage", reasoning_tokens: "4444", tier: expect.any(String) });
  });

  it("focus: FOCUS 1.3 by default, 1.2 on request (rules checked in focus/focus-export.integration.test.ts)", async () => {
    const v13 = await get("month=2026-10&format=focus");
    expect(v13.headers.get("content-disposition")).toBe('attachment; filename="rightsize-2026-10-focus-1.3.csv"');
    const header13 = (await v13.text()).split("\r\n")[0].split(",");
    expect(header13).toEqual(expect.arrayContaining(["ServiceProviderName", "HostProviderName", "ListUnitPrice", "ContractedUnitPrice", "SkuMeter"]));
    const v12 = await get("month=2026-10&format=focus&focusVersion=1.2");
    expect(v12.headers.get("content-disposition")).toBe('attachment; filename="rightsize-2026-10-focus-1.2.csv"');
    const rows = parseCsv(await v12.text());
    expect(Object.keys(rows[0])).not.toContain("ServiceProviderName");
    expect(new Set(rows.map((r) => r.x_TokenType))).toEqual(new Set(["input", "cached_input", "cache_write", "output", "reasoning"]));
    expect(new Set(rows.map((r) => r.ProviderName))).toEqual(new Set(["OpenAI", "Anthropic"]));
  });

  it("pdf: a real PDF whose text can be extracted", async () => {
    const res = await get("month=2026-10&format=pdf");
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5_000);
    const text = pdfText(pdf);
    for (const expected of ["AI spend report: October 2026", "Spend by team", "Spend by workload", "Spend by model", "Budget vs actual", "query-rewrite", "in-house-tuned-7b"]) {
      expect(text, expected).toContain(expected);
    }
    const report = await (await get("month=2026-10")).json();
    const cents = `$${Number(report.totals.costUsd).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(text).toContain(cents);
    // pdftotext (poppler) reads it too, where installed.
    try {
      const dir = mkdtempSync(path.join(tmpdir(), "rs-pdf-"));
      writeFileSync(path.join(dir, "r.pdf"), pdf);
      const out = execFileSync("pdftotext", [path.join(dir, "r.pdf"), "-"], { encoding: "utf8" });
      expect(out).toContain("AI spend report: October 2026");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  });

  it("is team-scoped for leads", async () => {
    const r = await (await get("month=2026-10", lead)).json();
    expect(r.scope).toEqual({ allTeams: false, teams: ["search"] });
    expect(r.byTeam.map((t: { key: string }) => t.key)).toEqual(["search"]);
    const csv = parseCsv(await (await get("month=2026-10&format=csv", lead)).text());
    expect(new Set(csv.map((row) => row.team))).toEqual(new Set(["search"]));
  });

  it("answers 404 with a message for a month without usage", async () => {
    for (const format of ["json", "csv", "focus", "pdf"]) {
      const res = await get(`month=2026-06&format=${format}`);
      expect(res.status, format).toBe(404);
      expect((await res.json()).error.message).toBe("No usage recorded in June 2026, so there is no report for it. Usage is recorded from September 2026 to October 2026.");
    }
    // A team-bound key of a team without usage has no report either, and is not told about other teams' months.
    const legal = await prisma().team.create({ data: { slug: "legal", name: "Legal" } });
    const key = (await createApiKey({ name: "legal-reader", scopes: ["read"], teamId: legal.id })).key;
    const res = await get("month=2026-10", { key });
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toBe("No usage recorded in October 2026 for your teams, so there is no report for it. Your teams have no usage recorded yet.");
  });

  it("refuses bad input and anonymous callers", async () => {
    expect((await reportRoute(request("/api/v1/reports/monthly?month=2026-10"))).status).toBe(401);
    const cases: [string, RegExp][] = [
      ["month=2026-13", /month: "2026-13" is not a month/],
      ["month=2099-01", /has not started yet/],
      ["month=2026-10&format=xlsx", /format: must be one of json, csv, focus, pdf/],
      ["", /month/],
      ["month=2026-10&team=search", /unknown parameter "team"/],
    ];
    for (const [q, message] of cases) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.message, q).toMatch(message);
    }
  });
});
