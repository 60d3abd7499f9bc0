import { test, expect } from "./test";
import { readFile } from "node:fs/promises";

// Tag dimensions over the demo workspace (e2e/serve.ts): its calls carry customer and feature tags, and the demo
// promotes both keys on first start. Screenshots go to test-results/ (and SCREENSHOT_DIR when set).
const shots = process.env.SCREENSHOT_DIR ?? "test-results";

test("the Dimensions page shows spend per customer with (none), drills into one customer, and exports CSV", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto("/dimensions?range=30d");
  await expect(page.getByTestId("spend-chart").locator(".spend-bar").first()).toBeVisible();
  const table = page.getByTestId("table-dimension");
  await expect(table.getByRole("button", { name: "acme", exact: true })).toBeVisible();
  await expect(table.getByRole("button", { name: "(none)" })).toBeVisible();
  await page.screenshot({ path: `${shots}/dimensions-customer.png`, fullPage: true });

  const download = page.waitForEvent("download");
  await table.getByRole("button", { name: /CSV/ }).click();
  const csv = await readFile(await (await download).path(), "utf8");
  expect(csv.split("\r\n")[0]).toBe("customer,Spend (USD),Calls,Cost per call (USD),Input tokens,Output tokens");
  expect(csv).toContain("\r\nacme,");

  await table.getByRole("button", { name: "acme", exact: true }).click();
  await expect(page).toHaveURL(/value=acme/);
  await expect(page.getByRole("heading", { name: "Workloads of customer = acme" })).toBeVisible();
  // The tag roll-up keeps the model: one customer's spend by model, on one tier (issue 13 §1).
  await page.getByRole("group", { name: "By" }).getByRole("button", { name: "Model" }).click();
  await expect(page).toHaveURL(/by=model/);
  await expect(page.getByRole("heading", { name: "Models of customer = acme" })).toBeVisible();
  await page.getByRole("combobox", { name: "Tier" }).selectOption("frontier");
  await expect(page).toHaveURL(/tier=frontier/);
  await expect(table.locator("tbody tr").first()).toBeVisible();
  await page.screenshot({ path: `${shots}/dimensions-customer-by-model.png`, fullPage: true });

  // One model: the model picker lists only the picked tier's models, and the table keeps that model's row alone.
  const modelPicker = page.getByRole("combobox", { name: "Model" });
  const frontierModels = (await modelPicker.locator("option").allTextContents()).filter((m) => m !== "All models");
  const onTable = (await table.locator("tbody tr td:first-child").allTextContents()).map((cell) => cell.trim());
  // Every frontier model this customer used is offered (the picker lists the tier's models, used or not).
  for (const model of onTable) expect(frontierModels).toContain(model);
  for (const small of ["gpt-5-nano", "claude-haiku-4-5"]) expect(frontierModels).not.toContain(small);
  const picked = onTable[1];
  await modelPicker.selectOption({ label: picked });
  await expect(page).toHaveURL(/model=[a-z]+(%2F|\/)/);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.locator("tbody tr td:first-child")).toHaveText(picked);
  await page.getByRole("group", { name: "By" }).getByRole("button", { name: "Workload" }).click();
  await expect(page.getByRole("heading", { name: "Workloads of customer = acme" })).toBeVisible();
  await expect(table.locator("tbody tr").first()).toBeVisible();

  await page.getByRole("combobox", { name: "Dimension" }).selectOption("feature");
  await expect(page).toHaveURL(/key=feature/);
});

test("Settings › Dimensions lists the demo's promoted keys", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/settings?tab=dimensions");
  for (const key of ["customer", "feature"]) await expect(page.getByRole("link", { name: key, exact: true })).toBeVisible();
  await page.screenshot({ path: `${shots}/settings-dimensions.png`, fullPage: true });
});
