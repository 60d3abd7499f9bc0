import type { IngestWarning } from "./queries";

/** Records an import stored with a pricing caveat, each with the export option that would make it exact. */
export function ImportWarnings({ warnings, compact = false }: { warnings: IngestWarning[]; compact?: boolean }) {
  if (warnings.length === 0) return null;
  const list = (
    <ul data-testid="import-warnings" style={{ margin: "4px 0", paddingLeft: 18 }}>
      {warnings.map((w) => (
        <li key={w.kind}>{w.message}</li>
      ))}
    </ul>
  );
  if (!compact) {
    return (
      <div className="notice" role="status" style={{ marginTop: 12 }}>
        <b>Priced with {warnings.length === 1 ? "a caveat" : "caveats"}:</b>
        {list}
      </div>
    );
  }
  const total = warnings.reduce((s, w) => s + w.count, 0);
  return (
    <details style={{ marginTop: 4 }}>
      <summary className="badge risk" style={{ cursor: "pointer" }}>
        {total.toLocaleString("en-US")} priced with a caveat
      </summary>
      {list}
    </details>
  );
}
