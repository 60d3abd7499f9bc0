import { test, expect, type Page } from "@playwright/test";

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
