/**
 * Escalation replay through the API on a real eval set: RouteLLM's GSM8K responses (data/routellm in the repository), GPT-4
 * vs Mixtral-8x7B per task, linked to a workload whose production models are different, through the link's model
 * mapping (o3 stands as GPT-4, gpt-5-mini as Mixtral). Pass rates and the replay outcome are counted in this file
 * straight from the CSV, independently of the app.
 *
 * Prices (overrides, USD per million tokens): openai/o3 in $10 out $40; openai/gpt-5-mini in $1 out $4.
 * Traffic: 100 calls of math-tutor on o3, 1,000 in + 100 out each = $0.014 each, $1.40 in all.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { POST as whatif } from "@/app/api/v1/whatif/route";
import { GET as listEvals } from "@/app/api/v1/evals/route";
import { GET as getClassification, PATCH as patchClassification } from "@/app/api/v1/workloads/[slug]/classification/route";
import { prisma } from "@/lib/db/prisma";
import { parseCsv } from "@/lib/evals/csv";
import { loadRouteLlmEvalSet } from "@/lib/evals/routellm";
import { ROUTELLM_GSM8K } from "@/lib/evals/routellm-sets";
import { routeLlmDir } from "@/lib/evals/routellm-dir";
import { storeEvalResults } from "@/lib/evals/store-eval-results";
import { nanosToUsd } from "@/lib/money";

useTestDatabase();

const GPT4 = "gpt-4-1106-preview";
const MIXTRAL = "mistralai/Mixtral-8x7B-Instruct-v0.1";

// Counted here from the file, not by the app.
const { header, records } = parseCsv(readFileSync(path.join(routeLlmDir(), "gsm8k_responses.csv"), "utf8"));
const rows = records.map((r) => r.values);
const col = (name: string) => header.indexOf(name);
const n = rows.length;
const mixtralCorrect = rows.filter((r) => r[col(MIXTRAL)] === "True").length;
const gpt4Correct = rows.filter((r) => r[col(GPT4)] === "True").length;
const eitherCorrect = rows.filter((r) => r[col(MIXTRAL)] === "True" || r[col(GPT4)] === "True").length;

let admin: { cookie: string };
const slug = { params: Promise.resolve({ slug: "math-tutor" }) };

beforeAll(async () => {
  for (const [model, input, output] of [["o3", "10", "40"], ["gpt-5-mini", "1", "4"]]) {
    await prisma().priceOverride.create({ data: { provider: "openai", model, inputPerMtok: input, outputPerMtok: output, validFrom: new Date("2026-01-01T00:00:00Z") } });
  }
  await ingest(
    Array.from({ length: 100 }, (_, i) =>
      usageEvent({ externalId: `math-${i}`, occurredAt: new Date(Date.UTC(2026, 9, 12, 0, i)), model: "o3", team: "data-science", workload: "math-tutor", inputTokens: 1000, outputTokens: 100 }),
    ),
  );
  const set = loadRouteLlmEvalSet(ROUTELLM_GSM8K);
  if (!set) throw new Error("data/routellm/gsm8k_responses.csv is missing");
  await storeEvalResults(set.rows, { description: set.info.description });
  admin = await userWithSession("admin@routellm.test", "admin");
  const linked = await patchClassification(
    request("/api/v1/workloads/math-tutor/classification", {
      cookie: admin.cookie,
      method: "PATCH",
      body: {
        taskClass: "complex_reasoning",
        qualityFloor: 0.9,
        evalSet: ROUTELLM_GSM8K.name,
        evalModelMap: [
          { provider: "openai", model: "o3", evalModel: GPT4 },
          { provider: "openai", model: "gpt-5-mini", evalModel: MIXTRAL },
        ],
      },
    }),
    slug,
  );
  expect(linked.status, await linked.clone().text()).toBe(200);
});

describe("RouteLLM GSM8K through the API", () => {
  it("stores the set with the pass rates the CSV gives", async () => {
    expect([n, gpt4Correct, mixtralCorrect]).toEqual([1319, 1130, 842]); // README: 85.7% and 63.8%
    const body = await (await listEvals(request("/api/v1/evals", { cookie: admin.cookie }))).json();
    const set = body.sets.find((s: { name: string }) => s.name === ROUTELLM_GSM8K.name);
    expect(set.tasks).toBe(n);
    expect(set.workloads).toEqual(["math-tutor"]);
    expect(set.models).toEqual([
      { model: GPT4, tasks: n, passed: gpt4Correct, passRate: gpt4Correct / n },
      { model: MIXTRAL, tasks: n, passed: mixtralCorrect, passRate: mixtralCorrect / n },
    ]);
  });

  it("shows the link's mapping on the workload", async () => {
    const c = await (await getClassification(request("/api/v1/workloads/math-tutor/classification", { cookie: admin.cookie }), slug)).json();
    expect(c.evalSet.name).toBe(ROUTELLM_GSM8K.name);
    expect(c.evalModelMap).toEqual([
      { provider: "openai", model: "gpt-5-mini", evalModel: MIXTRAL },
      { provider: "openai", model: "o3", evalModel: GPT4 },
    ]);
  });

  it("replays worker-first with frontier fallback: quality and escalation rate from the tasks, cost to the nano", async () => {
    const res = await whatif(
      request("/api/v1/whatif", {
        cookie: admin.cookie,
        body: {
          from: "2026-10-01",
          to: "2026-10-31",
          rules: [{ select: { workloads: ["math-tutor"] }, reroute: { provider: "openai", model: "gpt-5-mini" }, escalation: { provider: "openai", model: "o3", mode: "replay" } }],
        },
      }),
    );
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    const w = body.byWorkload[0];
    expect(w.quality).toMatchObject({ baseline: gpt4Correct / n, scenario: eitherCorrect / n, floor: 0.9, ok: eitherCorrect / n >= 0.9 });
    const escalations = n - mixtralCorrect;
    expect(w.quality.evidence).toContain(
      `replay (${n} tasks), perfect detector (every failure escalates, nothing else): an upper bound: ` +
        `gpt-5-mini (as ${MIXTRAL}) passes ${mixtralCorrect}, ${escalations} escalate to o3 (as ${GPT4}), hybrid passes ${eitherCorrect}`,
    );
    // cost: 100 calls on gpt-5-mini (1,000 x $1/M + 100 x $4/M = $0.0014 each) + rate x the same calls on o3 ($1.40),
    // rate = escalations / tasks held to the millionth.
    const ratePpm = BigInt(Math.round((escalations / n) * 1e6));
    const expected = 140_000_000n + ratePpm * 1_400n;
    expect(body.baseline.costUsd).toBe("1.40");
    expect(body.scenario.costUsd).toBe(nanosToUsd(expected));
  });

  it("refuses a replay whose models have no results, naming the mapping to add", async () => {
    const res = await whatif(
      request("/api/v1/whatif", {
        cookie: admin.cookie,
        body: {
          from: "2026-10-01",
          to: "2026-10-31",
          rules: [{ select: { workloads: ["math-tutor"] }, reroute: { provider: "openai", model: "gpt-4o-mini" }, escalation: { provider: "openai", model: "o3", mode: "replay" } }],
        },
      }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe(
      `rule 1: escalation replay needs an eval set linked to workload "math-tutor" with results for both gpt-4o-mini and o3 (as ${GPT4}) ` +
        "(map eval models to them on the workload's eval set link, or give a fallback rate)",
    );
  });

  it("refuses a mapping to an eval model the set does not have", async () => {
    const res = await patchClassification(
      request("/api/v1/workloads/math-tutor/classification", { cookie: admin.cookie, method: "PATCH", body: { evalModelMap: [{ provider: "openai", model: "o3", evalModel: "gpt-5" }] } }),
      slug,
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe(`evalModelMap: the eval set has no results for "gpt-5" (it has: ${GPT4}, ${MIXTRAL})`);
  });
});
