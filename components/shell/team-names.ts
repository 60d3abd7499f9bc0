"use client";
import { useQuery } from "@tanstack/react-query";
import { teamsQuery } from "@/components/explorer/api-client";

/** slug -> display name for tables that carry team slugs ("finance-ops" -> "Finance Operations"); the slug until loaded. */
export function useTeamName(): (slug: string | null | undefined) => string {
  const teams = useQuery(teamsQuery());
  const names = new Map((teams.data?.teams ?? []).map((t) => [t.slug, t.name]));
  return (slug) => (slug === null || slug === undefined ? "no team" : (names.get(slug) ?? slug));
}
