/**
 * value / 10^scale as an exact decimal string ("12.5", "0.000000375", "-3"): FOCUS prices and costs are products
 * of integer rates and quantities, so they print without rounding and ListCost = ListUnitPrice x PricingQuantity
 * holds digit for digit.
 */
export function exactDecimal(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, "0");
  const whole = scale === 0 ? digits : digits.slice(0, -scale);
  const frac = scale === 0 ? "" : digits.slice(-scale).replace(/0+$/, "");
  return `${negative && value !== 0n ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}
