import { test, expect } from "@playwright/test";

/** The What-if page on the seeded demo workspace (e2e/serve.ts: 60k calls over 60 days). */

const money = (text: string | null) => Number((text ?? "").replace(/[^0-9.-]/g, ""));

test("the 80/20 preset re-prices real traffic and shows the saving with its range", async ({ page }) => {
  await page.goto("/whatif");
  await page.getByTestId("preset-8020").click();
  await expect(page.getByTestId("preset-note")).toContainText("Moves");
  await expect(page.getByTestId("whatif-result")).toBeVisible({ timeout: 30_000 });
  const monthly = page.getByTestId("monthly-savings");
  await expect(monthly).toContainText("per month");
  expect(money(await monthly.textContent())).toBeGreaterThan(0);
  await expect(page.getByTestId("scenario-range")).toContainText("range $");
  await expect(page.getByTestId("rule-summary")).toContainText("reroute to");
  await expect(page.getByTestId("whatif-daily-chart")).toBeVisible();
  await expect(page.getByTestId("whatif-by-team")).toBeVisible();
  // The address now holds the scenario: reloading shows the same answer.
  const before = await monthly.textContent();
  await page.reload();
  await expect(page.getByTestId("monthly-savings")).toHaveText(before!);
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
