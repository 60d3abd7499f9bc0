import "server-only";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Principal } from "@/lib/auth/principal";
import { rangeFromParams } from "@/lib/analytics/date-range";
import { reportingCurrency } from "@/lib/currency/rates-store";
import { queryOverview } from "@/lib/analytics/overview";
import { querySeries } from "@/lib/analytics/series";
import { querySpend } from "@/lib/analytics/spend";
import { checkFilterValues } from "@/lib/analytics/check-filters";
import { TIER_FILTERS } from "@/lib/analytics/spend-query";
import { overviewQuery, seriesQuery, spendQuery } from "../api-client";

/**
 * Runs the Overview's reads while the page is rendered on the server and hands them to TanStack Query in the
 * HTML, so the first paint already has numbers: no round of API calls after hydration (the slowest part of a
 * cold load). Same keys as the client's queries, so nothing is fetched twice; anything that fails here (a bad
 * filter in the URL) is simply left for the client to fetch, and to show its error.
 */
export async function OverviewPrefetch({ principal, searchParams, children }: { principal: Principal; searchParams: Record<string, string | string[] | undefined>; children: React.ReactNode }) {
  const params = new URLSearchParams(Object.entries(searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const range = rangeFromParams(params);
  const tier = params.get("tier") ?? undefined;
  const filters = { from: range.from, to: range.to, team: params.get("team") ?? undefined, tier };
  const stackBy = params.get("stack") === "tier" ? "tier" : "team";
  const client = new QueryClient();
  try {
    if (tier && !(TIER_FILTERS as readonly string[]).includes(tier)) throw new Error("invalid tier");
    const f = filters as typeof filters & { tier?: (typeof TIER_FILTERS)[number] };
    await checkFilterValues(principal, f);
    const seriesParams = { ...f, interval: "day" as const, stackBy: stackBy as "team" | "tier", top: 8 };
    const [overview, series, ...tops] = await Promise.all([
      queryOverview(principal, f, new Date(), await reportingCurrency()),
      querySeries(principal, seriesParams, new Date(), await reportingCurrency()),
      ...(["team", "workload", "model"] as const).map(async (groupBy) => querySpend(principal, { ...f, groupBy }, new Date(), await reportingCurrency())),
    ]);
    client.setQueryData(overviewQuery(filters).queryKey, overview);
    client.setQueryData(seriesQuery({ ...filters, interval: "day", stackBy, top: 8 }).queryKey, series);
    (["team", "workload", "model"] as const).forEach((groupBy, i) => client.setQueryData(spendQuery({ ...filters, groupBy }).queryKey, tops[i]));
  } catch {
    // Left to the client.
  }
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
