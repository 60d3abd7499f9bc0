import { openDatabase } from "../database";
import { parse, positiveInt, UsageError } from "../args";
import { loadDemo, startOfCurrentHourUtc } from "@/lib/demo/load-demo";
import { isValidDate } from "@/lib/analytics/dates";

export const help = `rightsize demo [--events N] [--days D] [--seed S] [--until YYYY-MM-DD]
Loads the demo workspace: ~8 teams, ~25 workloads, several providers and tiers, incidents and untagged traffic.
Default 1,000,000 events over the 90 days before the current hour (or before --until, UTC midnight). The same
flags give the same data (seeded; pass --until for a fixed window), and loading twice adds nothing (idempotent).
--events 10000000 is the benchmark dataset.`;

export async function run(argv: string[]) {
  const { values } = parse(argv, { events: { type: "string" }, days: { type: "string" }, seed: { type: "string" }, until: { type: "string" } });
  if (values.until !== undefined && !isValidDate(values.until)) throw new UsageError(`--until must be a date YYYY-MM-DD, got "${values.until}"`);
  const events = positiveInt(values.events, "events", 1_000_000);
  const days = positiveInt(values.days, "days", 90);
  const seed = values.seed === undefined ? undefined : positiveInt(values.seed, "seed", 42);
  if (days > 3660) throw new UsageError("--days must be at most 3660");
  const db = await openDatabase();
  try {
    const started = Date.now();
    const summary = await loadDemo({ events, days, seed, endDate: values.until ? new Date(`${values.until}T00:00:00Z`) : startOfCurrentHourUtc() });
    const seconds = (Date.now() - started) / 1000;
    console.log(JSON.stringify({ accepted: summary.accepted, duplicates: summary.duplicates, seconds: Math.round(seconds * 10) / 10, eventsPerSecond: Math.round(events / seconds) }));
  } finally {
    await db.close();
  }
}
