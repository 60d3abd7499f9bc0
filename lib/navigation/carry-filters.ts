/**
 * The filters that follow a user from page to page (issue 16.4): the date range and the team. Sidebar links,
 * "See all" links and drill-downs pass them on, so a finance user looking at "support, last month" stays there.
 * Pages whose own filters differ (Reports pick a month, Settings none) are left alone.
 */
export const CARRIED_FILTERS = ["range", "from", "to", "team"] as const;
const EXPLORER_PAGES = ["/", "/teams", "/workloads", "/models", "/runs", "/unit-costs"];

/** `href` with the carried filters of `params` added (those already in `href` win). */
export function carryFilters(href: string, params: { get(name: string): string | null }, keys: readonly string[] = CARRIED_FILTERS): string {
  const [path, query = ""] = href.split("?");
  const next = new URLSearchParams(query);
  for (const k of keys) {
    const v = params.get(k);
    if (v && !next.has(k)) next.set(k, v);
  }
  const qs = next.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Whether the sidebar link to `href` carries the filters (explorer pages share range and team). */
export function carriesFilters(href: string): boolean {
  return EXPLORER_PAGES.includes(href);
}
