import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseJsonWithLines, JsonSyntaxError } from "./json-lines";
import { parseBillFile } from "./parse-bill";
import { centsToNanos } from "./parse-anthropic-costs";
import { splitLineItem } from "./parse-openai-costs";

const openAiPage = {
  object: "page",
  data: [
    {
      object: "bucket",
      start_time: 1_791_158_400, // 2026-10-05T00:00:00Z
      end_time: 1_791_244_800,
      results: [
        { object: "organization.costs.result", amount: { value: 12.5, currency: "usd" }, line_item: "gpt-4o-2024-08-06, input", project_id: "proj_a" },
        { object: "organization.costs.result", amount: { value: "0.000123456", currency: "usd" }, line_item: "web search tool calls", project_id: "proj_a" },
      ],
    },
  ],
  has_more: false,
  next_page: null,
};

const anthropicPage = {
  data: [
    {
      starting_at: "2026-10-05T00:00:00Z",
      ending_at: "2026-10-06T00:00:00Z",
      results: [
        { amount: "123.45", currency: "USD", cost_type: "tokens", description: "Claude Sonnet 4.5 Usage - Input Tokens", model: "claude-sonnet-4-5-20250929", service_tier: "standard", token_type: "uncached_input_tokens", workspace_id: null, context_window: "0-200k" },
        { amount: "50", currency: "USD", cost_type: "web_search", description: "Web Search Usage", model: null, service_tier: null, token_type: null, workspace_id: "wrkspc_1", context_window: null },
      ],
    },
  ],
  has_more: false,
  next_page: null,
};

function rejection(text: string): { message: string; details: { line: number; path: string }[] } {
  try {
    parseBillFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { message: (error as AppError).message, details: (error as AppError).details as { line: number; path: string }[] };
  }
  throw new Error("expected the file to be rejected");
}

describe("parseBillFile", () => {
  it("reads an OpenAI Costs API page: amount.value in dollars, model and token type from line_item", () => {
    const { provider, lines } = parseBillFile(JSON.stringify(openAiPage, null, 2));
    expect(provider).toBe("openai");
    expect(lines.map((l) => [l.day, l.amountNanos, l.model, l.tokenType, l.accountRef, l.nonToken])).toEqual([
      ["2026-10-05", 12_500_000_000n, "gpt-4o-2024-08-06", "input", "proj_a", false],
      ["2026-10-05", 123_456n, null, null, "proj_a", true],
    ]);
  });

  it("reads an Anthropic cost report: amount is a decimal string in cents", () => {
    const { provider, lines } = parseBillFile(JSON.stringify(anthropicPage));
    expect(provider).toBe("anthropic");
    expect(lines.map((l) => [l.amountNanos, l.model, l.tokenType, l.accountRef, l.nonToken])).toEqual([
      [1_234_500_000n, "claude-sonnet-4-5-20250929", "uncached_input_tokens", null, false],
      [500_000_000n, null, null, "wrkspc_1", true],
    ]);
  });

  it("accepts a list of pages and NDJSON, and gives the same line keys for the same lines", () => {
    const one = parseBillFile(JSON.stringify(openAiPage)).lines.map((l) => l.lineKey);
    expect(parseBillFile(JSON.stringify([openAiPage, openAiPage])).lines.map((l) => l.lineKey)).toEqual([...one, ...one]);
    expect(parseBillFile(`${JSON.stringify(anthropicPage)}\n${JSON.stringify(anthropicPage)}\n`).lines).toHaveLength(4);
  });

  it("rejects a malformed file naming the line", () => {
    const text = JSON.stringify(openAiPage, null, 2).replace('"value": 12.5', '"value": "twelve"');
    const lineNo = text.split("\n").findIndex((l) => l.includes('"twelve"')) + 1;
    const r = rejection(text);
    expect(r.message).toBe(`The bill file was rejected, nothing was imported. line ${lineNo}: data[0].results[0].amount.value must be a number of dollars, got "twelve"`);
    expect(r.details).toEqual([{ line: lineNo, path: "data[0].results[0].amount.value", message: 'must be a number of dollars, got "twelve"' }]);
  });

  it("rejects broken JSON, other currencies, mixed providers and files that are not bills", () => {
    expect(rejection('{\n  "data": [\n    {"start_time": 1,\n  ]\n}').message).toMatch(/^The bill file is not valid JSON: line 4, column 3: expected a property name/);
    const eur = JSON.stringify(anthropicPage, null, 2).replace('"currency": "USD"', '"currency": "EUR"');
    expect(rejection(eur).message).toMatch(/line \d+: data\[0\]\.results\[0\]\.currency only USD bills can be reconciled, got "EUR"/);
    expect(rejection(JSON.stringify([openAiPage, anthropicPage])).message).toMatch(/this is an Anthropic bucket, but the file is an OpenAI bill/);
    expect(rejection('{"hello": "world"}').message).toMatch(/line 1: expected a cost report page/);
    const cents = JSON.stringify(anthropicPage).replace('"123.45"', "123.45");
    expect(rejection(cents).message).toMatch(/amount must be a decimal string of cents such as "123.45", got 123.45/);
  });
});

describe("helpers", () => {
  it("json-lines remembers lines of values and keys", () => {
    const p = parseJsonWithLines('{\n "a": [\n  1,\n  {"b": 2}\n ]\n}');
    const root = p.values[0] as { a: unknown[] };
    expect(p.lineOf(root, "a")).toBe(2);
    expect(p.lineOf(root.a, 1)).toBe(4);
    expect(() => parseJsonWithLines('{"a": tru}')).toThrow(JsonSyntaxError);
  });

  it("cents and line items", () => {
    expect(centsToNanos("123.45")).toBe(1_234_500_000n);
    expect(centsToNanos("0.0000001")).toBe(1n);
    expect(centsToNanos("-2")).toBe(-20_000_000n);
    expect(splitLineItem("gpt-4o-mini-2024-07-18, cached input")).toEqual({ model: "gpt-4o-mini-2024-07-18", tokenType: "cached input" });
    expect(splitLineItem("web search tool calls")).toEqual({ model: null, tokenType: null });
  });
});
