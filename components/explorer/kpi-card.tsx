import type { ReactNode } from "react";

/** One headline number with its context (comparison, definition) underneath. */
export function KpiCard({ label, value, sub, hint, testId }: { label: string; value: ReactNode; sub?: ReactNode; hint?: string; testId?: string }) {
  return (
    <div className="card kpi" data-testid={testId} title={hint}>
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      {sub && <div className="sub">{sub}</div>}
    </div>
  );
}

/** "+4.1% vs last month": up is red (spending more), down is green. */
export function Delta({ value, suffix, testId }: { value: number | null; suffix: string; testId?: string }) {
  if (value === null) return <span className="muted" data-testid={testId}>nothing to compare with {suffix.replace(/^vs /, "in ")}</span>;
  const cls = value > 0.0005 ? "delta-up" : value < -0.0005 ? "delta-down" : "muted";
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return (
    <span>
      <span className={cls} data-testid={testId}>
        {sign}
        {Math.abs(value * 100).toFixed(1)}%
      </span>{" "}
      {suffix}
    </span>
  );
}
