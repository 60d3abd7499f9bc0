/**
 * The re-pricing step of bench/ingest.ts, in its own process with the react-server condition (the price
 * override module is server-only): adds a price override for the most used model, valid over the whole
 * history, and prints how long re-pricing its stored events and the roll-ups took, as JSON. DATABASE_URL must be set.
 */
import { pool } from "@/lib/db/pool";
import { createPriceOverride } from "@/lib/pricing/overrides-admin";

const top = await pool().query<{ provider: string; name: string; events: string }>(
  `SELECT m.provider, m.name, sum(d.events)::text AS events FROM usage_daily d JOIN models m ON m.id = d.model_id GROUP BY 1, 2 ORDER BY sum(d.events) DESC LIMIT 1`,
);
const { provider, name, events } = top.rows[0];
const started = performance.now();
const change = await createPriceOverride(
  { provider, model: name, inputPerMtok: "0.1", cachedInputPerMtok: null, cacheWritePerMtok: null, outputPerMtok: "0.4", validFrom: "2000-01-01", note: "bench" },
  { label: "bench", userId: null },
);
console.log(JSON.stringify({ model: `${provider}/${name}`, eventsOfModel: Number(events), eventsRepriced: change.repricing.eventsRepriced, seconds: Math.round((performance.now() - started) / 100) / 10 }));
process.exit(0);
