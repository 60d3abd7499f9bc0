import { calcPrice } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { ROUTELLM_GSM8K, ROUTELLM_MMLU_LAW } from "@/lib/evals/routellm-sets";
import { demoTeams, demoUnattributedSources, demoWorkloads } from "./company";
import { DEMO_MODELS } from "./models";
import { TASK_CLASSES } from "./types";

describe("demo company", () => {
  const teams = demoTeams();
  const workloads = demoWorkloads();

  it("has ~8 teams and ~25 workloads with unique slugs, each workload in a known team", () => {
    expect(teams.length).toBe(8);
    expect(workloads.length).toBeGreaterThanOrEqual(24);
    expect(new Set(teams.map((t) => t.slug)).size).toBe(teams.length);
    expect(new Set(workloads.map((w) => w.slug)).size).toBe(workloads.length);
    const teamSlugs = new Set(teams.map((t) => t.slug));
    for (const w of workloads) expect(teamSlugs.has(w.team), w.slug).toBe(true);
    for (const t of teams) expect(workloads.some((w) => w.team === t.slug), t.slug).toBe(true);
  });

  it("gives every team unique user emails", () => {
    const all = teams.flatMap((t) => t.users);
    expect(new Set(all).size).toBe(all.length);
    for (const t of teams) expect(t.users.length).toBeGreaterThanOrEqual(4);
    for (const email of all) expect(email).toMatch(/^[a-z.]+@acme\.example$/);
  });

  it("uses valid task classes, quality floors, shapes and mixes", () => {
    for (const w of workloads) {
      expect(TASK_CLASSES).toContain(w.taskClass);
      expect(w.qualityFloor).toBeGreaterThanOrEqual(0.9);
      expect(w.qualityFloor).toBeLessThanOrEqual(0.98);
      expect(w.models.length).toBeGreaterThan(0);
      for (const m of w.models) expect(m.weight).toBeGreaterThan(0);
      expect(w.input.mean).toBeGreaterThan(0);
      expect(w.output.mean).toBeGreaterThan(0);
      expect(w.dailyCalls).toBeGreaterThan(0);
    }
  });

  it("links the eval sets to math-tutor and contract-review", () => {
    const bySlug = new Map(workloads.map((w) => [w.slug, w]));
    expect(bySlug.get("math-tutor")?.evalSet).toBe(ROUTELLM_GSM8K.name);
    expect(bySlug.get("contract-review")?.team).toBe("legal");
    expect(bySlug.get("contract-review")?.evalSet).toBe(ROUTELLM_MMLU_LAW.name);
  });

  it("covers several providers and tiers, with routine work on frontier models", () => {
    const used = new Set([...workloads, ...demoUnattributedSources()].flatMap((w) => w.models.map((m) => m.model)));
    const models = DEMO_MODELS.filter((m) => used.has(m.model));
    expect(new Set(models.map((m) => m.provider)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(models.map((m) => m.tier))).toEqual(new Set(["frontier", "mid", "small"]));
    const frontier = new Set(DEMO_MODELS.filter((m) => m.tier === "frontier").map((m) => m.model));
    const routineOnFrontier = workloads.filter(
      (w) => ["classification", "extraction", "drafting"].includes(w.taskClass) && w.models.some((m) => frontier.has(m.model)),
    );
    expect(routineOnFrontier.length).toBeGreaterThanOrEqual(5);
  });

  it("names only models @pydantic/genai-prices can price, under the provider id it uses", () => {
    const at = new Date("2026-10-01T12:00:00Z");
    for (const m of DEMO_MODELS) {
      const price = calcPrice({ input_tokens: 1000, output_tokens: 1000 }, m.model, { providerId: m.provider, timestamp: at });
      expect(price, `${m.provider}/${m.model}`).not.toBeNull();
      expect(price!.model.id).toBe(m.model);
      expect(price!.provider.id).toBe(m.provider);
    }
  });

  it("hands out copies the caller may change", () => {
    demoWorkloads()[0].models[0].weight = 999;
    demoTeams()[0].users.push("x@y");
    expect(demoWorkloads()[0].models[0].weight).not.toBe(999);
    expect(demoTeams()[0].users).not.toContain("x@y");
  });
});
