"use client";

/** A list of chosen values as removable chips plus a picker for one more; empty = "any". */
export function MultiPick({
  label,
  values,
  options,
  onChange,
  anyLabel = "any",
}: {
  label: string;
  values: string[] | undefined;
  options: { value: string; label: string }[];
  onChange: (values: string[] | undefined) => void;
  anyLabel?: string;
}) {
  const chosen = values ?? [];
  const left = options.filter((o) => !chosen.includes(o.value));
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  return (
    <div className="wi-pick">
      <span className="wi-pick-label">{label}</span>
      <div className="wi-chips">
        {chosen.length === 0 && <span className="muted">{anyLabel}</span>}
        {chosen.map((v) => (
          <span key={v} className="wi-chip">
            {labelOf(v)}
            <button type="button" aria-label={`remove ${labelOf(v)}`} onClick={() => onChange(chosen.length === 1 ? undefined : chosen.filter((x) => x !== v))}>
              ×
            </button>
          </span>
        ))}
        <select
          aria-label={`add ${label}`}
          value=""
          onChange={(e) => e.target.value && onChange([...chosen, e.target.value])}
        >
          <option value="">+ add</option>
          {left.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
