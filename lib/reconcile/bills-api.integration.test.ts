import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, request, usageEvent, userWithSession } from "@/tests/factories";
import { eachDay } from "@/lib/forecast/utc-days";
import { usdToNanos } from "@/lib/money";
import { pool } from "@/lib/db/pool";
import { DELETE as deleteRoute, GET as listRoute, POST as importRoute } from "@/app/api/v1/bills/route";
import { GET as reconcileRoute } from "@/app/api/v1/bills/reconciliation/route";

useTestDatabase();

let finance: { cookie: string };
let lead: { cookie: string };
let viewer: { cookie: string };

const unix = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
const importBill = (body: unknown, who = finance, query = "") =>
  importRoute(request(`/api/v1/bills${query}`, { cookie: who.cookie, method: "POST", body: typeof body === "string" ? body : JSON.stringify(body, null, 2) }));
const reconcile = async (month = "2026-10", who = finance) => reconcileRoute(request(`/api/v1/bills/reconciliation?month=${month}`, { cookie: who.cookie }));

/** OpenAI's export grouped by line item: each day gpt-4o input at 90% of our cost (a discount) plus web search. */
function openAiExport(days: string[], ourDailyUsd: number) {
  return {
    object: "page",
    data: days.map((day) => ({
      object: "bucket",
      start_time: unix(day),
      end_time: unix(day) + 86_400,
      results: [
        { object: "organization.costs.result", amount: { value: ourDailyUsd * 0.9, currency: "usd" }, line_item: "gpt-4o-2024-08-06, input", project_id: "proj_main" },
        { object: "organization.costs.result", amount: { value: 0.25, currency: "usd" }, line_item: "web search tool calls", project_id: "proj_main" },
      ],
    })),
    has_more: false,
    next_page: null,
  };
}

beforeAll(async () => {
  // gpt-4o, 1M input tokens a day = $2.50 a day, on 1-20 October; and one Anthropic call a day.
  await ingest(
    eachDay("2026-10-01", "2026-10-20").flatMap((day) => [
      usageEvent({ occurredAt: new Date(`${day}T10:00:00Z`), inputTokens: 1_000_000, outputTokens: 0, team: "search", workload: "query-rewrite" }),
      usageEvent({ occurredAt: new Date(`${day}T10:00:00Z`), provider: "anthropic", model: "claude-sonnet-4-5", inputTokens: 100_000, outputTokens: 0, team: "support", workload: "ticket-triage" }),
    ]),
  );
  finance = await userWithSession("finance@bills.test", "finance");
  lead = await userWithSession("lead@bills.test", "lead", ["search"]);
  viewer = await userWithSession("viewer@bills.test", "viewer");
});

describe("POST /api/v1/bills", () => {
  it("imports an OpenAI Costs API export, and importing it again changes nothing", async () => {
    const file = openAiExport(eachDay("2026-10-02", "2026-10-22"), 2.5); // misses 1 Oct, has 21-22 Oct we have no usage for
    const res = await importBill(file);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ provider: "openai", lines: 42, inserted: 42, updated: 0, removed: 0, firstDay: "2026-10-02", lastDay: "2026-10-22", months: ["2026-10"] });
    const again = await (await importBill(file)).json();
    expect(again).toMatchObject({ lines: 42, inserted: 0, updated: 42, removed: 0 });
    expect((await pool().query("SELECT count(*)::int AS n FROM bill_lines WHERE provider = 'openai'")).rows[0].n).toBe(42);
  });

  it("imports an Anthropic cost report (cents as decimal strings) given as NDJSON pages", async () => {
    const page = (days: string[]) => ({
      data: days.map((day) => ({
        starting_at: `${day}T00:00:00Z`,
        ending_at: `${day}T00:00:00Z`.replace(day, eachDay(day, day)[0]),
        results: [{ amount: "30", currency: "USD", cost_type: "tokens", description: "Claude Sonnet 4.5 - Input Tokens", model: "claude-sonnet-4-5-20250929", service_tier: "standard", token_type: "uncached_input_tokens", workspace_id: null, context_window: "0-200k" }],
      })),
      has_more: false,
      next_page: null,
    });
    const ndjson = `${JSON.stringify(page(eachDay("2026-10-01", "2026-10-10")))}\n${JSON.stringify(page(eachDay("2026-10-11", "2026-10-20")))}\n`;
    const res = await importBill(ndjson);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ provider: "anthropic", lines: 20, totalUsd: "6.00" });
  });

  it("rejects a malformed bill file naming the line, and imports nothing", async () => {
    const text = JSON.stringify(openAiExport(["2026-10-25"], 1), null, 2).replace('"currency": "usd"', '"currency": "eur"');
    const line = text.split("\n").findIndex((l) => l.includes('"eur"')) + 1;
    const res = await importBill(text);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message).toBe(`The bill file was rejected, nothing was imported. line ${line}: data[0].results[0].amount.currency only USD bills can be reconciled, got "eur"`);
    expect(body.error.details[0]).toMatchObject({ line });
    expect((await pool().query("SELECT count(*)::int AS n FROM bill_lines WHERE day = '2026-10-25'")).rows[0].n).toBe(0);
    const broken = await importBill('{\n  "object": "page",\n  "data": [\n    { "start_time": 1790812800 "results": [] }\n  ]\n}');
    expect((await broken.json()).error.message).toMatch(/^The bill file is not valid JSON: line 4, column 32: expected "," or "}" after the value of "start_time"/);
    expect((await importBill("")).status).toBe(400);
    expect((await importBill(openAiExport(["2026-10-25"], 1), finance, "?provider=anthropic")).status).toBe(400);
  });

  it("needs admin or finance", async () => {
    expect((await importRoute(request("/api/v1/bills", { body: "{}" }))).status).toBe(401);
    for (const who of [lead, viewer]) expect((await importBill(openAiExport(["2026-10-25"], 1), who)).status).toBe(403);
    expect((await listRoute(request("/api/v1/bills", { cookie: viewer.cookie }))).status).toBe(403);
  });
});

