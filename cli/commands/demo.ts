import { openDatabase } from "../database";
import { parse, positiveInt } from "../args";
import { loadDemo, startOfTomorrowUtc } from "@/lib/demo/load-demo";

export const help = `rightsize demo [--events N] [--days D] [--seed S]
Loads the demo workspace: ~8 teams, ~25 workloads, several providers and tiers, incidents and untagged traffic.
Default 1,000,000 events over 90 days ending now. The same flags give the same data (seeded), and loading
twice adds nothing (events are idempotent). --events 10000000 is the benchmark dataset.`;

export async function run(argv: string[]) {
  const { values } = parse(argv, { events: { type: "string" }, days: { type: "string" }, seed: { type: "string" } });
  const events = positiveInt(values.events, "events", 1_000_000);
  const days = positiveInt(values.days, "days", 90);
  const seed = values.seed === undefined ? undefined : positiveInt(values.seed, "seed", 42);
  if (days > 3660) throw new Error("--days must be at most 3660");
  const db = await openDatabase();
  try {
    const started = Date.now();
    const summary = await loadDemo({ events, days, seed, endDate: startOfTomorrowUtc() });
    const seconds = (Date.now() - started) / 1000;
    console.log(JSON.stringify({ accepted: summary.accepted, duplicates: summary.duplicates, seconds: Math.round(seconds * 10) / 10, eventsPerSecond: Math.round(events / seconds) }));
  } finally {
    await db.close();
  }
}
