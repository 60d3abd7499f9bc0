import { SUPPORTED_EXPORTERS } from "@/lib/ingest/supported-exporters";

/** The exporters and formats Rightsize reads and what each maps to (the README shows the same list). */
export function SupportedExporters() {
  return (
    <section className="card" aria-labelledby="exporters-title" style={{ marginBottom: 14 }}>
      <h2 id="exporters-title">Supported exporters and formats</h2>
      <p className="muted">
        Where tokens, cache, team, workload and user come from for each source. Prompt and completion text is never stored: tags come from an
        allow-list of labels. &ldquo;rules&rdquo; means the value is kept as a tag that attribution rules can map.
      </p>
      <div style={{ overflowX: "auto" }}>
        <table className="data" data-testid="supported-exporters">
          <thead>
            <tr>
              <th>Exporter / format</th>
              <th>Sent by</th>
              <th>Tokens</th>
              <th>Cache</th>
              <th>Team</th>
              <th>Workload</th>
              <th>User</th>
            </tr>
          </thead>
          <tbody>
            {SUPPORTED_EXPORTERS.map((e) => (
              <tr key={e.name}>
                <td>
                  <b>{e.name}</b>
                </td>
                <td>{e.via}</td>
                <td className="mono">{e.tokens}</td>
                <td className="mono">{e.cache}</td>
                <td>{e.team}</td>
                <td>{e.workload}</td>
                <td>{e.user}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
