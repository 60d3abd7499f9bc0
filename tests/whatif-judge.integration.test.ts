/**
 * Escalation replay with the detector measured from the eval file's judge column, end to end: an eval CSV with a
 * judge_flagged column is imported, stored, linked to a workload and replayed through POST /api/v1/whatif.
 *
 * Prices (overrides, USD per million tokens): openai/o3 in $10 out $40; openai/gpt-5-mini in $1 out $4.
 * Traffic: 100 calls of math-tutor on o3, 1,000 in + 100 out each: $0.014 each on o3 ($1.40), $0.0014 on mini ($0.14).
 * Eval set "judged-10" (10 tasks): "cheap" (stands for gpt-5-mini) passes tasks 1-6; "strong" (stands for o3) passes
 * 1-9. The judge flags the cheap answers of tasks 6, 7, 8: one false alarm (6 passed), two failures caught (7, 8),
 * two missed (9, 10).
 *   escalations 3 of 10 -> rate 30%; recall 2/4 = 50%; false escalations 1/6
 *   hybrid passes: tasks 1-5 (cheap, not flagged) 5 + tasks 6-8 (strong passes them) 3 = 8 -> 80%
 *   cost: $0.14 + 30% x $1.40 = $0.56; saving $1.40 - $0.56 = $0.84
 * Perfect detector (upper bound): tasks 7-10 escalate (40%): hybrid 6 + 3 (7, 8, 9) = 9 -> 90%;
 *   cost $0.14 + 40% x $1.40 = $0.70; saving $0.70.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { POST as whatif } from "@/app/api/v1/whatif/route";
import { PATCH as patchClassification } from "@/app/api/v1/workloads/[slug]/classification/route";
import { prisma } from "@/lib/db/prisma";
import { parseCsv } from "@/lib/evals/csv";
import { parseEvalRows } from "@/lib/evals/parse-eval-rows";
import { storeEvalResults } from "@/lib/evals/store-eval-results";

useTestDatabase();

const csv = [
  "task_id,model,passed,judge_flagged",
  ...Array.from({ length: 10 }, (_, i) => {
    const t = i + 1;
    return [`t${t},cheap,${t <= 6},${t >= 6 && t <= 8}`, `t${t},strong,${t <= 9},`];
  }).flat(),
].join("\n");

let admin: { cookie: string };

beforeAll(async () => {
  for (const [model, input, output] of [["o3", "10", "40"], ["gpt-5-mini", "1", "4"]]) {
    await prisma().priceOverride.create({ data: { provider: "openai", model, inputPerMtok: input, outputPerMtok: output, validFrom: new Date("2026-01-01T00:00:00Z") } });
  }
  await ingest(
    Array.from({ length: 100 }, (_, i) =>
      usageEvent({ externalId: `judge-${i}`, occurredAt: new Date(Date.UTC(2026, 9, 12, 0, i)), model: "o3", team: "data-science", workload: "math-tutor", inputTokens: 1000, outputTokens: 100 }),
    ),
  );
  const { header, records } = parseCsv(csv);
  const rows = parseEvalRows(records.map((r) => Object.fromEntries(header.map((h, i) => [h, r.values[i]]))), { evalSet: "judged-10" });
  await storeEvalResults(rows);
  admin = await userWithSession("admin@judge.test", "admin");
  const linked = await patchClassification(
    request("/api/v1/workloads/math-tutor/classification", {
      cookie: admin.cookie,
      method: "PATCH",
      body: {
        taskClass: "complex_reasoning", qualityFloor: 0.75, evalSet: "judged-10",
        evalModelMap: [{ provider: "openai", model: "o3", evalModel: "strong" }, { provider: "openai", model: "gpt-5-mini", evalModel: "cheap" }],
      },
    }),
    { params: Promise.resolve({ slug: "math-tutor" }) },
  );
  expect(linked.status, await linked.clone().text()).toBe(200);
});

describe("replay with the detector from the judge column", () => {
  it("stores the judge verdicts and replays them task by task, with the perfect detector as the upper bound", async () => {
    expect(await prisma().evalResult.count({ where: { judgeFlagged: true } })).toBe(3);
    const res = await whatif(
      request("/api/v1/whatif", {
        cookie: admin.cookie,
        body: {
          from: "2026-10-01", to: "2026-10-31",
          rules: [{
            select: { workloads: ["math-tutor"] }, reroute: { provider: "openai", model: "gpt-5-mini" },
            escalation: { provider: "openai", model: "o3", mode: "replay", detector: { fromJudge: true } },
          }],
        },
      }),
    );
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.baseline.costUsd).toBe("1.40");
    expect(body.scenario.costUsd).toBe("0.56");
    expect(body.savingsUsd).toBe("0.84");
    expect(body.perfectDetector).toMatchObject({ scenarioUsd: "0.70", savingsUsd: "0.70", label: expect.stringContaining("upper bound") });
    const q = body.byWorkload[0].quality;
    expect(q).toMatchObject({ baseline: 0.9, scenario: 0.8, floor: 0.75, ok: true });
    expect(q.replay).toMatchObject({ tasks: 10, escalationRate: 0.3, detector: { source: "judge", recall: 0.5 }, upperBound: { quality: 0.9, escalationRate: 0.4 } });
    expect(q.replay.detector.falseEscalationRate).toBeCloseTo(1 / 6, 12);
  });
});
