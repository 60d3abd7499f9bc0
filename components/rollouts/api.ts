import { queryOptions } from "@tanstack/react-query";
import type { MonthSavingsOut, PatchRollout, RolloutDetail, RolloutOut } from "@/lib/rollouts/rollout-schema";
import { apiJson } from "@/components/whatif/api";

// One queryOptions factory per resource, every input in the key.
export const rolloutsQuery = () =>
  queryOptions({ queryKey: ["rollouts"], queryFn: async () => (await apiJson<{ rollouts: RolloutOut[] }>("/api/v1/rollouts")).rollouts });

export const rolloutQuery = (id: number | null) =>
  queryOptions({ queryKey: ["rollouts", id], queryFn: () => apiJson<RolloutDetail>(`/api/v1/rollouts/${id}`), enabled: id !== null });

export const monthSavingsQuery = (month?: string) =>
  queryOptions({ queryKey: ["rollouts", "savings", month ?? null], queryFn: () => apiJson<MonthSavingsOut>(`/api/v1/rollouts/savings${month ? `?month=${month}` : ""}`) });

export const patchRollout = (id: number, patch: PatchRollout) => apiJson<RolloutDetail>(`/api/v1/rollouts/${id}`, { method: "PATCH", body: patch });

export const createRollout = (input: { scenarioId: number; appliedFrom: string; workloads?: string[] }) => apiJson<RolloutOut>("/api/v1/rollouts", { body: input });
