import { TIER_COLORS } from "./palette";
import { pct } from "@/components/explorer/format";

export interface ShareSegment {
  key: string;
  label: string;
  value: number;
  color?: string;
}

/** A 100% bar of parts (e.g. spend per tier) with a legend of shares; plain HTML so it stays crisp and accessible. */
export function ShareBar({ segments, format = (v) => String(v), compact = false }: { segments: ShareSegment[]; format?: (v: number) => string; compact?: boolean }) {
  const total = segments.reduce((s, x) => s + x.value, 0);
  const shown = segments.filter((s) => s.value > 0);
  return (
    <div className={compact ? "share compact" : "share"}>
      <div className="share-bar" role="img" aria-label={shown.map((s) => `${s.label} ${pct(s.value / total)}`).join(", ")}>
        {shown.map((s) => (
          <span key={s.key} title={`${s.label}: ${format(s.value)} (${pct(s.value / total)})`} style={{ width: `${(s.value / total) * 100}%`, background: s.color ?? TIER_COLORS[s.key] ?? TIER_COLORS.unknown }} />
        ))}
      </div>
      {!compact && (
        <div className="share-legend">
          {shown.map((s) => (
            <span key={s.key}>
              <span className="swatch" style={{ background: s.color ?? TIER_COLORS[s.key] ?? TIER_COLORS.unknown }} />
              {s.label} <b>{pct(s.value / total)}</b> <span className="muted">{format(s.value)}</span>
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
