"use client";
import type { WhatIfOptions } from "@/lib/whatif/server/options";

type Target = WhatIfOptions["targets"][number];

/**
 * A reroute / escalation target from the server's list (price catalogue + overrides), with list prices so the
 * choice is informed. Models the organisation already uses come first.
 */
export function ModelPicker({
  label,
  value,
  targets,
  used,
  onChange,
  allowNone = true,
}: {
  label: string;
  value: { provider: string; model: string } | undefined;
  targets: Target[];
  used: Set<string>;
  onChange: (ref: { provider: string; model: string } | undefined) => void;
  allowNone?: boolean;
}) {
  const key = value ? `${value.provider}/${value.model}` : "";
  const option = (t: Target) => (
    <option key={`${t.provider}/${t.model}`} value={`${t.provider}/${t.model}`}>
      {t.model} · ${trim(t.inputPerMtok)} in / ${trim(t.outputPerMtok)} out per Mtok{t.tier ? ` · ${t.tier}` : ""}
    </option>
  );
  const usedTargets = targets.filter((t) => used.has(`${t.provider}/${t.model}`));
  const byProvider = new Map<string, Target[]>();
  for (const t of targets) byProvider.set(t.provider, [...(byProvider.get(t.provider) ?? []), t]);
  const known = targets.some((t) => `${t.provider}/${t.model}` === key);
  return (
    <label className="field">
      {label}
      <select
        value={key}
        onChange={(e) => {
          const v = e.target.value;
          if (!v) return onChange(undefined);
          const slash = v.indexOf("/");
          onChange({ provider: v.slice(0, slash), model: v.slice(slash + 1) });
        }}
      >
        {allowNone && <option value="">— keep the current model —</option>}
        {!known && key && <option value={key}>{key} (not in the catalogue)</option>}
        {usedTargets.length > 0 && <optgroup label="Used by your organisation">{usedTargets.map(option)}</optgroup>}
        {[...byProvider].map(([provider, list]) => (
          <optgroup key={provider} label={provider}>
            {list.map(option)}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

function trim(decimal: string): string {
  return decimal.includes(".") ? decimal.replace(/0+$/, "").replace(/\.$/, "") : decimal;
}
