/**
 * GET /api/v1/scenarios/{id}/export on ingested events: the saved scenario is resolved against the workloads'
 * real traffic and every format parses back into the same routing table (the round trip through the route).
 * Traffic: triage (team support) 3 calls on gpt-4o, research (team labs) 1 call on gpt-4o.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { POST as saveScenario } from "@/app/api/v1/scenarios/route";
import { GET as exportRoute } from "@/app/api/v1/scenarios/[id]/export/route";
import { FORMATS } from "@/lib/routing-export/render";
import { EXPORT_FORMATS } from "@/lib/routing-export/routing-table";

useTestDatabase();

let admin: { cookie: string };
let lead: { cookie: string };
let id: number;
const at = (day: string) => new Date(`${day}T12:00:00Z`);
const get = (cookie: string, format: string, scenario = id) =>
  exportRoute(request(`/api/v1/scenarios/${scenario}/export?format=${format}`, { cookie }), { params: Promise.resolve({ id: String(scenario) }) });

beforeAll(async () => {
  await ingest([
    ...[1, 2, 3].map((d) => usageEvent({ externalId: `t-${d}`, occurredAt: at(`2026-10-0${d}`), model: "gpt-4o", team: "support", workload: "triage" })),
    usageEvent({ externalId: "r-1", occurredAt: at("2026-10-04"), model: "gpt-4o", team: "labs", workload: "research" }),
  ]);
  admin = await userWithSession("admin@export.test", "admin");
  lead = await userWithSession("lead@export.test", "lead", ["labs"]);
  const res = await saveScenario(
    request("/api/v1/scenarios", {
      cookie: admin.cookie,
      body: {
        name: "Triage on mini",
        definition: {
          from: "2026-10-01",
          to: "2026-10-31",
          rules: [{ select: { teams: ["support"] }, reroute: { provider: "openai", model: "gpt-4o-mini" }, escalation: { provider: "openai", model: "gpt-4o", rate: 0.1 } }],
        },
      },
    }),
  );
  id = (await res.json()).id;
});

describe("GET /api/v1/scenarios/{id}/export", () => {
  it("writes a LiteLLM config routing the support team's one workload, as a download", async () => {
    const res = await get(admin.cookie, "litellm");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="litellm-config-triage-on-mini.yaml"');
    const doc = parseYaml(await res.text());
    // Only triage is in team support; research (labs) is left alone.
    expect(doc.model_list.map((d: { model_name: string; litellm_params: { model: string } }) => [d.model_name, d.litellm_params.model])).toEqual([
      ["triage", "openai/gpt-4o-mini"],
      ["triage-escalation", "openai/gpt-4o"],
    ]);
  });

  it.each(EXPORT_FORMATS)("%s parses back into the same routing table", async (format) => {
    const text = await (await get(admin.cookie, format)).text();
    const table = FORMATS[format].parse(text);
    // triage had 3 of the routed calls (all of them): expected share 1; current model gpt-4o.
    expect(table).toEqual({
      scenario: { id, name: "Triage on mini", from: "2026-10-01", to: "2026-10-31" },
      routes: [
        {
          workload: "triage",
          team: "support",
          currentModel: { provider: "openai", model: "gpt-4o" },
          model: { provider: "openai", model: "gpt-4o-mini" },
          escalation: { provider: "openai", model: "gpt-4o", mode: "rate", rate: 0.1, tokenShare: 1 },
          batchShare: 0,
          cachedShare: null,
          outputFactor: 1,
          expectedShare: 1,
        },
      ],
    });
  });

  it("refuses an unknown format naming the choices, and hides another team's scenario", async () => {
    const bad = await get(admin.cookie, "nginx");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("litellm, portkey, openrouter, json");
    // The scenario names team support: a labs lead cannot see it.
    expect((await get(lead.cookie, "json")).status).toBe(404);
  });
});

describe("rightsize scenario export / apply", () => {
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, ["cli/bin.mjs", ...args], { encoding: "utf8", env: { ...process.env }, timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
  };

  it("writes the LiteLLM config to --out, and records a rollout", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "rs-export-")), "config.yaml");
    const r = cli("scenario", "export", String(id), "--format", "litellm", "--out", out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("(1 workload route)");
    expect(FORMATS.litellm.parse(readFileSync(out, "utf8")).routes.map((x) => x.workload)).toEqual(["triage"]);
    const bad = cli("scenario", "export", String(id), "--format", "nginx");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("rightsize: --format must be one of litellm, portkey, openrouter, json (see rightsize --help)");
    const applied = cli("scenario", "apply", String(id), "--from", "2026-10-20");
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/^Rollout \d+: scenario "Triage on mini" applied from 2026-10-20 to triage\./);
  }, 600_000); // three CLI processes, each starting Node and connecting: slow on a busy machine
});
