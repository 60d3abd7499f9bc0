import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, request, userWithSession } from "@/tests/factories";
import { eachDay } from "@/lib/forecast/utc-days";
import { createPriceOverride } from "@/lib/pricing/overrides-admin";
import { createBudget } from "@/lib/budgets/budget-store";
import { CreateBudgetSchema } from "@/lib/budgets/budget-schema";
import { pdfText } from "@/lib/reports/testing/pdf-text";
import { pool } from "@/lib/db/pool";
import { buildMonthlyReport } from "@/lib/reports/monthly-report";
import { GET as statementRoute } from "@/app/api/v1/reports/statements/route";
import { createExampleRules, flatCall, seedChargebackMonth } from "@/lib/chargeback/testing/flat-price-seed";

useTestDatabase();

let admin: { cookie: string };
let lead: { cookie: string };
const get = (query: string, who = admin) => statementRoute(request(`/api/v1/reports/statements?${query}`, who) as never, { params: Promise.resolve({}) } as never);

beforeAll(async () => {
  // The chargeback month (see flat-price-seed: 1 input token of flat-1 = 1,000 nanos) plus search's "summarise"
  // workload: flat-1 1,000 tokens a day from Sep 24 to Oct 2, then flat-half ($0.50/Mtok: 500 nanos a token) from Oct 3.
  await seedChargebackMonth();
  await createPriceOverride(
    { provider: "acme", model: "flat-half", inputPerMtok: "0.5", outputPerMtok: "0", cachedInputPerMtok: null, cacheWritePerMtok: null, validFrom: "2026-01-01", note: "test" },
    { label: "test", userId: null },
  );
  await ingest(eachDay("2026-09-24", "2026-10-31").map((day) => flatCall(day, "search", "summarise", 1_000, day >= "2026-10-03" ? { model: "flat-half" } : {})));
  await createExampleRules();
  // The switch is recorded as an applied rollout (as a confirmed detection would be): savings are measured for rollouts.
  await pool().query(
    `INSERT INTO rollouts (status, applied_from, workload_ids, source, note, created_by)
     VALUES ('applied', '2026-10-03', ARRAY[(SELECT id FROM workloads WHERE slug = 'summarise')], 'detected', 'Summarise on flat-half', 'test')`,
  );
  await createBudget(CreateBudgetSchema.parse({ scope: { team: "search" }, period: "month", amountUsd: "0.02" }), "test");
  admin = await userWithSession("admin@statements.test", "admin");
  lead = await userWithSession("lead@statements.test", "lead", ["support"]);
});

