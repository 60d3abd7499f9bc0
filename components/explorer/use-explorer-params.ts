"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { rangeFromParams } from "@/lib/analytics/date-range";
import { carryFilters } from "@/lib/navigation/carry-filters";

/**
 * Every filter of an explorer page lives in the URL (range, team, tier, stacking, sort, page...), so a view can
 * be bookmarked and shared. `set` merges changes into the query string (null removes a key) without scrolling.
 */
export function useExplorerParams() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const range = useMemo(() => rangeFromParams(params), [params]);
  const get = useCallback((name: string) => params.get(name) ?? undefined, [params]);
  const set = useCallback(
    (changes: Record<string, string | number | null | undefined>) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(changes)) {
        if (v === null || v === undefined || v === "") next.delete(k);
        else next.set(k, String(v));
      }
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, router, pathname],
  );
  /** `href` keeping the date range, so following a link keeps the period the user was looking at. */
  const withRange = useCallback((href: string) => carryFilters(href, params, ["range", "from", "to"]), [params]);
  /** `href` keeping the date range and the team filter (sidebar, "See all"). */
  const withFilters = useCallback((href: string) => carryFilters(href, params), [params]);
  return { range, get, set, params, withRange, withFilters };
}
