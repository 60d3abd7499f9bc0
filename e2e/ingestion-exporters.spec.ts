import { test, expect, type Page } from "./test";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Screenshots for a human look (not compared): test-results/screens/*.png. */
const SHOTS = "test-results/screens";
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

test("the Ingestion page lists every supported exporter and explains what an import skipped or guessed", async ({ page }) => {
  await page.goto("/ingestion");
  const table = page.getByTestId("supported-exporters");
  await expect(table).toBeVisible();
  for (const name of ["OpenLLMetry (Traceloop)", "OpenInference (Arize Phoenix)", "Vercel AI SDK telemetry", "Langfuse observations", "Helicone requests (JSON)", "LiteLLM spend logs"]) {
    await expect(table).toContainText(name);
  }
  await table.scrollIntoViewIfNeeded();
  await shot(page, "ingestion-exporters");

  // A real OpenLLMetry capture: one priced call, one skipped HTTP span, one heuristic decision (cache writes > prompt_tokens).
  const file = readFileSync(path.join(process.cwd(), "tests/fixtures/real/openllmetry-legacy.otlp.json"));
  await page.getByTestId("file-input").setInputFiles({ name: "openllmetry-legacy.json", mimeType: "application/json", buffer: file });
  await expect(page.getByTestId("detected-format")).toContainText("OpenTelemetry traces (OTLP/JSON), certain");
  await page.getByRole("button", { name: "Import openllmetry-legacy.json" }).click();
  await expect(page.getByTestId("skip-reasons")).toContainText("1 no token usage (not a model call)");
  await expect(page.getByTestId("heuristic-count")).toContainText("1 event priced through a last-resort heuristic");
  await shot(page, "ingestion-import-skips");
});
