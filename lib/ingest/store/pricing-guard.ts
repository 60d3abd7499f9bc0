import type pg from "pg";
import { createPricer, type PriceOverrideInput, type Pricer } from "@/lib/pricing";
import { loadPriceOverrides, PRICE_OVERRIDES_SQL, priceOverrideFromRow, type PriceOverrideRow } from "@/lib/pricing/overrides-store";
import { PRICE_INPUT_SELECT, priceChanges, writePriceChanges } from "./reprice-rows";

/**
 * Keeps ingestion and price-override changes from racing. A session prices events with the overrides it read
 * when it opened; an admin may add, change or delete an override while a long import runs, and re-pricing
 * (reprice-events.ts) only sees events committed before it. So:
 * - every ingestion batch takes this lock SHARED in its transaction and compares the overrides with the ones
 *   it priced with; when they differ it re-prices its staged rows and carries on with the new pricer;
 * - a price-override change takes it EXCLUSIVE, changes the override and re-prices stored events, then commits.
 * Either a batch commits before the change (and is re-priced by it) or it sees the new overrides: no event is
 * left with a stale price. The check costs one read of the (small) price_overrides table per batch.
 */
const PRICING_LOCK = 72657371;

export async function lockPricingExclusive(client: pg.ClientBase): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock($1)", [PRICING_LOCK]);
}

/** The overrides a batch was priced with, and their pricer. Immutable: a change makes a new one. */
export interface PricingState {
  readonly fingerprint: string;
  readonly pricer: Pricer;
}

function stateOf(overrides: PriceOverrideInput[]): PricingState {
  return { fingerprint: JSON.stringify(overrides), pricer: createPricer(overrides) };
}

export async function loadPricing(db: Pick<pg.ClientBase, "query">): Promise<PricingState> {
  return stateOf(await loadPriceOverrides(db));
}

/**
 * In a batch's transaction, before its rows are inserted: holds the shared lock until commit and, if the
 * overrides changed since `pricedWith` (the state the batch's oldest row was priced with), re-prices the staged
 * rows and flags models that are now unpriced. Returns the state now in force (pricedWith when unchanged).
 */
export async function ensureCurrentPricing(client: pg.ClientBase, staging: string, pricedWith: PricingState): Promise<PricingState> {
  // The lock, then the overrides, in one round trip: two statements of one simple query, the second with a
  // snapshot taken after the first got the lock (READ COMMITTED takes one per statement), so it sees any change
  // committed by the exclusive holder it waited for.
  const [, read] = (await client.query(`SELECT pg_advisory_xact_lock_shared(${PRICING_LOCK}); ${PRICE_OVERRIDES_SQL}`)) as unknown as pg.QueryResult<PriceOverrideRow>[];
  const overrides = read.rows.map(priceOverrideFromRow);
  if (JSON.stringify(overrides) === pricedWith.fingerprint) return pricedWith;
  const current = stateOf(overrides);
  const changes = await priceChanges(client, `${PRICE_INPUT_SELECT} FROM ${staging} e JOIN models m ON m.id = e.model_id`, [], current.pricer);
  await writePriceChanges(client, staging, changes);
  await client.query(
    `UPDATE models SET unpriced = true WHERE NOT unpriced AND id IN (SELECT DISTINCT model_id FROM ${staging} WHERE cost_nanos IS NULL)`,
  );
  return current;
}
