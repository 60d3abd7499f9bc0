"use client";
import { useQuery } from "@tanstack/react-query";

/** The teams the caller can see (GET /api/v1/teams), one cache entry shared by every screen that shows team names. */
export const teamsQuery = () => ({
  queryKey: ["teams"] as const,
  queryFn: async (): Promise<{ teams: { slug: string; name: string }[] }> => {
    const res = await fetch("/api/v1/teams");
    if (!res.ok) throw new Error(`Teams: request failed (${res.status})`);
    return res.json();
  },
  staleTime: 5 * 60_000,
});

/** slug -> display name for tables that carry team slugs ("finance-ops" -> "Finance Operations"); the slug until loaded. */
export function useTeamName(): (slug: string | null | undefined) => string {
  const teams = useQuery(teamsQuery());
  const names = new Map((teams.data?.teams ?? []).map((t) => [t.slug, t.name]));
  return (slug) => (slug === null || slug === undefined ? "no team" : (names.get(slug) ?? slug));
}
