/**
 * Eval import (API and CLI: all or nothing, missing columns named), workload classification (suggestion from usage
 * shape, owner-only changes, team scope) and the usage_shape_daily roll-up the what-if engine reads.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { NO_DRIFT, rollupDrift } from "./rollup-check";
import { GET as listEvals, POST as importEvals } from "@/app/api/v1/evals/route";
import { GET as getClassification, PATCH as patchClassification } from "@/app/api/v1/workloads/[slug]/classification/route";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { rebuildShapeRollup } from "@/lib/ingest/store/shape-rollup";

useTestDatabase();

let admin: { cookie: string };
let lead: { cookie: string };
let viewer: { cookie: string };
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const upload = (query: string, body: string, cookie: string, type = "text/csv") =>
  importEvals(request(`/api/v1/evals?${query}`, { cookie, method: "POST", body, headers: { "content-type": type } }));
const evalRows = async () => Number((await pool().query<{ n: string }>("SELECT count(*)::text AS n FROM eval_results")).rows[0].n);

beforeAll(async () => {
  // Short label-like outputs on medium inputs, 60 calls a day for 3 days: a classification workload.
  const days = ["2026-11-10", "2026-11-11", "2026-11-12"];
  await ingest(
    days.flatMap((day, d) =>
      Array.from({ length: 60 }, (_, i) =>
        usageEvent({
          externalId: `triage-${d}-${i}`, occurredAt: new Date(`${day}T10:${String(i).padStart(2, "0")}:00Z`), model: "gpt-4o",
          team: "support", workload: "ticket-triage", inputTokens: 900 + i * 10, outputTokens: 8 + (i % 5),
        }),
      ),
    ),
  );
  await ingest([usageEvent({ externalId: "research-1", model: "gpt-4o", team: "labs", workload: "research", occurredAt: new Date("2026-11-12T09:00:00Z") })]);
  admin = await userWithSession("admin@classify.test", "admin");
  lead = await userWithSession("lead@classify.test", "lead", ["support"]);
  viewer = await userWithSession("viewer@classify.test", "viewer");
});

describe("eval import", () => {
  it("rejects a file with missing columns, naming them, and stores nothing", async () => {
    const res = await upload("set=golden", "task,model_name,ok\n1,gpt-4o,true\n", admin.cookie);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message).toBe("missing required columns: task_id, model, passed (or score) (found: task, model_name, ok)");
    expect(body.error.details.missingColumns).toEqual(["task_id", "model", "passed (or score)"]);
    expect(await evalRows()).toBe(0);
    expect(await prisma().evalSet.count()).toBe(0);
  });

  it("rejects a file with one bad line without importing the good ones", async () => {
    const res = await upload("set=golden", "task_id,model,passed\nt1,gpt-4o,true\nt2,gpt-4o,maybe\n", admin.cookie);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe('1 problem in eval results: line 3, passed: expected true/false, 1/0 or yes/no, got "maybe"');
    expect(await evalRows()).toBe(0);
  });

  it("imports CSV and JSON, links the workload, and reports pass rates", async () => {
    const csv = await upload("set=golden&workload=ticket-triage", "task_id,model,score\nt1,gpt-4o,0.9\nt2,gpt-4o,0.2\nt1,gpt-4o-mini,0.7\nt2,gpt-4o-mini,0.4\n", lead.cookie);
    expect(csv.status).toBe(201);
    expect(await csv.json()).toEqual({
      evalSet: "golden", rows: 4, tasks: 2, linkedWorkload: "ticket-triage",
      models: [
        { model: "gpt-4o", tasks: 2, passed: 1, passRate: 0.5 },
        { model: "gpt-4o-mini", tasks: 2, passed: 1, passRate: 0.5 },
      ],
    });
    const json = await upload("set=other", JSON.stringify([{ task_id: "a", model: "m", passed: true }]), admin.cookie, "application/json");
    expect(json.status).toBe(201);
    const sets = (await (await listEvals(request("/api/v1/evals", { cookie: viewer.cookie }))).json()).sets;
    expect(sets.map((s: { name: string; workloads: string[] }) => [s.name, s.workloads])).toEqual([["golden", ["ticket-triage"]], ["other", []]]);
  });

  it("keeps a lead to their own workloads and sets", async () => {
    expect((await upload("set=x&workload=research", "task_id,model,passed\nt,m,1\n", lead.cookie)).status).toBe(404);
    await prisma().workload.update({ where: { slug: "research" }, data: { evalSet: { connect: { name: "other" } } } });
    const res = await upload("set=other", "task_id,model,passed\nt,m,1\n", lead.cookie);
    expect(res.status).toBe(403);
    expect((await upload("set=golden", "task_id,model,passed\nt,m,1\n", viewer.cookie)).status).toBe(403);
  });

  it("imports from the CLI, and refuses a bad file there too", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rs-evals-"));
    const good = path.join(dir, "golden.csv");
    writeFileSync(good, "task_id,model,passed\nc1,gpt-4o,yes\nc1,gpt-4o-mini,no\n");
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, "id,model\n1,x\n");
    const cli = (...args: string[]) => spawnSync(process.execPath, ["cli/bin.mjs", "evals", ...args], { encoding: "utf8", env: { ...process.env }, timeout: 120_000 });
    const ok = cli("import", good, "--set", "cli-set", "--workload", "ticket-triage");
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Imported 2 results (1 tasks) into eval set "cli-set", linked to workload ticket-triage');
    const refused = cli("import", bad, "--set", "cli-bad");
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe("rightsize: missing required columns: task_id, passed (or score) (found: id, model)");
    expect(cli("import", good).status).toBe(2); // --set is required
  });
});

describe("workload classification", () => {
  it("suggests a class from the usage shape, with the reasons", async () => {
    const c = await (await getClassification(request("/api/v1/workloads/ticket-triage/classification", { cookie: viewer.cookie }), params("ticket-triage"))).json();
    expect(c.suggestion.taskClass).toBe("classification");
    expect(c.suggestion.reasons[0]).toMatch(/^short outputs \(median \d+ tokens\) on medium inputs \(median [\d,]+ tokens\) → classification$/);
    expect(c.suggestion.shape.calls).toBe(180);
    expect(c.canEdit).toBe(false);
    expect(c.models).toEqual([{ provider: "openai", model: "gpt-4o", tier: "frontier", costShare: 1 }]);
  });

  it("lets the owner confirm or change the class, floor and latency tolerance", async () => {
    const res = await patchClassification(
      request("/api/v1/workloads/ticket-triage/classification", { cookie: lead.cookie, method: "PATCH", body: { taskClass: "classification", qualityFloor: 0.97, latencyTolerant: true } }),
      params("ticket-triage"),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ taskClass: "classification", taskClassConfirmed: true, qualityFloor: 0.97, latencyTolerant: true, canEdit: true });
  });

  it("refuses other teams' workloads, viewers, and out-of-range floors", async () => {
    const other = await patchClassification(request("/api/v1/workloads/research/classification", { cookie: lead.cookie, method: "PATCH", body: { taskClass: "other" } }), params("research"));
    expect(other.status).toBe(404);
    const viewerPatch = await patchClassification(request("/api/v1/workloads/ticket-triage/classification", { cookie: viewer.cookie, method: "PATCH", body: { taskClass: "other" } }), params("ticket-triage"));
    expect(viewerPatch.status).toBe(403);
    const floor = await patchClassification(request("/api/v1/workloads/ticket-triage/classification", { cookie: admin.cookie, method: "PATCH", body: { qualityFloor: 1.2 } }), params("ticket-triage"));
    expect(floor.status).toBe(400);
    expect((await floor.json()).error.message).toContain("qualityFloor must be between 0 and 1 (0-100%)");
    expect((await getClassification(request("/api/v1/workloads/research/classification", { cookie: lead.cookie }), params("research"))).status).toBe(404);
  });
});

describe("usage_shape_daily", () => {
  it("keeps calls on each side of a price-tier threshold apart, and equals a rebuild from events", async () => {
    await ingest([
      usageEvent({ externalId: "long-a", model: "claude-sonnet-4-5", provider: "anthropic", workload: "contracts", team: "legal", inputTokens: 200_000, outputTokens: 10, occurredAt: new Date("2026-11-12T01:00:00Z") }),
      usageEvent({ externalId: "long-b", model: "claude-sonnet-4-5", provider: "anthropic", workload: "contracts", team: "legal", inputTokens: 200_001, outputTokens: 10, occurredAt: new Date("2026-11-12T02:00:00Z") }),
    ]);
    const buckets = await pool().query<{ input_bucket: number; input_tokens: string }>(
      `SELECT s.input_bucket, s.input_tokens::text FROM usage_shape_daily s JOIN workloads w ON w.id = s.workload_id WHERE w.slug = 'contracts' ORDER BY 1`,
    );
    expect(buckets.rows.map((r) => r.input_tokens)).toEqual(["200000", "200001"]);
    const totals = await pool().query<{ a: string; b: string }>(
      "SELECT (SELECT sum(cost_nanos) FROM usage_shape_daily)::text AS a, (SELECT sum(cost_nanos) FROM usage_daily)::text AS b",
    );
    expect(totals.rows[0].a).toBe(totals.rows[0].b);
    expect(await rollupDrift()).toEqual(NO_DRIFT);
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      await rebuildShapeRollup(client);
      await rebuildShapeRollup(client, "2026-11-11", "2026-11-12");
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });
});
