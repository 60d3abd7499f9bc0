import type { WhatIfOptions } from "@/lib/whatif/server/options";

/**
 * Display names for the slugs a scenario and its results carry (teams, workloads), from the What-if options the
 * page already loads: tables and rule summaries show "Customer support", not "support". A slug the options do
 * not know (no longer visible, or options still loading) is shown as is.
 */
export interface Names {
  team(slug: string | null | undefined): string;
  workload(slug: string | null | undefined): string;
}

export function namesFrom(options: Pick<WhatIfOptions, "teams" | "workloads"> | undefined): Names {
  const teams = new Map((options?.teams ?? []).map((t) => [t.slug, t.name]));
  const workloads = new Map((options?.workloads ?? []).map((w) => [w.slug, w.name]));
  return {
    team: (slug) => (slug === null || slug === undefined || slug === "unattributed" ? "Unattributed" : (teams.get(slug) ?? slug)),
    workload: (slug) => (slug === null || slug === undefined || slug === "unattributed" ? "Unattributed" : (workloads.get(slug) ?? slug)),
  };
}
