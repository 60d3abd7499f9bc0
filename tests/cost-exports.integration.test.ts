import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { request } from "./factories";
import { createApiKey } from "@/lib/auth/api-keys";
import { POST as importFile } from "@/app/api/v1/imports/route";
import { pool } from "@/lib/db/pool";

useTestDatabase();

/**
 * Issue 15.6: a provider's cost export given to the usage importer is refused with a message naming where it goes:
 * the bills import on the Reports page, POST /api/v1/bills and `rightsize bills import` (which exists).
 */
const openAiCosts = {
  object: "page",
  data: [
    {
      object: "bucket",
      start_time: 1_791_158_400, // 2026-10-05T00:00:00Z
      end_time: 1_791_244_800,
      results: [
        { object: "organization.costs.result", amount: { value: 12.5, currency: "usd" }, line_item: "gpt-4o-2024-08-06, input", project_id: "proj_a" },
        { object: "organization.costs.result", amount: { value: "0.25", currency: "usd" }, line_item: "web search tool calls", project_id: "proj_a" },
      ],
    },
  ],
  has_more: false,
};
const anthropicCosts = {
  data: [{ starting_at: "2026-10-05T00:00:00Z", ending_at: "2026-10-06T00:00:00Z", results: [{ currency: "USD", amount: "123.45", model: "claude-sonnet-4-5", cost_type: "tokens" }] }],
  has_more: false,
};

const NAMES_THE_BILLS_IMPORT = [/Reports page/, /Import a provider bill/, /POST \/api\/v1\/bills\?provider=/, /rightsize bills import FILE/];

let key: string;
beforeAll(async () => {
  key = (await createApiKey({ name: "importer", scopes: ["ingest", "read"] })).key;
});

async function upload(body: string, query = "") {
  const bytes = new TextEncoder().encode(body);
  const res = await importFile(request(`/api/v1/imports${query}`, { key, body: bytes, headers: { "content-type": "application/octet-stream", "content-length": String(bytes.length) } }));
  return { status: res.status, body: await res.json() };
}

describe("cost exports given to the usage importer", () => {
  it("refuses an OpenAI Costs API page and an Anthropic cost report, naming the bills import page, API and CLI", async () => {
    for (const [file, provider] of [[openAiCosts, "openai"], [anthropicCosts, "anthropic"]] as const) {
      const r = await upload(JSON.stringify(file));
      expect(r.status).toBe(400);
      for (const name of NAMES_THE_BILLS_IMPORT) expect(r.body.error.message).toMatch(name);
      expect(r.body.error.message).toContain(`provider=${provider}`);
    }
    expect((await pool().query("SELECT count(*)::int AS n FROM usage_events")).rows[0].n).toBe(0);
  });

  it("rejects (never skips) cost results when the usage format is forced", async () => {
    const r = await upload(JSON.stringify(openAiCosts), "?format=openai-usage");
    expect(r.body).toMatchObject({ accepted: 0, rejected: 2, skipped: 0 });
    expect(r.body.errors[0].field).toBe("data[0].results[0].object");
    for (const name of NAMES_THE_BILLS_IMPORT) expect(r.body.errors[0].message).toMatch(name);
    const a = await upload(JSON.stringify(anthropicCosts), "?format=anthropic-usage");
    expect(a.body).toMatchObject({ accepted: 0, rejected: 1 });
    expect(a.body.errors[0].message).toMatch(/rightsize bills import FILE --provider anthropic/);
  });

  it("the CLI says the same, and `rightsize bills import` takes the file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rightsize-costs-"));
    const file = path.join(dir, "openai-costs.json");
    writeFileSync(file, JSON.stringify(openAiCosts));
    const cli = (...args: string[]) => spawnSync(process.execPath, ["cli/bin.mjs", ...args], { encoding: "utf8", env: { ...process.env }, timeout: 300_000 });
    const ingest = cli("ingest", file);
    expect(ingest.status).toBe(1);
    expect(ingest.stderr).toMatch(/rightsize bills import FILE --provider openai/);
    const bills = cli("bills", "import", file);
    expect(bills.stderr).toBe("");
    expect(bills.status).toBe(0);
    // $12.50 + $0.25 = $12.75 billed on 2026-10-05.
    expect(bills.stdout).toContain("$12.75");
    const stored = await pool().query<{ total: string }>("SELECT sum(amount_nanos)::text AS total FROM bill_lines WHERE provider = 'openai'");
    expect(stored.rows[0].total).toBe("12750000000");
  });
});