describe("GET /api/v1/reports/statements", () => {
  it("json: charged, allocated share, change vs last month, budgets, top workloads and models, savings", async () => {
    const res = await get("month=2026-10&team=search&format=json");
    expect(res.status).toBe(200);
    const s = await res.json();
    // search in October, nano-dollars (worked by hand):
    //   attributed: query-rewrite 3,000,000 + summarise (2 x 1,000,000 + 29 x 500,000 = 16,500,000) + shared-gateway 10,001,000 = 29,501,000
    //   direct: attributed less the shared-gateway pool = 19,500,000
    //   platform pool 1,000,000 proportional over direct search 19.5M, support 1M, billing 2M (sum 22.5M):
    //     floors 866,666 / 44,444 / 88,888 = 999,998; remainders 15M / 10M / 20M -> the 2 left go to billing and search: search 866,667
    //   unattributed 100,000 even over 3: search 33,333 (the extra 1 goes to billing, first A-Z)
    //   shared gateway 10,001,000 at 33.33%: search 3,333,333 (the extra 1 goes to billing's larger remainder)
    //   allocated 866,667 + 33,333 + 3,333,333 = 4,233,333; total charged 19,500,000 + 4,233,333 = 23,733,333
    //   September: summarise 7 days x 1,000,000 = 7,000,000, no pools; change 16,733,333 = +239.05%
    expect(s.charges).toMatchObject({ attributedUsd: "0.029501", directUsd: "0.0195", allocatedUsd: "0.004233333", totalUsd: "0.023733333" });
    expect(s.charges.allocations.map((a: { rule: string; usd: string }) => [a.rule, a.usd])).toEqual([
      ["Platform gateway", "0.000866667"],
      ["Unattributed", "0.000033333"],
      ["Shared gateway", "0.003333333"],
    ]);
    // Each share names its pool and how it was split (pools are organisation-wide, read whole for the statement).
    expect(s.charges.allocations[0]).toMatchObject({ source: "platform", basis: "proportional to direct spend of the 3 teams with direct spend" });
    expect(s.charges.allocations[2]).toMatchObject({ source: "shared-gateway", basis: "fixed: search 33.33%, support 33.33%, billing 33.34%" });
    expect(s.previous).toMatchObject({ month: "2026-09", totalUsd: "0.007", changeUsd: "0.016733333" });
    // 16,733,333 / 7,000,000 = 2.3904761...; shares carry 6 decimals.
    expect(s.previous.changeShare).toBe(2.390476);
    // Budget $0.02 for the month against 29,501,000 attributed nanos = $0.03 (2 decimals): over.
    expect(s.budgets).toEqual([expect.objectContaining({ amountUsd: "0.02", actualUsd: "0.03", status: "over" })]);
    // Workloads by attributed spend: summarise 16.5M, shared-gateway 10.001M (a pool), query-rewrite 3M.
    expect(s.topWorkloads.map((w: { key: string; costUsd: string; previousCostUsd: string; sharedPool: boolean }) => [w.key, w.costUsd, w.previousCostUsd, w.sharedPool])).toEqual([
      ["summarise", "0.0165", "0.007", false],
      ["shared-gateway", "0.010001", "0.00", true],
      ["query-rewrite", "0.003", "0.00", false],
    ]);
    // Models: flat-1 = 3M + 10.001M + 2M = 15,001,000; flat-half = 29 x 500,000 = 14,500,000.
    expect(s.topModels.map((m: { label: string; costUsd: string }) => [m.label, m.costUsd])).toEqual([["flat-1", "0.015001"], ["flat-half", "0.0145"]]);
    // Savings (the rollout's realised savings): Oct 3-31, 29 days of 1,000 tokens on flat-half (500,000 nanos a day)
    // against the mix of the 14 days before (all flat-1: 1,000,000 a day) = 29 x 500,000 = 14,500,000; no prediction.
    expect(s.savings).toMatchObject({
      realisedSavingUsd: "0.0145",
      predictedSavingUsd: null,
      rollouts: [{ label: "Summarise on flat-half", appliedFrom: "2026-10-03", workloads: ["summarise"], days: 29, realisedSavingUsd: "0.0145" }],
    });
  });

  it("savings delivered equal the monthly report's for a reader of the same team and month (one definition)", async () => {
    const searchId = (await pool().query<{ id: number }>("SELECT id FROM teams WHERE slug = 'search'")).rows[0].id;
    const report = await buildMonthlyReport({ kind: "user", id: 0, label: "search lead", role: "lead", teamIds: [searchId], scopes: ["read"] }, "2026-10");
    const { note, ...statementSavings } = (await (await get("month=2026-10&team=search&format=json")).json()).savings;
    expect(note).toMatch(/rollouts/);
    expect(statementSavings).toEqual(report.savingsDelivered);
    expect(report.savingsDelivered.realisedSavingUsd).toBe("0.0145");
  });

  it("pdf: one page with the team, its charges, allocated share, budgets, top workloads and models, savings", async () => {
    const res = await get("month=2026-10&team=search");
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="rightsize-statement-search-2026-10.pdf"');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(1);
    const text = pdfText(pdf);
    for (const expected of ["search: October 2026", "TOTAL CHARGED", "ALLOCATED SHARE", "Platform gateway", "Shared gateway", "Budget vs actual", "Top workloads", "summarise", "shared-gateway (shared: allocated)", "Top models", "flat-half", "Savings delivered", "Summarise on flat-half (summarise, from 2026-10-03): saved $0.01 over 29 days."]) {
      expect(text).toContain(expected);
    }
  });

  it("a lead gets only their own teams' statements; bad input is named", async () => {
    expect((await get("month=2026-10&team=search", lead)).status).toBe(404);
    expect((await get("month=2026-10&team=support&format=json", lead)).status).toBe(200);
    const noTeam = await get("month=2026-10");
    expect(noTeam.status).toBe(400);
    expect(JSON.stringify(await noTeam.json())).toMatch(/team/);
    expect((await (await get("month=2026-13&team=search")).json()).error.message).toMatch(/month/);
  });
});

describe("rightsize report --statements", () => {
  it("writes one PDF per charged team and names the teams it skipped", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rs-statements-"));
    const run = spawnSync(process.execPath, [path.resolve("cli/bin.mjs"), "report", "--statements", "--month", "2026-10", "--out", path.join(dir, "out")], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
      timeout: 180_000,
    });
    expect(run.status, run.stderr).toBe(0);
    // billing, search, support are charged; platform's spend is all allocated out and ml has none.
    expect(readdirSync(path.join(dir, "out")).sort()).toEqual(["rightsize-statement-billing-2026-10.pdf", "rightsize-statement-search-2026-10.pdf", "rightsize-statement-support-2026-10.pdf"]);
    expect(run.stderr).toMatch(/Skipped 2 team\(s\) with no spend in 2026-10 or the month before: ml, platform/);
    expect(pdfText(readFileSync(path.join(dir, "out", "rightsize-statement-billing-2026-10.pdf")))).toContain("billing: October 2026");
  }, 200_000);
});
