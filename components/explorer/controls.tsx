"use client";
import { useSharedQuery } from "@/components/shell/use-shared-query";
import { modelsQuery, teamsQuery } from "./api-client";
import { useExplorerParams } from "./use-explorer-params";

/** A small set of mutually exclusive choices (stack by team / tier), kept in the URL under `name`. */
export function Segmented({ name, options, fallback, label }: { name: string; options: { value: string; label: string }[]; fallback: string; label: string }) {
  const { get, set } = useExplorerParams();
  const value = get(name) ?? fallback;
  return (
    <div className="field-inline">
      {label}
      <div className="segmented" role="group" aria-label={label}>
        {options.map((o) => (
          <button key={o.value} type="button" aria-pressed={o.value === value} onClick={() => set({ [name]: o.value === fallback ? null : o.value })}>
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}

/** A select bound to a URL parameter; the empty option removes the filter. */
export function SelectFilter({ name, label, options, allLabel }: { name: string; label: string; options: { value: string; label: string }[]; allLabel: string }) {
  const { get, set } = useExplorerParams();
  return (
    <label className="field">
      {label}
      <select value={get(name) ?? ""} onChange={(e) => set({ [name]: e.target.value || null })} aria-label={label}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Team filter over the teams the caller can see (a lead sees only theirs), plus unattributed spend. */
export function TeamFilter({ includeUnattributed = true }: { includeUnattributed?: boolean }) {
  const teams = useSharedQuery(teamsQuery());
  const options = (teams.data?.teams ?? []).map((t) => ({ value: t.slug, label: t.name }));
  if (includeUnattributed) options.push({ value: "unattributed", label: "Unattributed" });
  return <SelectFilter name="team" label="Team" allLabel="All teams" options={options} />;
}

/**
 * Model filter (URL `model`, the spend API's provider/name key) over the models calls were seen with, narrowed to
 * the picked tier so the two filters cannot contradict each other.
 */
export function ModelFilter() {
  const { get } = useExplorerParams();
  const models = useSharedQuery(modelsQuery());
  const tier = get("tier");
  const picked = get("model");
  // The picked model stays listed even outside the tier: the select must show what the URL filters by.
  const all = models.data?.models ?? [];
  // Tables label a model by its name; the provider is added only where two providers share a name.
  const shared = new Set(all.filter((m, i) => all.findIndex((o) => o.name === m.name) !== i).map((m) => m.name));
  const options = all
    .filter((m) => m.key === picked || !tier || (tier === "unknown" ? m.tier === null : m.tier === tier))
    .map((m) => ({ value: m.key, label: shared.has(m.name) ? `${m.name} (${m.provider})` : m.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return <SelectFilter name="model" label="Model" allLabel="All models" options={options} />;
}

export const TIER_OPTIONS = [
  { value: "frontier", label: "Frontier" },
  { value: "mid", label: "Mid" },
  { value: "small", label: "Small" },
  { value: "unknown", label: "Unknown (unpriced)" },
];
