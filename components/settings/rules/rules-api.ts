import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/components/explorer/api-client";
import type { PreviewResult, RuleChangeResult, RuleOut, RuleTargets } from "@/lib/attribution/rule-schema";

/** Reads and writes of the attribution rules tab (GET/POST/PUT/DELETE /api/v1/attribution-rules...). */
export interface RuleDraft {
  name: string;
  match: { provider?: string; model?: string; user?: string; apiKey?: string; serviceName?: string; tags?: Record<string, string> };
  team: string | null;
  workload: string | null;
  enabled: boolean;
  position?: number;
}

export const rulesQuery = () => queryOptions({ queryKey: ["attribution-rules"], queryFn: () => fetchJson<{ rules: RuleOut[] }>("/api/v1/attribution-rules") });
export const targetsQuery = () => queryOptions({ queryKey: ["attribution-targets"], queryFn: () => fetchJson<RuleTargets>("/api/v1/attribution-rules/targets") });

export const rulesApi = {
  preview: (body: { id?: number; rule?: RuleDraft }) => fetchJson<PreviewResult>("/api/v1/attribution-rules/preview", { method: "POST", body }),
  create: (rule: RuleDraft) => fetchJson<RuleChangeResult>("/api/v1/attribution-rules", { method: "POST", body: rule }),
  update: (id: number, rule: RuleDraft) => fetchJson<RuleChangeResult>(`/api/v1/attribution-rules/${id}`, { method: "PUT", body: rule }),
  remove: (id: number) => fetchJson<RuleChangeResult>(`/api/v1/attribution-rules/${id}`, { method: "DELETE" }),
  reorder: (ids: number[]) => fetchJson<RuleChangeResult>("/api/v1/attribution-rules/order", { method: "PUT", body: { ids } }),
  reattributeAll: () => fetchJson<RuleChangeResult>("/api/v1/attribution-rules/reattribute", { method: "POST" }),
};

export type { PreviewResult, RuleOut, RuleTargets, RuleChangeResult };
