/**
 * Monthly and annual projections of a window's savings. A month is 30.4375 days (365.25 / 12, the average
 * Gregorian month including leap years), so monthly = savings x 30.4375 / windowDays and annual = monthly x 12
 * (= savings x 365.25 / windowDays). windowDays is the requested window, both ends included: a window only partly
 * covered by data projects less, which is why the result also reports daysWithTraffic.
 */
import { divRound } from "./ratio";

/** @param savingsNum exact savings numerator over `den` nano-dollars. */
export function monthlyFromWindow(savingsNum: bigint, den: bigint, windowDays: number): bigint {
  return divRound(savingsNum * 304_375n, den * 10_000n * BigInt(windowDays));
}

export function annualFromMonthly(monthlyNanos: bigint): bigint {
  return monthlyNanos * 12n;
}
