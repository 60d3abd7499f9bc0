import "server-only";
import { pool } from "@/lib/db/pool";
import { createPricer, isKnownModel, normalizeProvider, type PriceOverrideInput } from "@/lib/pricing";
import { loadPriceOverrides } from "@/lib/pricing/overrides-store";
import { dayAveragedPriceFn } from "../day-price";
import { priceFnOf } from "../pricing-adapter";
import type { ModelRef, PriceFn } from "../types";

export interface WhatIfPricing {
  price: PriceFn;
  overrides: PriceOverrideInput[];
  /** Why a model cannot be a target, or null when it has a price (catalogue or override). */
  unpricedReason(ref: ModelRef): string | null;
}

/**
 * The pricer ingestion uses (catalogue + price overrides), wrapped for day-level call groups (day-price.ts).
 * Built once per request: overrides are read once and the pricer caches model look-ups.
 */
export async function loadWhatIfPricing(): Promise<WhatIfPricing> {
  const overrides = await loadPriceOverrides(pool());
  const overridden = new Set(overrides.map((o) => `${normalizeProvider(o.provider, o.model)}/${o.model.trim().toLowerCase()}`));
  return {
    price: dayAveragedPriceFn(priceFnOf(createPricer(overrides))),
    overrides,
    unpricedReason(ref) {
      if (ref.provider !== normalizeProvider(ref.provider, ref.model)) {
        return `provider "${ref.provider}" is not a catalogue provider id (did you mean "${normalizeProvider(ref.provider, ref.model)}"?)`;
      }
      if (isKnownModel(ref.provider, ref.model) || overridden.has(`${ref.provider}/${ref.model.toLowerCase()}`)) return null;
      return "not in the price catalogue and no price override: unknown or unpriced model";
    },
  };
}
