import { test, expect } from "./test";

/** Issue 13: the Runs page, Unit costs and the What-if Commitments tab on the seeded demo (e2e/serve.ts). */

test.use({ viewport: { width: 1280, height: 900 } });

test("runs: cost per run by workload, runaway runs, and one run's calls", async ({ page }) => {
  await page.goto("/runs?range=90d");
  const table = page.getByRole("table").first();
  await expect(table).toContainText("Support reply drafts", { timeout: 30_000 });
  await expect(page.getByText("Most expensive runs")).toBeVisible();
  await page.screenshot({ path: "/tmp/runs-page.png", fullPage: true });
  await page.locator(".link-button").first().click();
  const detail = page.getByTestId("run-detail");
  await expect(detail).toContainText("Calls");
  await expect(detail.getByRole("row").nth(1)).toBeVisible();
  await page.screenshot({ path: "/tmp/runs-detail.png", fullPage: true });
});

test("unit costs: spend per ticket resolved over time", async ({ page }) => {
  await page.goto("/unit-costs?range=30d");
  const metric = page.locator("select[aria-label=Metric]");
  await expect(metric).toBeVisible({ timeout: 30_000 });
  await metric.selectOption({ label: "tickets_resolved · support-reply-drafts" });
  await expect(page.getByTestId("unit-cost-total")).toContainText("$");
  await expect(page.getByTestId("unit-cost-chart")).toBeVisible();
  await page.screenshot({ path: "/tmp/unit-costs.png", fullPage: true });
});

test("commitments: an offer weighed against pay-as-you-go, labelled as an estimate", async ({ page }) => {
  await page.goto("/whatif?tab=commitments");
  await page.getByLabel("Model").selectOption("anthropic/claude-sonnet-4-5");
  await page.getByLabel("Capacity in tokens per minute").fill("30000");
  await page.getByLabel("Price in USD").fill("3");
  await page.getByRole("button", { name: "Weigh the offer" }).click();
  const result = page.getByTestId("commitment-result");
  await expect(result).toContainText("Break-even load", { timeout: 60_000 });
  await expect(result).toContainText("Estimate; range over the observed weeks");
  await expect(page.getByTestId("load-curve-chart")).toBeVisible();
  await page.screenshot({ path: "/tmp/commitments.png", fullPage: true });
});
