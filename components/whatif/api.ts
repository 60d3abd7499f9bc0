import { queryOptions } from "@tanstack/react-query";
import type { Classification, ClassificationPatch } from "@/lib/classify/classification-schema";
import type { OverSpecifiedResponse, RecommendationsResponse } from "@/lib/recommendations/recommendations-schema";
import type { ScenarioOut } from "@/lib/scenarios/scenario-schema";
import type { WhatIfResponse } from "@/lib/whatif/response";
import type { WhatIfRequestInput } from "@/lib/whatif/schema";
import type { WhatIfOptions } from "@/lib/whatif/server/options";
import type { Preset8020Response } from "@/lib/whatif/server/preset-8020";
import type { EvalSetSummary } from "@/lib/evals/list-eval-sets";
import type { ImportEvalsResult } from "@/lib/evals/import-evals";
import type { WorkloadVerdict } from "@/lib/recommendations/workload-verdict-schema";

/** fetch() for the what-if screens: JSON in and out; the API's error message (it names the rule or field) becomes the Error. */
export async function apiJson<T>(url: string, init?: { method?: string; body?: unknown; raw?: { body: BodyInit; type: string } }): Promise<T> {
  const headers: Record<string, string> = {};
  if (init?.raw) headers["content-type"] = init.raw.type;
  else if (init?.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(url, {
    method: init?.method ?? (init?.body !== undefined || init?.raw ? "POST" : "GET"),
    headers,
    body: init?.raw ? init.raw.body : init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data?.error?.message ?? `Request failed (${response.status})`);
  return data as T;
}

// One queryOptions factory per resource, every input in the key.
export const optionsQuery = () => queryOptions({ queryKey: ["whatif", "options"], queryFn: () => apiJson<WhatIfOptions>("/api/v1/whatif/options") });

export const runQuery = (definition: WhatIfRequestInput | null) =>
  queryOptions({
    queryKey: ["whatif", "run", definition],
    queryFn: () => apiJson<WhatIfResponse>("/api/v1/whatif", { body: definition }),
    enabled: definition !== null,
    retry: false,
    staleTime: 5 * 60_000,
  });

const qs = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]));
  return s.size ? `?${s}` : "";
};

export const recommendationsQuery = (p: { from?: string; to?: string; team?: string } = {}) =>
  queryOptions({ queryKey: ["recommendations", p], queryFn: () => apiJson<RecommendationsResponse>(`/api/v1/recommendations${qs(p)}`) });

export const recommendationNotesQuery = () =>
  queryOptions({
    queryKey: ["recommendations", "notes"],
    queryFn: async () => (await apiJson<{ notes: { id: number; cause: string; message: string; createdAt: string }[] }>("/api/v1/recommendations/notes")).notes,
  });

export const overSpecifiedQuery = (p: { team?: string; limit?: number } = {}) =>
  queryOptions({
    queryKey: ["recommendations", "over-specified", p],
    queryFn: () => apiJson<OverSpecifiedResponse>(`/api/v1/recommendations/over-specified${qs(p)}`),
  });

export const preset8020Query = (p: { from?: string; to?: string }) =>
  queryOptions({ queryKey: ["whatif", "preset-80-20", p], queryFn: () => apiJson<Preset8020Response>(`/api/v1/whatif/presets/80-20${qs(p)}`) });

export const scenariosQuery = () =>
  queryOptions({ queryKey: ["scenarios"], queryFn: async () => (await apiJson<{ scenarios: ScenarioOut[] }>("/api/v1/scenarios")).scenarios });

export const scenarioQuery = (id: number | null) =>
  queryOptions({ queryKey: ["scenarios", id], queryFn: () => apiJson<ScenarioOut>(`/api/v1/scenarios/${id}`), enabled: id !== null });

export const evalSetsQuery = () =>
  queryOptions({ queryKey: ["evals"], queryFn: async () => (await apiJson<{ sets: EvalSetSummary[] }>("/api/v1/evals")).sets });

export const classificationQuery = (slug: string) =>
  queryOptions({
    queryKey: ["classification", slug],
    queryFn: () => apiJson<Classification>(`/api/v1/workloads/${encodeURIComponent(slug)}/classification`),
  });

export const saveClassification = (slug: string, patch: ClassificationPatch) =>
  apiJson<Classification>(`/api/v1/workloads/${encodeURIComponent(slug)}/classification`, { method: "PATCH", body: patch });

export const saveScenario = (input: { id?: number; name: string; definition: WhatIfRequestInput }) =>
  apiJson<ScenarioOut>(input.id ? `/api/v1/scenarios/${input.id}` : "/api/v1/scenarios", {
    method: input.id ? "PUT" : "POST",
    body: { name: input.name, definition: input.definition },
  });

export const deleteScenario = (id: number) => apiJson<void>(`/api/v1/scenarios/${id}`, { method: "DELETE" });

export const importEvalFile = (file: File, p: { set: string; workload?: string }) =>
  apiJson<ImportEvalsResult>(`/api/v1/evals${qs(p)}`, {
    raw: { body: file, type: file.name.toLowerCase().endsWith(".json") ? "application/json" : "text/csv" },
  });

export const workloadVerdictQuery = (slug: string, p: { from?: string; to?: string } = {}) =>
  queryOptions({
    queryKey: ["recommendations", "workload", slug, p],
    queryFn: () => apiJson<WorkloadVerdict>(`/api/v1/workloads/${encodeURIComponent(slug)}/recommendation${qs(p)}`),
  });
