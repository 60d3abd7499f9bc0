/**
 * The bridge to lib/pricing: the engine only needs a function, so tests can use a hand-checkable table while the
 * app passes the real pricer. Type-only import: type-checking this file proves the two shapes stay compatible.
 */
import type { Pricer } from "@/lib/pricing/types";
import type { PriceFn } from "./types";

export function priceFnOf(pricer: Pricer): PriceFn {
  return (call) => pricer.price(call);
}
