import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { compareWithBill, isMatched, normalizeModel, type BillLineLite } from "./explain-difference";

const usd = (s: string) => usdToNanos(s);
const line = (day: string, amount: string, model: string | null = "claude-sonnet-4-5-20250929", lineItem: string | null = "Input Tokens", tokenType: string | null = "uncached_input_tokens", nonToken = false): BillLineLite => ({
  day, amountNanos: usd(amount), model, lineItem, tokenType, nonToken,
});

describe("compareWithBill", () => {
  it("keeps the provider's own non-token flag instead of guessing from the model name (issue 9.8)", () => {
    // Anthropic's cost report names the model a web search ran for (cost_type web_search): not tokens all the same.
    // A line without a model but flagged as tokens by the provider stays with the tokens.
    const bill = [
      line("2026-10-01", "100"), // tokens, as computed
      line("2026-10-01", "12.50", "claude-sonnet-4-5-20250929", "Web Search Usage", null, true), // flagged: not tokens
      line("2026-10-01", "4", null, "Batch credit adjustment", null, false), // no model, yet the provider says tokens
    ];
    const c = compareWithBill(bill, new Map([["2026-10-01", usd("100")]]), [{ model: "claude-sonnet-4-5", costNanos: usd("100"), requests: 10, unpricedRequests: 0 }]);
    // billed 116.50 - computed 100 = 16.50 = 12.50 non-token (the flagged line, model or not) + 4 pricing.
    expect(c.explanation.map((e) => [e.kind, e.amountNanos])).toEqual([
      ["non_token", usd("12.50")],
      ["pricing", usd("4")],
    ]);
  });

  it("explains the difference in parts that add up to it exactly", () => {
    const bill = [
      line("2026-10-01", "90"), // we computed 100 -> 10% discount
      line("2026-10-02", "45"), // we computed 50
      line("2026-10-02", "7", "claude-experimental-9", "Experimental", "output_tokens"), // a model we cannot price
      line("2026-10-02", "3", null, "Web Search Usage", null, true), // not tokens
      line("2026-10-03", "20"), // no usage recorded here that day
    ];
    const ours = new Map([["2026-10-01", usd("100")], ["2026-10-02", usd("50")], ["2026-10-04", usd("30")]]);
    const models = [
      { model: "claude-sonnet-4-5", costNanos: usd("180"), requests: 100, unpricedRequests: 0 },
      { model: "claude-experimental-9", costNanos: 0n, requests: 5, unpricedRequests: 5 },
    ];
    const c = compareWithBill(bill, ours, models);
    expect(c.billedNanos).toBe(usd("165"));
    expect(c.computedNanos).toBe(usd("180"));
    expect(c.differenceNanos).toBe(usd("-15"));
    expect(c.status).toBe("differs");
    expect(c.explanation.map((e) => [e.kind, e.amountNanos])).toEqual([
      ["missing_usage_days", usd("20")],
      ["missing_bill_days", usd("-30")],
      ["unpriced_models", usd("7")],
      ["non_token", usd("3")],
      ["pricing", usd("-15")],
    ]);
    expect(c.explanation.reduce((s, e) => s + (e.amountNanos ?? 0n), 0n)).toBe(c.differenceNanos);
    expect(c.explanation[4].detail).toMatch(/bill is \$15.00 below our computation \(10.00%\): a discount/);
    expect(c.models.find((m) => m.model === "claude-experimental-9")).toMatchObject({ unpriced: true, billedNanos: usd("7"), computedNanos: 0n });
  });

  it("reports a match within half a percent, and a missing bill", () => {
    expect(isMatched(usd("1000"), usd("4.99"))).toBe(true);
    expect(isMatched(usd("1000"), usd("5.01"))).toBe(false);
    expect(compareWithBill([], new Map([["2026-10-01", 5n]]), []).status).toBe("no_bill");
    expect(compareWithBill([line("2026-10-01", "100")], new Map([["2026-10-01", usd("100.2")]]), []).status).toBe("matched");
  });

  it("notes unpriced requests when the bill has no model breakdown", () => {
    const c = compareWithBill([line("2026-10-01", "10", null, null, null)], new Map([["2026-10-01", usd("8")]]), [{ model: "mystery", costNanos: 0n, requests: 3, unpricedRequests: 3 }]);
    expect(c.explanation.map((e) => e.kind)).toEqual(["pricing", "note"]);
    expect(c.explanation[1].amountNanos).toBeNull();
  });

  it("normalises dated model names", () => {
    expect([normalizeModel("claude-sonnet-4-5-20250929"), normalizeModel("gpt-4o-2024-08-06"), normalizeModel("GPT-4o")]).toEqual(["claude-sonnet-4-5", "gpt-4o", "gpt-4o"]);
  });
});

describe("server-side tools reconcile with the bill's non-token lines (issue 15.5)", () => {
  it("the non_token part is billed non-token charges minus the tool charges we priced", () => {
    // Bill: $100 tokens + $12.50 web search. Ours: $110 that day, of which $10 web searches (so $100 tokens).
    const bill = [line("2026-10-01", "100"), line("2026-10-01", "12.50", null, "Web Search Usage", null, true)];
    const c = compareWithBill(bill, new Map([["2026-10-01", usd("110")]]), [], new Map([["2026-10-01", usd("10")]]));
    // difference 112.50 - 110 = 2.50, all of it non-token (12.50 - 10); tokens agree.
    expect(c.explanation.map((e) => [e.kind, e.amountNanos])).toEqual([["non_token", usd("2.50")]]);
    expect(c.explanation[0].detail).toMatch(/our server-side tool charges \(web\/file search\) come to \$10.00/);
  });
});
