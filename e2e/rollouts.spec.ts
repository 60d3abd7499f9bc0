import { readFileSync } from "node:fs";
import { test, expect } from "./test";
import { parse as parseYaml } from "yaml";

/**
 * The closed loop on the seeded demo workspace (e2e/serve.ts): accept a recommendation (open it as a scenario and
 * save it), export it as a LiteLLM config.yaml, mark it applied, and see the rollout with its realised savings.
 * RS_SCREENSHOTS=<dir> also saves screenshots of the export menu and the Rollouts view there.
 */
const shots = process.env.RS_SCREENSHOTS;

test("accept a recommendation, export LiteLLM YAML, mark it applied, see the rollout", async ({ page }) => {
  await page.goto("/whatif?tab=recommendations");
  const table = page.getByTestId("recommendations-table");
  await expect(table).toBeVisible({ timeout: 30_000 });
  const first = table.locator("tbody tr").first();
  const workload = (await first.locator("td").first().locator("b").textContent())!;
  await first.getByRole("button", { name: "Open as scenario" }).click();
  await expect(page.getByTestId("rule-summary")).toContainText("reroute to");
  await expect(page.getByTestId("export-routing")).toBeDisabled(); // not saved yet
  await page.getByLabel("Scenario name").fill(`Accepted: ${workload}`);
  await page.getByTestId("save-scenario").click();
  await expect(page).toHaveURL(/scenario=\d+/);
  const scenarioId = Number(new URL(page.url()).searchParams.get("scenario"));

  await page.getByTestId("export-routing").click();
  await expect(page.getByRole("menu", { name: "Export routing" })).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/export-menu.png`, fullPage: false });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-litellm").click()]);
  expect(download.suggestedFilename()).toMatch(/^litellm-config-accepted-.*\.yaml$/);
  const yaml = readFileSync((await download.path())!, "utf8");
  expect(yaml).toMatch(/^# Rightsize routing export of scenario "Accepted: /);
  expect(yaml).toContain("Follows: LiteLLM proxy config.yaml as documented");
  const config = parseYaml(yaml);
  expect(config.model_list.length).toBeGreaterThan(0);
  for (const d of config.model_list) expect(d.litellm_params.api_key).toMatch(/^os\.environ\/[A-Z_]+$/);

  const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  await page.getByTestId("mark-applied").click();
  await page.getByLabel("Applied from").fill(tenDaysAgo);
  await page.getByTestId("confirm-applied").click();
  await expect(page.getByTestId("applied-note")).toContainText(`Applied from ${tenDaysAgo}`);
  await page.getByRole("link", { name: "See its savings" }).click();

  await expect(page).toHaveURL(/\/rollouts\?rollout=\d+/);
  await expect(page.getByTestId("rollouts-table")).toContainText(`Accepted: ${workload}`);
  const detail = page.getByTestId("rollout-detail");
  await expect(detail).toContainText(`Accepted: ${workload}`, { timeout: 30_000 });
  await expect(page.getByTestId("rollout-verdict")).toContainText(/delivering -?\d+% of the predicted saving|predicted no saving/);
  await expect(page.getByTestId("rollout-chart")).toBeVisible();
  await expect(page.getByTestId("rollout-quality")).toContainText("Output tokens per call");
  // The API agrees with the page: the rollout is applied, linked to the saved scenario, from that day.
  const listed = await (await page.request.get("/api/v1/rollouts?status=applied")).json();
  expect(listed.rollouts).toContainEqual(expect.objectContaining({ scenarioId, appliedFrom: tenDaysAgo, source: "manual" }));
  if (shots) await page.screenshot({ path: `${shots}/rollouts-view-new.png`, fullPage: true });
});

test("the demo's own rollout shows three weeks of realised savings, and detected changes wait for review", async ({ page }) => {
  await page.goto("/rollouts");
  await expect(page.getByTestId("proposals")).toContainText("Sales call summaries moved from gpt-4.1-mini to claude-sonnet-4-5");
  const row = page.getByTestId("rollouts-table").locator("tr", { hasText: "Ticket triage on gpt-5-nano" });
  await row.getByRole("button", { name: "Savings" }).click();
  await expect(page.getByTestId("rollout-verdict")).toContainText(/delivering \d+% of the predicted saving; escalations \d+% vs 10% assumed/, { timeout: 30_000 });
  await expect(page.getByTestId("month-realised")).toContainText("$");
  if (shots) await page.screenshot({ path: `${shots}/rollouts-view.png`, fullPage: true });
  await page.goto("/");
  await expect(page.getByTestId("overview-realised")).toContainText("Savings delivered this month");
  if (shots) await page.getByTestId("overview-realised").screenshot({ path: `${shots}/overview-realised.png` });
});
