import { test, expect } from "./test";

/** The What-if page on the seeded demo workspace (e2e/serve.ts: 60k calls over 60 days). */

const money = (text: string | null) => Number((text ?? "").replace(/[^0-9.-]/g, ""));

test("the 80/20 preset moves only proven workloads and lists the rest as unproven with their saving", async ({ page }) => {
  // The demo's eval evidence (RouteLLM: Mixtral 63.8% on GSM8K, 50.6% on law) proves no cheaper model against the
  // demo floors (90%, 98%), so nothing moves; the classification-only recommendations are listed as unproven.
  await page.goto("/whatif");
  await page.getByTestId("preset-8020").click();
  await expect(page.getByText(/no workload has eval evidence that a cheaper model meets its floor/)).toBeVisible({ timeout: 30_000 });
  const unproven = page.getByTestId("preset-unproven");
  await expect(unproven).toContainText("would save $");
  await expect(unproven).toContainText("run an eval (the recommendation rests on the task class only)");
  await expect(page.getByTestId("preset-8020-info")).toContainText("nothing moves");
  await page.screenshot({ path: "/tmp/whatif-8020-unproven.png", fullPage: true });
});

test("worker + advisor replays eval sets with a modelled detector and shows the perfect detector as the upper bound", async ({ page }) => {
  await page.goto("/whatif");
  await page.getByLabel("replay eval sets").check();
  await expect(page.getByTestId("detector-mode")).toHaveValue("set");
  await page.getByLabel("Detector recall (failures caught, %)").fill("70");
  await page.getByLabel("False escalations (passes escalated, %)").fill("15");
  await page.getByTestId("preset-worker-advisor").click();
  await expect(page.getByTestId("preset-note")).toContainText("catching 70.0% of failures and escalating 15.0% of passes");
  await expect(page.getByTestId("whatif-result")).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: "/tmp/whatif-worker-advisor.png", fullPage: true });

  // math-tutor is linked to RouteLLM GSM8K (o3 stands as GPT-4, gpt-5-mini as Mixtral): its row shows the detector.
  const to = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const def = {
    from, to,
    rules: [{
      select: { workloads: ["math-tutor"] }, reroute: { provider: "openai", model: "gpt-5-mini" },
      escalation: { provider: "openai", model: "o3", mode: "replay", tokenShare: 1, detector: { recall: 0.7, falseEscalationRate: 0.15 } },
    }],
  };
  await page.goto(`/whatif?def=${Buffer.from(JSON.stringify(def)).toString("base64url")}`);
  await expect(page.getByTestId("whatif-result")).toBeVisible({ timeout: 60_000 });
  const monthly = page.getByTestId("monthly-savings");
  await expect(monthly).toContainText("per month");
  await expect(page.getByTestId("scenario-range")).toContainText("range $");
  await expect(page.getByTestId("perfect-detector")).toContainText("Upper bound, perfect detector");
  await expect(page.getByTestId("replay-detector").first()).toContainText("recall 70.0%, false esc. 15.0%; upper bound");
  await expect(page.getByTestId("rule-summary")).toContainText("detector recall 70%, false escalations 15%");
  await expect(page.getByTestId("whatif-daily-chart")).toBeVisible();
  await page.screenshot({ path: "/tmp/whatif-detector.png", fullPage: true });
  // The address now holds the scenario, detector included: reloading shows the same answer.
  const before = await monthly.textContent();
  await page.reload();
  await expect(page.getByTestId("monthly-savings")).toHaveText(before!, { timeout: 60_000 });
});

test("recommendations show the eval pass rate with its 95% interval", async ({ page }) => {
  await page.goto("/whatif?tab=recommendations");
  await expect(page.getByTestId("recommendations-table")).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: "/tmp/whatif-recommendations.png", fullPage: true });
});

test("a recommendation opens as a scenario whose monthly saving matches it", async ({ page }) => {
  await page.goto("/whatif?tab=recommendations");
  const table = page.getByTestId("recommendations-table");
  await expect(table).toBeVisible({ timeout: 30_000 });
  const first = table.locator("tbody tr").first();
  const saving = await first.locator("td").nth(5).locator("b").textContent();
  await first.getByRole("button", { name: "Open as scenario" }).click();
  await expect(page.getByRole("tab", { name: "Scenario" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("rule-summary")).toContainText("reroute to");
  await expect(page.getByTestId("monthly-savings")).toContainText(saving!, { timeout: 30_000 });
});

test("a bad rate is refused before running, and a scenario can be saved and compared", async ({ page }) => {
  await page.goto("/whatif");
  const rule = page.getByRole("group", { name: "Rule 1" });
  await rule.getByLabel("Escalation to a stronger model").selectOption("rate");
  await rule.getByLabel("Escalated calls (%)").fill("150");
  await expect(rule.getByText("between 0 and 100%")).toBeVisible();
  await expect(page.getByTestId("run-scenario")).toBeDisabled();
  await expect(page.getByText("rule 1: escalation rate must be between 0% and 100%")).toBeVisible();
  await rule.getByLabel("Escalated calls (%)").fill("10");
  await rule.getByLabel("Escalation model").selectOption("openai/gpt-5");
  await rule.getByLabel("Reroute to").selectOption("openai/gpt-5-mini");
  await page.getByTestId("run-scenario").click();
  await expect(page.getByTestId("whatif-result")).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("Scenario name").fill("All on mini + 10% gpt-5");
  await page.getByTestId("save-scenario").click();
  await expect(page).toHaveURL(/scenario=\d+/);
  await page.getByRole("tab", { name: "Saved & compare" }).click();
  await page.getByLabel("compare All on mini + 10% gpt-5").check();
  await expect(page.getByTestId("compare-table")).toContainText("Saving / month");
});
