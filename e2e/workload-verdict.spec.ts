import { test, expect, type Page } from "./test";

// Each test assesses every workload on every candidate (and runs a what-if): slow on a loaded CI machine.
test.describe.configure({ timeout: 180_000 });

/**
 * Issue 16.6-16.8 on the demo workspace (e2e/serve.ts): a workload's verdict, Simulate opening What-if with the rule
 * filled in, the evidence drawer, and the demo's model switch (call-summaries moves to a frontier model for its
 * last ten days).
 */

async function firstRecommendation(page: Page): Promise<{ workload: string; monthlySavingUsd: string; candidate: { model: string } }> {
  const res = await page.request.get("/api/v1/recommendations");
  expect(res.ok()).toBe(true);
  const body = await res.json();
  expect(body.recommendations.length).toBeGreaterThan(0);
  return body.recommendations[0];
}

for (const width of [1280, 800]) {
  test(`workload verdict -> Simulate -> What-if prefilled (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const rec = await firstRecommendation(page);
    await page.goto(`/workloads/${rec.workload}`);
    const card = page.getByTestId("workload-verdict");
    await expect(card).toBeVisible();
    await expect(page.getByTestId("verdict-status")).toHaveText(/Over-specified|Not over-specified/, { timeout: 60_000 });
    await expect(page.getByTestId("verdict-why")).not.toBeEmpty();
    // The same saving as the recommendations list: one decide().
    const saving = page.getByTestId("verdict-saving");
    await expect(saving).toContainText("/ month");
    const savingText = (await saving.textContent())!.replace(/^saves /, "").replace(" / month", "");
    await expect(page.getByTestId("verdict-recommendation")).toContainText(rec.candidate.model);
    await page.screenshot({ path: `/tmp/workload-verdict-${width}.png`, fullPage: true });

    await page.getByTestId("verdict-simulate").click();
    await expect(page).toHaveURL(/\/whatif\?tab=scenario&def=/);
    await expect(page.getByRole("tab", { name: "Scenario" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("rule-summary")).toContainText(`reroute to ${rec.candidate.model}`);
    await expect(page.getByTestId("monthly-savings")).toContainText(savingText, { timeout: 60_000 });
    await page.screenshot({ path: `/tmp/workload-simulate-${width}.png`, fullPage: true });
  });
}

test("the evidence drawer takes focus, shows pass rates with intervals, tokens per call and model history; Escape closes it", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // math-tutor is linked to the RouteLLM GSM8K eval set in the demo.
  await page.goto("/workloads/math-tutor");
  await expect(page.getByTestId("verdict-status")).toBeVisible({ timeout: 60_000 });
  await page.getByTestId("verdict-evidence").click();
  const drawer = page.getByRole("dialog", { name: /Evidence: / });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("button", { name: "Close evidence" })).toBeFocused();
  const rates = drawer.getByTestId("evidence-pass-rates");
  await expect(rates).toBeVisible({ timeout: 30_000 });
  await expect(rates.locator("thead")).toContainText("95% interval");
  await expect(rates.locator("tbody tr").first()).toContainText(/\d+\.\d%–\d+\.\d%/);
  await expect(drawer.getByTestId("evidence-models")).toContainText("Reasoning share");
  await expect(drawer.getByTestId("evidence-history")).toBeVisible();
  await page.screenshot({ path: "/tmp/evidence-drawer-1280.png" });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.screenshot({ path: "/tmp/evidence-drawer-800.png" });
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
});

test("each recommendation opens its evidence; the Evals tab offers the CSV template", async ({ page }) => {
  await page.goto("/whatif?tab=recommendations");
  const table = page.getByTestId("recommendations-table");
  await expect(table).toBeVisible({ timeout: 60_000 });
  await table.locator("tbody tr").first().getByRole("button", { name: "Evidence" }).click();
  const drawer = page.getByRole("dialog", { name: /Evidence: / });
  await expect(drawer.getByTestId("evidence-models")).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();

  await page.goto("/whatif?tab=evals");
  const link = page.getByTestId("eval-template");
  await expect(link).toBeVisible();
  const csv = await (await page.request.get((await link.getAttribute("href"))!)).text();
  expect(csv.split("\r\n")[0]).toBe("eval_set,task_id,model,passed,score,cost_usd,input_tokens,output_tokens,judge_flagged");
});

test("a recent model switch shows the spend rate since it and the revert candidate", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/workloads/call-summaries");
  const sw = page.getByTestId("verdict-switch");
  await expect(sw).toBeVisible({ timeout: 60_000 });
  await expect(sw).toContainText(/Switched from .+ to .+ on .+: spend rate \$[\d,.]+ \/ month in the 14 days before, \$[\d,.]+ \/ month since/);
  await expect(sw).toContainText("Revert:");
  await page.screenshot({ path: "/tmp/workload-switch-1280.png", fullPage: true });
});

test("closing last month, then 3 late calls worth $0.01: the Reports page says restated and lists the adjustment", async ({ page }) => {
  // Finance's view of last month (e2e/serve.ts loads 60 days of demo data up to today, so last month is complete).
  const now = new Date();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const closed = await page.request.put(`/api/v1/reports/closed-months/${last}`);
  expect(closed.status()).toBe(201);
  // gpt-4o: 2,500 nano-dollars an input token, 10,000 an output token:
  // 1,000 x 2,500 = 2,500,000; again; 1,000 x 2,500 + 250 x 10,000 = 5,000,000: 10,000,000 nanos = $0.01.
  const call = (id: string, output: number) => ({
    id: `e2e-late-${last}-${id}`, timestamp: `${last}-15T12:00:00Z`, provider: "openai", model: "gpt-4o",
    input_tokens: 1000, output_tokens: output, team: "support", workload: "ticket-triage",
  });
  const sent = await page.request.post("/api/v1/events", { data: [call("a", 0), call("b", 0), call("c", 250)] });
  expect(sent.ok()).toBe(true);

  const today = now.toLocaleString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/reports?month=${last}`);
    await expect(page.getByTestId("report-data-as-of")).toContainText("UTC", { timeout: 60_000 });
    await expect(page.getByTestId("report-closed")).toBeVisible();
    const note = page.getByTestId("report-restatement");
    await expect(note).toContainText(`Restated: +$0.01, 3 calls added on ${today}`);
    await expect(note).toContainText("Adjustment: 3 calls, $0.01, added");
    await page.screenshot({ path: `/tmp/reports-restated-${width}.png`, fullPage: false });
  }
  // Reopen from the page (finance and admin): the closed badge goes.
  await page.getByTestId("close-month").click();
  await expect(page.getByTestId("report-closed")).toBeHidden();
  await expect(page.getByTestId("close-month")).toHaveText("Close month");
});
