import { SUPPORTED_EXPORTERS } from "@/lib/ingest/supported-exporters";

/** The exporters and formats Rightsize reads and what each maps to (the README shows the same list). */
export function SupportedExporters() {
  return (
    <section className="card" aria-labelledby="exporters-title" style={{ marginBottom: 14 }}>
      <h2 id="exporters-title">Supported exporters and formats</h2>
      <p className="muted">
        Where tokens, cache, team, workload and user come from for each source. Prompt and completion text is never stored: tags come from an
        allow-list of labels. &ldquo;rules&rdquo; means the value is kept as a tag that attribution rules can map to a team or workload.
      </p>
      <table className="data" data-testid="supported-exporters" style={{ tableLayout: "fixed", width: "100%" }}>
        <colgroup>
          <col style={{ width: "22%" }} />
          <col style={{ width: "26%" }} />
          <col style={{ width: "26%" }} />
          <col style={{ width: "26%" }} />
        </colgroup>
        <thead>
          <tr>
            <th>Exporter / format</th>
            <th>Tokens</th>
            <th>Cache</th>
            <th>Team · workload · user</th>
          </tr>
        </thead>
        <tbody>
          {SUPPORTED_EXPORTERS.map((e) => (
            <tr key={e.name} style={{ verticalAlign: "top" }}>
              <td>
                <b>{e.name}</b>
                <div className="muted" style={{ fontSize: 12 }}>
                  {e.via}
                </div>
              </td>
              <td className="mono" style={{ fontSize: 12, wordBreak: "break-word" }}>
                {e.tokens}
              </td>
              <td className="mono" style={{ fontSize: 12, wordBreak: "break-word" }}>
                {e.cache}
              </td>
              <td style={{ fontSize: 12 }}>
                <div>
                  <span className="muted">team:</span> {e.team}
                </div>
                <div>
                  <span className="muted">workload:</span> {e.workload}
                </div>
                <div>
                  <span className="muted">user:</span> {e.user}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
