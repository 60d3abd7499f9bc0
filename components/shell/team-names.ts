"use client";
import { useSharedQuery } from "@/components/shell/use-shared-query";
import { teamsQuery } from "@/components/explorer/api-client";

/** slug -> display name for tables that carry team slugs ("finance-ops" -> "Finance Operations"); the slug until loaded. */
export function useTeamName(): (slug: string | null | undefined) => string {
  const teams = useSharedQuery(teamsQuery());
  const names = new Map((teams.data?.teams ?? []).map((t) => [t.slug, t.name]));
  return (slug) => (slug === null || slug === undefined ? "no team" : (names.get(slug) ?? slug));
}
