"use client";
import { useQuery } from "@tanstack/react-query";
import { teamsQuery as explorerTeamsQuery } from "@/components/explorer/api-client";

/**
 * The teams the caller can see (GET /api/v1/teams): the explorer's query (same key, so the Overview's filter bar
 * and its team names share one request), kept fresh for five minutes.
 */
export const teamsQuery = () => ({ ...explorerTeamsQuery(), staleTime: 5 * 60_000 });

/** slug -> display name for tables that carry team slugs ("finance-ops" -> "Finance Operations"); the slug until loaded. */
export function useTeamName(): (slug: string | null | undefined) => string {
  const teams = useQuery(teamsQuery());
  const names = new Map((teams.data?.teams ?? []).map((t) => [t.slug, t.name]));
  return (slug) => (slug === null || slug === undefined ? "no team" : (names.get(slug) ?? slug));
}
