import { z } from "zod";
import { ClassificationPatchSchema, ClassificationSchema } from "@/lib/classify/classification-schema";
import { WorkloadVerdictQuerySchema, WorkloadVerdictSchema } from "@/lib/recommendations/workload-verdict-schema";
import { EvalImportQuerySchema, EvalImportResultSchema, EvalSetListSchema } from "@/lib/evals/evals-schema";
import {
  OverSpecifiedQuerySchema,
  OverSpecifiedResponseSchema,
  RecommendationsQuerySchema,
  RecommendationsResponseSchema,
} from "@/lib/recommendations/recommendations-schema";
import { ScenarioInputSchema, ScenarioListSchema, ScenarioSchema } from "@/lib/scenarios/scenario-schema";
import { Preset8020ResponseSchema } from "@/lib/whatif/preset-8020-schema";
import { WhatIfResponseSchema } from "@/lib/whatif/response-schema";
import { WhatIfRequestSchema } from "@/lib/whatif/schema";
import { WindowQuerySchema } from "@/lib/whatif/window";
import { ExportQuerySchema } from "@/lib/routing-export/export-schema";
import type { ApiOperation } from "./operation";

const SCOPE = "Team scope applies: a lead sees and simulates only their teams' workloads. Money is a decimal string in USD; dates are UTC, both ends inclusive.";

