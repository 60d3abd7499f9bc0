export function TierBadge({ tier }: { tier: string | null | undefined }) {
  if (!tier) return <span className="badge">unknown tier</span>;
  return <span className={`badge ${tier}`}>{tier}</span>;
}

export function ConfidenceBadge({ confidence }: { confidence: "high" | "medium" | "low" | null }) {
  if (!confidence) return <span className="muted">—</span>;
  const cls = confidence === "high" ? "ok" : confidence === "medium" ? "risk" : "";
  return (
    <span className={`badge ${cls}`} title={
        confidence === "high"
          ? "eval evidence: the 95% lower bound of the pass rate meets the floor"
          : confidence === "medium"
            ? "eval evidence: the measured pass rate meets the floor, its 95% lower bound does not (too few tasks)"
            : "no eval: task class only"
      }>
      {confidence}
    </span>
  );
}
