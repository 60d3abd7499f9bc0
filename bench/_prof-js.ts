import { createReadStream } from "node:fs";
import { readRecords, toEvents } from "@/lib/ingest/formats";
import { createPricer, normalizeProvider } from "@/lib/pricing";
import { formatEventRow } from "@/lib/ingest/store/format-event";
import { writeLines, demoLines } from "./ingest-data";

const file = "/tmp/rsprof/e.ndjson";
if (process.argv[2] === "gen") { await writeLines(file, demoLines(300_000, 5)); process.exit(0); }
const pricer = createPricer([]);
const now = new Date();
let t = performance.now();
let n = 0;
const stage = process.argv[2] ?? "all";
for await (const { line, value } of readRecords(createReadStream(file, { highWaterMark: 1 << 20 }), "native-ndjson")) {
  n++;
  if (stage === "read") continue;
  const b = toEvents("native-ndjson", value, line, now);
  if (stage === "parse") continue;
  for (const e of b.events) {
    const provider = normalizeProvider(e.provider, e.model);
    const price = pricer.price({ ...e, provider });
    if (stage === "price") continue;
    formatEventRow(e, { modelId: 1, teamId: 2, workloadId: 3, apiKeyId: null, price, batchId: 1 });
  }
}
const ms = performance.now() - t;
console.log(stage, n, `${(ms * 1000 / n).toFixed(2)} µs/event`);
