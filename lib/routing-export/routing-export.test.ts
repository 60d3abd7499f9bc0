import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { WhatIfRequestSchema } from "@/lib/whatif/schema";
import { FORMATS } from "./render";
import { buildRoutingTable, EXPORT_FORMATS, routingTableToScenario, type ExportWorkload } from "./routing-table";

const schema = (name: string) => JSON.parse(readFileSync(path.join(__dirname, "schemas", name), "utf8"));
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
const validLitellm = ajv.compile(schema("litellm-config.schema.json"));
const validPortkey = ajv.compile(schema("portkey-config.schema.json"));

// Three workloads: triage (support team, classification) on gpt-5 with 300 calls, drafting on claude-sonnet-4-5
// with 100 calls, and search (no lever applies) with 600 calls.
const workloads: ExportWorkload[] = [
  { slug: "ticket-triage", teamSlug: "support", taskClass: "classification", currentModel: { provider: "openai", model: "gpt-5" }, calls: 300 },
  { slug: "drafting", teamSlug: "marketing", taskClass: "drafting", currentModel: { provider: "anthropic", model: "claude-sonnet-4-5" }, calls: 100 },
  { slug: "search", teamSlug: "support", taskClass: "other", currentModel: { provider: "openai", model: "gpt-5" }, calls: 600 },
];
const definition = WhatIfRequestSchema.parse({
  from: "2026-10-01",
  to: "2026-10-30",
  rules: [
    { select: { workloads: ["search"] } }, // holds search as it is
    { select: { teams: ["support"] }, reroute: { provider: "openai", model: "gpt-5-nano" }, escalation: { provider: "openai", model: "gpt-5", rate: 0.1 } },
    { select: { taskClasses: ["drafting"] }, reroute: { provider: "anthropic", model: "claude-haiku-4-5" }, batchShare: 0.5, outputFactor: 0.8 },
  ],
});
const table = buildRoutingTable({ id: 7, name: "Support on nano", definition }, workloads);

describe("routing table", () => {
  it("resolves rules per workload, first match wins, held workloads left out", () => {
    // search is held by rule 1; triage matches rule 2 (team support); drafting rule 3 (task class).
    // Routed calls: 300 + 100 = 400, so expected shares are 300/400 = 0.75 and 100/400 = 0.25.
    expect(table.routes.map((r) => [r.workload, `${r.model.provider}/${r.model.model}`, r.escalation?.model ?? null, r.expectedShare])).toEqual([
      ["drafting", "anthropic/claude-haiku-4-5", null, 0.25],
      ["ticket-triage", "openai/gpt-5-nano", "gpt-5", 0.75],
    ]);
    expect(table.routes[0]).toMatchObject({ batchShare: 0.5, outputFactor: 0.8, cachedShare: null });
    expect(table.routes[1].escalation).toEqual({ provider: "openai", model: "gpt-5", mode: "rate", rate: 0.1, tokenShare: 1 });
  });

  it("turns back into a scenario that resolves to the same routes", () => {
    const again = buildRoutingTable({ id: 7, name: "Support on nano", definition: WhatIfRequestSchema.parse(routingTableToScenario(table)) }, workloads);
    expect(again).toEqual(table);
  });
});

describe("exports", () => {
  it("LiteLLM YAML validates against the schema written from the LiteLLM docs, with key references only", () => {
    const text = FORMATS.litellm.render(table);
    const doc = parseYaml(text);
    expect(validLitellm(doc), JSON.stringify(validLitellm.errors)).toBe(true);
    expect(text).toContain("api_key: os.environ/OPENAI_API_KEY");
    expect(text).toContain("api_key: os.environ/ANTHROPIC_API_KEY");
    expect(doc.router_settings.fallbacks).toEqual([{ "ticket-triage": ["ticket-triage-escalation"] }]);
    expect(text).toMatch(/^# .*Follows: LiteLLM proxy config.yaml as documented/m);
    expect(text).toMatch(/Cannot express: router_settings.fallbacks fire on errors/);
    expect(text).toMatch(/ticket-triage: escalation to gpt-5 on 10% of calls is quality-based/);
    expect(text).toMatch(/drafting: send 50% of calls through the provider's Batch API/);
  });

  it("the LiteLLM schema rejects a literal key and a missing model", () => {
    const bad = parseYaml(FORMATS.litellm.render(table));
    bad.model_list[0].litellm_params.api_key = "sk-live-123";
    expect(validLitellm(bad)).toBe(false);
    delete bad.model_list[0].litellm_params.model;
    expect(validLitellm(bad)).toBe(false);
  });

  it("Portkey JSON validates against the schema written from the Portkey docs", () => {
    const doc = JSON.parse(FORMATS.portkey.render(table));
    expect(validPortkey(doc), JSON.stringify(validPortkey.errors)).toBe(true);
    expect(doc.strategy.conditions[1]).toEqual({ query: { "metadata.workload": { $eq: "ticket-triage" } }, then: "ticket-triage" });
    expect(doc.targets[1]).toEqual({
      name: "ticket-triage",
      strategy: { mode: "fallback" },
      targets: [
        { provider: "@openai", override_params: { model: "gpt-5-nano" } },
        { provider: "@openai", override_params: { model: "gpt-5" } },
      ],
    });
    const noDefault = { ...doc, strategy: { ...doc.strategy, default: undefined } };
    expect(validPortkey(JSON.parse(JSON.stringify(noDefault)))).toBe(false);
  });

  it("OpenRouter presets use author/slug ids and a fallback list", () => {
    const doc = JSON.parse(FORMATS.openrouter.render(table));
    // claude-haiku-4-5 is anthropic/claude-haiku-4.5 on OpenRouter.
    expect(doc.presets[0]).toMatchObject({ slug: "rightsize-drafting", models: ["anthropic/claude-haiku-4.5"], provider: { order: ["anthropic"], allow_fallbacks: true } });
    expect(doc.presets[1].models).toEqual(["openai/gpt-5-nano", "openai/gpt-5"]);
  });

  it.each(EXPORT_FORMATS)("%s round-trips: parsing the export gives the same routing table and scenario", (format) => {
    const back = FORMATS[format].parse(FORMATS[format].render(table));
    expect(back).toEqual(table);
    expect(routingTableToScenario(back)).toEqual(routingTableToScenario(table));
  });

  it("parsing reads the model from the gateway's own field (editing it changes the parsed route)", () => {
    const doc = JSON.parse(FORMATS.portkey.render(table));
    doc.targets[0].override_params.model = "claude-opus-4-5";
    expect(FORMATS.portkey.parse(JSON.stringify(doc)).routes[0].model).toEqual({ provider: "anthropic", model: "claude-opus-4-5" });
    const yaml = FORMATS.litellm.render(table).replace("model: openai/gpt-5-nano", "model: openai/gpt-5-mini");
    expect(FORMATS.litellm.parse(yaml).routes[1].model.model).toBe("gpt-5-mini");
  });
});