describe("GET /api/v1/bills/reconciliation", () => {
  it("explains the difference between the bill and our cost, and the parts add up to it", async () => {
    const res = await reconcile();
    expect(res.status).toBe(200);
    const body = await res.json();
    const openai = body.providers.find((p: { provider: string }) => p.provider === "openai");
    // Ours: 20 days x $2.50 = $50. Bill: 21 days x ($2.25 + $0.25) = $52.50.
    expect(openai).toMatchObject({ providerName: "OpenAI", computedUsd: "50.00", billedUsd: "52.50", differenceUsd: "2.50", status: "differs" });
    const parts = Object.fromEntries(openai.explanation.map((e: { kind: string; amountUsd: string }) => [e.kind, e.amountUsd]));
    expect(parts).toEqual({ missing_usage_days: "5.00", missing_bill_days: "-2.50", non_token: "4.75", pricing: "-4.75" });
    const sum = openai.explanation.reduce((s: bigint, e: { amountUsd: string | null }) => s + (e.amountUsd ? usdToNanos(e.amountUsd) : 0n), 0n);
    expect(sum).toBe(usdToNanos(openai.differenceUsd));
    expect(openai.explanation.find((e: { kind: string }) => e.kind === "missing_usage_days").days).toEqual(["2026-10-21", "2026-10-22"]);
    expect(openai.explanation.find((e: { kind: string }) => e.kind === "pricing").detail).toMatch(/bill is \$4.75 below our computation \(10.00%\): a discount/);
    expect(openai.models).toEqual([expect.objectContaining({ model: "gpt-4o", billedUsd: "47.25", computedUsd: "50.00" })]);

    const anthropic = body.providers.find((p: { provider: string }) => p.provider === "anthropic");
    expect(anthropic).toMatchObject({ computedUsd: "6.00", billedUsd: "6.00", differenceUsd: "0.00", status: "matched" });
  });

  it("lists a provider with usage but no bill, and reconciles only for all-team callers", async () => {
    await deleteRoute(request("/api/v1/bills?provider=anthropic&month=2026-10", { cookie: finance.cookie, method: "DELETE" }));
    const body = await (await reconcile()).json();
    expect(body.providers.find((p: { provider: string }) => p.provider === "anthropic")).toMatchObject({ status: "no_bill", billedUsd: "0.00", explanation: [] });
    const forbidden = await reconcile("2026-10", lead);
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.message).toMatch(/needs access to all teams/);
    expect((await reconcile("2026-10", viewer)).status).toBe(200);
    expect((await reconcile("2026-1")).status).toBe(400);
    const imports = await (await listRoute(request("/api/v1/bills", { cookie: finance.cookie }))).json();
    expect(imports.imports).toEqual([expect.objectContaining({ provider: "openai", month: "2026-10", days: 21, lines: 42, billedUsd: "52.50" })]);
  });
});
