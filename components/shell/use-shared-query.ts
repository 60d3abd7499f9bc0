"use client";
import { useQuery, type UseQueryOptions, type QueryKey } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/** False while React renders on the server and while it hydrates that HTML; true from then on (and on client navigations). */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNever, () => true, () => false);
}

/**
 * `useQuery` for lists several components share (teams, models), that the server does not render: their data is
 * shown only once the page has hydrated. Without this, whichever component fetched the list first would hand it to
 * a component still hydrating, its HTML (rendered without the list) would no longer match, React would throw the
 * page away and re-render it (error 418) and a click made meanwhile, such as picking a date range, would be lost.
 */
export function useSharedQuery<T, K extends QueryKey>(options: UseQueryOptions<T, Error, T, K>) {
  const query = useQuery(options);
  const hydrated = useHydrated();
  return { data: hydrated ? query.data : undefined, error: hydrated ? query.error : null };
}
