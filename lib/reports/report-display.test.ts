import { describe, expect, it } from "vitest";
import { changeFieldsOf, changeShareOf, shownAmount } from "./report-display";
import { moneyOr, moneyUnit, signedMoney, usdIn } from "@/lib/ui/money";
import { pdfMoney, pdfSigned } from "./pdf/in-currency";

describe("amounts in the reporting currency", () => {
  it("shows the converted amount when there is one, else USD labelled USD", () => {
    expect(shownAmount("30.00", "28.00", "EUR")).toEqual({ amount: "28.00", currency: "EUR" });
    expect(shownAmount("30.00", null, "EUR")).toEqual({ amount: "30.00", currency: "USD" });
    expect(shownAmount("30.00", "28.00", "USD")).toEqual({ amount: "30.00", currency: "USD" });
    expect(moneyOr("30.00", "28.00", "EUR")).toBe("€28.00");
    expect(moneyOr("30.00", undefined, "EUR")).toBe("$30.00 USD");
    expect(moneyOr("30.00", undefined, "USD")).toBe("$30.00");
    expect(usdIn("1234.5", "GBP")).toBe("$1,234.50 USD");
    expect(usdIn(null, "GBP")).toBe("—");
    expect(signedMoney("23.5", "EUR")).toBe("+€23.50");
    expect(signedMoney("-1", "CHF")).toBe("-CHF 1.00");
    expect(moneyUnit("0.0042", "EUR")).toBe("€0.0042");
  });

  it("writes PDF amounts with the code, USD ones labelled", () => {
    expect(pdfMoney("30.00", "28.00", "EUR")).toBe("28.00 EUR");
    expect(pdfMoney("30.00", null, "EUR")).toBe("$30.00 USD");
    expect(pdfMoney("30.00", "28.00", "USD")).toBe("$30.00");
    expect(pdfSigned("25.00", "23.50", "EUR")).toBe("+23.50 EUR");
    expect(pdfSigned("-2.00", null, "EUR")).toBe("-$2.00 USD");
  });

  it("gives the waterfall's fields from a change in the currency, and the change share exactly", () => {
    const c = { base: "4.50", current: "28.00", change: "23.50", parts: { volume: "22.50", mix: "0", tokens: "0", cache: "0", price: "1.00" }, explanation: "x" };
    expect(changeFieldsOf(c)).toMatchObject({ baseUsd: "4.50", currentUsd: "28.00", changeUsd: "23.50", parts: { volumeUsd: "22.50", priceUsd: "1.00" } });
    expect(changeShareOf("28.00", "4.50")).toBeCloseTo(23.5 / 4.5, 12);
    expect(changeShareOf("28.00", "0.00")).toBeNull();
    expect(changeShareOf("28.00", null)).toBeNull();
  });
});
