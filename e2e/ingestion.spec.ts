import { test, expect, type Page } from "./test";
import { mkdirSync } from "node:fs";

/** Screenshots for a human look at the screens (not compared): test-results/screens/*.png. */
const SHOTS = "test-results/screens";
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

const run = Date.now();
const at = new Date(Date.now() - 3_600_000).toISOString();
const model = `e2e-private-${run}`;
// Four lines that matter (line 2 is refused), then enough ordinary calls (~25 MB) that the upload takes a
// moment: the server reads the body as it imports, so the progress bar moves with the import.
const FILLER = 80_000;
const lines = [
  { id: `e2e-${run}-1`, timestamp: at, provider: "openai", model: "gpt-4.1-mini", input_tokens: 1200, output_tokens: 300, team: "search" },
  { id: `e2e-${run}-2`, timestamp: at, provider: "openai", model: "gpt-4.1-mini", input_tokens: -5, output_tokens: 1 },
  { id: `e2e-${run}-3`, timestamp: at, provider: "acme", model, input_tokens: 50_000, output_tokens: 2_000 },
  { id: `e2e-${run}-4`, timestamp: at, provider: "anthropic", model: "claude-sonnet-4-5", input_tokens: 900, output_tokens: 90, unknown_field: true },
  ...Array.from({ length: FILLER }, (_, i) => ({ id: `e2e-${run}-f${i}`, timestamp: at, provider: "openai", model: "gpt-4.1-nano", input_tokens: 300 + (i % 500), output_tokens: 20, user: `filler-${i % 40}`, tags: { "service.name": "e2e-filler", note: "x".repeat(120) } })),
]
  .map((l) => JSON.stringify(l))
  .join("\n");

test("upload an NDJSON file: the format is shown before import, then progress, then the result with the rejected line", async ({ page }) => {
  await page.goto("/ingestion");
  await expect(page.getByRole("heading", { name: "Import a file" })).toBeVisible();
  await shot(page, "ingestion-before");

  await page.getByTestId("file-input").setInputFiles({ name: "e2e-events.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from(lines) });
  await expect(page.getByTestId("detected-format")).toContainText("Rightsize events, one JSON object per line");

  // Record every value the progress bar takes, to see it move rather than jump.
  await page.evaluate(() => {
    const seen: number[] = ((window as unknown as { progressSeen: number[] }).progressSeen = []);
    new MutationObserver(() => {
      const bar = document.querySelector("[role=progressbar]");
      if (bar) seen.push(Number(bar.getAttribute("aria-valuenow")));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
  });
  await page.getByRole("button", { name: "Import e2e-events.ndjson" }).click();
  await expect(page.getByRole("progressbar", { name: "Upload progress" })).toBeVisible();
  await expect.poll(() => page.evaluate(() => Math.max(0, ...(window as unknown as { progressSeen: number[] }).progressSeen))).toBeGreaterThan(0);
  await shot(page, "ingestion-during");

  const result = page.getByTestId("import-result");
  await expect(result).toContainText("Imported e2e-events.ndjson as Rightsize events");
  await expect(page.getByTestId("count-accepted")).toContainText(String(3 + FILLER).replace(/\B(?=(\d{3})+(?!\d))/g, ","));
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  expect(seen.some((v) => v > 0 && v < 100), `progress values seen: ${seen.join(",")}`).toBe(true);
  await expect(page.getByTestId("count-rejected")).toContainText("1");
  const rejected = page.getByTestId("rejected-list");
  await expect(rejected.getByRole("row").nth(1)).toContainText("2");
  await expect(rejected).toContainText("input_tokens");
  await expect(rejected).toContainText("must be a non-negative integer, got -5");
  await expect(page.getByTestId("recent-imports")).toContainText("e2e-events.ndjson");
  await shot(page, "ingestion-after");

  // The rejected lines download as CSV.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download rejected lines (CSV)" }).click();
  expect((await download).suggestedFilename()).toBe("e2e-events.ndjson.rejected.csv");
});

test("an unpriced model from the upload is listed; pricing it re-prices its calls and shows in Settings → Prices", async ({ page }) => {
  await page.goto("/ingestion");
  const unpriced = page.getByTestId("unpriced-models");
  const row = unpriced.getByRole("row").filter({ hasText: model });
  await expect(row).toContainText("50,000");
  await row.getByRole("button", { name: "Price it" }).click();
  const form = page.getByRole("form", { name: "Add a price" });
  await form.getByLabel("Input $/1M", { exact: true }).fill("0.8");
  await form.getByLabel("Output $/1M", { exact: true }).fill("2.4");
  await shot(page, "ingestion-price-it");
  await form.getByRole("button", { name: "Save price" }).click();
  await expect(unpriced.getByRole("status")).toContainText(`Re-priced 1 stored events`);
  await expect(unpriced.getByRole("status")).toContainText(`acme/${model} is priced now`);
  await expect(unpriced.getByRole("row").filter({ hasText: model })).toHaveCount(0);

  await page.goto("/settings?tab=prices");
  await expect(page.getByTestId("price-overrides")).toContainText(model);
  await expect(page.getByTestId("price-overrides")).toContainText("$0.8");
  await shot(page, "settings-prices");
});
