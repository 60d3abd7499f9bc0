import { test, expect } from "./test";
import { readFileSync } from "node:fs";

test("the Reports page shows the month and downloads it as CSV", async ({ page }) => {
  await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  const report = page.getByTestId("monthly-report");
  await expect(report).toBeVisible();
  await expect(page.getByTestId("report-total")).toContainText("$");
  await expect(report.getByRole("region", { name: "Spend by team" })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV", exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^rightsize-\d{4}-\d{2}\.csv$/);
  const text = readFileSync((await file.path())!, "utf8");
  expect(text.split("\r\n")[0]).toBe(
    "day,team,team_name,workload,workload_name,provider,model,tier,requests,input_tokens,cached_input_tokens,cache_write_tokens,output_tokens,reasoning_tokens,cost_usd,unpriced_requests,tool_cost_usd,adjustment_added_on",
  );
  expect(text.split("\r\n").length).toBeGreaterThan(10);
});

test("the PDF download is a PDF, and reconciliation opens for admins", async ({ page }) => {
  await page.goto("/reports");
  const pdfHref = await page.getByRole("link", { name: "PDF", exact: true }).getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await page.getByRole("tab", { name: "Reconciliation with bills" }).click();
  await expect(page.getByRole("region", { name: "Import a bill" })).toBeVisible();
  await expect(page.getByTestId("provider-reconciliation").first()).toContainText("no bill imported");
});
