import { formatUsd } from "@/lib/money";
import { WEEKDAY_NAMES, weekdayOf } from "@/lib/forecast/utc-days";
import type { ScopeRef } from "./types";

export function scopeLabel(scope: ScopeRef): string {
  return scope.type === "org" ? "The organisation" : `${scope.type === "team" ? "Team" : "Workload"} ${scope.key}`;
}

export function weekdayName(day: string): string {
  return WEEKDAY_NAMES[weekdayOf(day)];
}

export { formatUsd };
