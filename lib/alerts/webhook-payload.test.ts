import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { webhookPayload, type AlertEvent } from "./webhook-payload";
import { forecastMessage, periodName, percentOf, thresholdMessage, thresholdTitle, type BudgetFigures } from "./alert-messages";

const figures: BudgetFigures = {
  label: "Team Search & Discovery",
  currency: "USD",
  period: "month",
  periodKey: "2026-10",
  amountNanos: usdToNanos("25000"),
  spentNanos: usdToNanos("20512.40"),
  forecastNanos: usdToNanos("27100"),
  forecastLowNanos: usdToNanos("26000"),
  forecastHighNanos: usdToNanos("28400"),
  runsOutOn: "2026-10-27",
};

describe("alert messages", () => {
  it("say who, how much of which budget, and where it is heading", () => {
    expect(thresholdTitle(figures, 0.8)).toBe("Budget at 80%: Team Search & Discovery");
    expect(thresholdMessage(figures, 0.8)).toBe(
      "Team Search & Discovery has spent $20,512.40 of its $25,000.00 budget for October 2026 (82%), past the 80% threshold; " +
        "forecast $27,100.00 (likely $26,000.00–$28,400.00); at this rate it runs out on 2026-10-27.",
    );
    expect(forecastMessage(figures)).toContain("is on course to exceed its $25,000.00 budget for October 2026: forecast $27,100.00");
    expect(thresholdMessage({ ...figures, spentNanos: usdToNanos("25100") }, 1)).toMatch(/^Team Search & Discovery is over budget: \$25,100.00 spent/);
  });

  it("names periods and rounds percentages down", () => {
    expect([periodName("2026-10"), periodName("2026-Q4"), periodName("2026")]).toEqual(["October 2026", "Q4 2026", "2026"]);
    expect(percentOf(usdToNanos("799.99"), usdToNanos("1000"))).toBe("79%");
  });
});

describe("webhook payloads", () => {
  const event: AlertEvent = {
    alertId: 7,
    kind: "threshold",
    title: "Budget at 80%: Team <Search> & Co",
    message: "spent $1 & more",
    periodKey: "2026-10",
    threshold: 0.8,
    createdAt: "2026-10-20T12:00:00.000Z",
    budget: { id: 3, label: "Team Search", period: "month", amountUsd: "25000.00", scope: { type: "team", team: "search", workload: null } },
    facts: [["Spent", "$20,512.40 (82%)"]],
    link: "https://rightsize.example/budgets",
  };

  it("slack: text fallback plus Block Kit blocks, with Slack's markup characters escaped", () => {
    const p = webhookPayload("slack", event) as { text: string; blocks: { type: string }[] };
    expect(p.text).toBe(":warning: spent $1 &amp; more");
    expect(p.blocks.map((b) => b.type)).toEqual(["header", "section", "section", "context"]);
    expect(JSON.stringify(p.blocks[3])).toContain("<https://rightsize.example/budgets|Open in Rightsize>");
  });

  it("json: a plain event with the budget and the figures", () => {
    expect(webhookPayload("json", event)).toMatchObject({
      event: "budget.threshold_crossed",
      alertId: 7,
      threshold: 0.8,
      budget: { id: 3, scope: { team: "search" } },
      facts: { Spent: "$20,512.40 (82%)" },
    });
  });
});
