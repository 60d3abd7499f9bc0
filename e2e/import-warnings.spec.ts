import { test, expect } from "./test";
import { mkdirSync } from "node:fs";

/** Issue 9.4 on the Ingestion page: an OpenAI usage export not grouped by batch/service_tier imports with a warning naming the group-by. */
const SHOTS = "test-results/screens";
mkdirSync(SHOTS, { recursive: true });

test("an ungrouped OpenAI usage export shows the group-by to add, in the result and in the import list", async ({ page }) => {
  const start = Math.floor(Date.now() / 86_400_000 - 2) * 86_400;
  const page1 = {
    object: "page",
    data: [{ object: "bucket", start_time: start, end_time: start + 86_400, results: [
      { object: "organization.usage.completions.result", input_tokens: 1_000_000, output_tokens: 100_000, num_model_requests: 100, model: "gpt-4o-mini-2024-07-18", project_id: `e2e-${Date.now()}` },
    ] }],
    has_more: false,
  };
  await page.goto("/ingestion");
  await page.getByTestId("file-input").setInputFiles({ name: "openai-usage.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(page1)) });
  await page.getByRole("button", { name: "Import openai-usage.json" }).click();
  const warnings = page.getByTestId("import-result").getByTestId("import-warnings");
  await expect(warnings).toContainText("group_by=batch and group_by=service_tier");
  await page.screenshot({ path: `${SHOTS}/ingestion-import-warnings.png`, fullPage: true });
  await expect(page.getByTestId("recent-imports")).toContainText("priced with a caveat");
});