export const whatIfOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/whatif",
    tag: "What-if",
    summary: "Re-price a window of real traffic under a scenario's rules (reroute, escalation, caching, batch, output factor)",
    description:
      `${SCOPE} Rules: the first rule selecting a call wins; within a rule each list must match. ` +
      "Refused with 400 (message naming the rule): a rule that selects no traffic, an unknown selection, a reroute or escalation " +
      "model without a price, shares outside 0-1 (0-100%), replay without eval results for both models. " +
      "The scenario range (lowUsd..highUsd) is the tokenizer band x0.9..x1.1 on other models' token counts. See lib/whatif/README.md.",
    permission: "read",
    body: WhatIfRequestSchema,
    response: WhatIfResponseSchema,
  },
  {
    method: "get",
    path: "/api/v1/whatif/options",
    tag: "What-if",
    summary: "What a rule may select (the caller's workloads, teams, task classes, models seen) and the reroute targets (price catalogue + overrides)",
    permission: "read",
  },
  {
    method: "get",
    path: "/api/v1/whatif/presets/80-20",
    tag: "What-if",
    summary: 'The "80/20" preset: every workload whose eval evidence meets its floor (95% lower bound) to that model; the rest listed as unproven with what they would save',
    description: `${SCOPE} Returns { request (a POST /api/v1/whatif body, or null when nothing qualifies), summary }.`,
    permission: "read",
    query: WindowQuerySchema,
    response: Preset8020ResponseSchema,
  },
  {
    method: "get",
    path: "/api/v1/recommendations",
    tag: "Recommendations",
    summary: "Per workload: current model and monthly cost, the cheapest candidate meeting its floor on the evidence, saving, confidence, evidence",
    description: `${SCOPE} Sorted by monthly saving. Workloads without a recommendation are listed with the reason. Default window: the last 30 complete days.`,
    permission: "read",
    query: RecommendationsQuerySchema,
    response: RecommendationsResponseSchema,
  },
  {
    method: "get",
    path: "/api/v1/recommendations/over-specified",
    tag: "Recommendations",
    summary: "Over-specified workloads (a recommendation resting on eval evidence, or a routine class on the frontier tier) with monthly money at stake",
    description: SCOPE,
    permission: "read",
    query: OverSpecifiedQuerySchema,
    response: OverSpecifiedResponseSchema,
  },
  {
    method: "get",
    path: "/api/v1/recommendations/notes",
    tag: "Recommendations",
    summary: 'How price changes moved recommendations, newest first ("gpt-5-mini is now 40% cheaper: 3 workloads could save $1,240.00/month more")',
    description: "Noted when a price override is added or edited, and when a new release of the bundled price catalogue is first seen. Recommendations themselves are always computed from current prices.",
    permission: "read",
  },
  { method: "get", path: "/api/v1/scenarios", tag: "Scenarios", summary: "Saved scenarios the caller may see", permission: "read", response: ScenarioListSchema },
  {
    method: "post",
    path: "/api/v1/scenarios",
    tag: "Scenarios",
    summary: "Save a named scenario (definition = a POST /api/v1/whatif body); share it as /whatif?scenario={id}",
    permission: "read",
    body: ScenarioInputSchema,
    response: ScenarioSchema,
  },
  { method: "get", path: "/api/v1/scenarios/{id}", tag: "Scenarios", summary: "One saved scenario", permission: "read", response: ScenarioSchema },
  {
    method: "put",
    path: "/api/v1/scenarios/{id}",
    tag: "Scenarios",
    summary: "Rename or redefine a scenario (its author or an admin)",
    permission: "read",
    body: ScenarioInputSchema,
    response: ScenarioSchema,
  },
  { method: "delete", path: "/api/v1/scenarios/{id}", tag: "Scenarios", summary: "Delete a scenario (its author or an admin); 204", permission: "read" },
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/export",
    tag: "Scenarios",
    summary: "The scenario as gateway routing: LiteLLM proxy config.yaml, Portkey config JSON, OpenRouter presets, or a plain JSON routing table",
    description:
      `${SCOPE} Rules are resolved per workload (first match wins, like the what-if); workloads the scenario leaves alone are not routed. ` +
      "The header (YAML comments, or _comment in JSON) names the documentation version followed and what the gateway cannot express " +
      "(quality-based escalation, batch, caching, output changes). Keys are written as references (os.environ/..., @provider slugs), never values. See lib/routing-export/.",
    permission: "read",
    query: ExportQuerySchema,
    responseContentType: "application/yaml",
  },
  { method: "get", path: "/api/v1/evals", tag: "Evals", summary: "Eval sets with each model's pass rate and the linked workloads", permission: "read", response: EvalSetListSchema },
  {
    method: "post",
    path: "/api/v1/evals",
    tag: "Evals",
    summary: "Import eval results (CSV or JSON body: task_id, model, passed or score; optional eval_set, cost_usd, input_tokens, output_tokens, judge_flagged)",
    description:
      "All or nothing: missing columns are named, bad lines located (400), and nothing is stored. `workload` links the set to it. " +
      "A lead may import only into a new set or one linked to their own teams' workloads.",
    permission: "edit_workloads",
    query: EvalImportQuerySchema,
    body: z.string().describe("the file's text"),
    bodyContentTypes: ["text/csv", "application/json"],
    response: EvalImportResultSchema,
  },
  {
    method: "get",
    path: "/api/v1/evals/template",
    tag: "Evals",
    summary: "A CSV template of eval results: the columns the import reads (from the importer's own list) and three example rows",
    permission: "read",
    responseContentType: "text/csv",
  },
  {
    method: "get",
    path: "/api/v1/workloads/{slug}/recommendation",
    tag: "Workloads",
    summary: "One workload's verdict (over-specified or not, why), its recommendation with saving and confidence, the evidence and a recent model switch",
    description:
      "The same assessment and decide() as GET /api/v1/recommendations, for one workload: eval pass rates with 95% Wilson intervals, " +
      "tokens per call and reasoning share per model, calls per model per week, and when the workload switched model inside the window " +
      "the spend rate before and since (costs are then the rate since the switch) with the model before it assessed as a revert candidate. " +
      "A workload outside the caller's teams is a 404.",
    permission: "read",
    query: WorkloadVerdictQuerySchema,
    response: WorkloadVerdictSchema,
  },
  {
    method: "get",
    path: "/api/v1/workloads/{slug}/classification",
    tag: "Workloads",
    summary: "Task class (stored and suggested from usage shape, with reasons), quality floor, latency tolerance, linked eval set and model mapping",
    permission: "read",
    response: ClassificationSchema,
  },
  {
    method: "patch",
    path: "/api/v1/workloads/{slug}/classification",
    tag: "Workloads",
    summary: "Owner (a lead of the workload's team, or an admin) confirms or changes the task class, floor, latency tolerance, eval set link and mapping",
    description:
      "evalModelMap replaces the mapping: each entry says which eval model's results stand for a real model (provider/model). " +
      "Without an entry a model matches results of the same name. Linking another eval set clears the old mapping unless a new one is sent.",
    permission: "edit_workloads",
    body: ClassificationPatchSchema,
    response: ClassificationSchema,
  },
];
