/**
 * Recommendations stay current: editing a price override recomputes them and notes how they moved.
 * Triage: 30 calls over the last 30 complete days on gpt-4o, 1,000 input + 100 output tokens each. Overrides (USD
 * per million tokens): gpt-4o $10 / $40 (a call $0.014), gpt-4o-mini $1 / $4 (a call $0.0014). Eval set: both pass
 * all 10 tasks, so mini is recommended. Monthly = window x 30.4375 / 30.
 *   before: triage $0.42 -> $0.426125/month; on mini $0.042 -> $0.0426125; saving $0.3835125/month.
 *   edit mini to $0.5 / $2 (a call $0.0007): on mini $0.021 -> $0.02130625; saving $0.40481875, i.e. $0.02130625 more.
 *   A typical call (1,000 in + 200 out) on mini: $0.0018 before, $0.0009 after: 50% cheaper.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { PUT as putOverride } from "@/app/api/v1/price-overrides/[id]/route";
import { GET as notesRoute } from "@/app/api/v1/recommendations/notes/route";
import { POST as importEvals } from "@/app/api/v1/evals/route";
import { PATCH as patchClassification } from "@/app/api/v1/workloads/[slug]/classification/route";
import { prisma } from "@/lib/db/prisma";
import { addDays, dayOf } from "@/lib/forecast/utc-days";
import { catalogueVersion, checkCatalogueRelease, recommendationSnapshot } from "@/lib/recommendations/price-change-note";

useTestDatabase();

let admin: { cookie: string };
let miniId: number;

beforeAll(async () => {
  for (const [model, input, output] of [["gpt-4o", "10", "40"], ["gpt-4o-mini", "1", "4"]]) {
    const o = await prisma().priceOverride.create({ data: { provider: "openai", model, inputPerMtok: input, outputPerMtok: output, validFrom: new Date("2026-01-01T00:00:00Z") } });
    if (model === "gpt-4o-mini") miniId = o.id;
  }
  const today = dayOf(new Date());
  await ingest([
    ...Array.from({ length: 30 }, (_, i) =>
      usageEvent({ externalId: `n-${i}`, occurredAt: new Date(`${addDays(today, -1 - i)}T12:00:00Z`), model: "gpt-4o", team: "support", workload: "triage" }),
    ),
    // the organisation also calls mini (so it is a candidate); outside the triage workload
    usageEvent({ externalId: "n-mini", occurredAt: new Date(`${addDays(today, -2)}T12:00:00Z`), model: "gpt-4o-mini", team: "support", workload: "tagging" }),
  ]);
  admin = await userWithSession("admin@notes.test", "admin");
  const classify = await patchClassification(
    request("/api/v1/workloads/triage/classification", { cookie: admin.cookie, method: "PATCH", body: { taskClass: "classification", qualityFloor: 0.9 } }),
    { params: Promise.resolve({ slug: "triage" }) },
  );
  expect(classify.status).toBe(200);
  const csv = ["task_id,model,passed", ...Array.from({ length: 10 }, (_, i) => [`t${i},gpt-4o,true`, `t${i},gpt-4o-mini,true`]).flat()].join("\n");
  const imported = await importEvals(request("/api/v1/evals?set=notes&workload=triage", { cookie: admin.cookie, method: "POST", body: csv, headers: { "content-type": "text/csv" } }));
  expect(imported.status).toBe(201);
});

describe("a price override edit", () => {
  it("recomputes recommendations and notes the change in words", async () => {
    expect((await recommendationSnapshot()).triage).toEqual({ candidate: "openai/gpt-4o-mini", savingNanos: "383512500" });
    const res = await putOverride(
      request(`/api/v1/price-overrides/${miniId}`, { cookie: admin.cookie, method: "PUT", body: { provider: "openai", model: "gpt-4o-mini", inputPerMtok: "0.5", outputPerMtok: "2", validFrom: "2026-01-01" } }),
      { params: Promise.resolve({ id: String(miniId) }) },
    );
    expect(res.status).toBe(200);
    expect((await recommendationSnapshot()).triage).toEqual({ candidate: "openai/gpt-4o-mini", savingNanos: "404818750" });
    const notes = (await (await notesRoute(request("/api/v1/recommendations/notes", { cookie: admin.cookie }))).json()).notes;
    expect(notes.map((n: { cause: string; message: string }) => [n.cause, n.message])).toEqual([
      ["override", "gpt-4o-mini is now 50% cheaper: 1 workload could save $0.02/month more"], // $0.02130625 shown to the cent
    ]);
  });
});

describe("a new release of the price catalogue", () => {
  it("is recorded the first time, and noted against the previous release's recommendations", async () => {
    expect(await checkCatalogueRelease()).toBeNull(); // first sight: only the snapshot is stored
    expect(await checkCatalogueRelease()).toBeNull(); // same release: nothing to do
    // Pretend the previous release recommended nothing: triage's saving ($0.40481875/month, above) is all new.
    await prisma().auditLog.create({ data: { actor: "test", action: "price_catalogue_seen", target: "0.0.1", details: { version: "0.0.1", snapshot: {} } } });
    const note = await checkCatalogueRelease();
    expect(note?.message).toBe(`The price catalogue (genai-prices 0.0.1 → ${catalogueVersion()}) was updated: 1 workload could save $0.40/month more`);
    expect(note?.cause).toBe("catalogue");
  });
});
