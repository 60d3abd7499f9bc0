import styles from "./ingestion.module.css";

/**
 * How to send usage continuously: the events API (curl), OpenTelemetry exporters, a LiteLLM proxy. Keys come from
 * Settings → API keys (scope "ingest"); the examples use a placeholder, never a real key.
 */
export function SendInstructions({ origin }: { origin: string }) {
  const curl = `curl -X POST ${origin}/api/v1/events \\
  -H "Authorization: Bearer $RIGHTSIZE_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"id":"req-8f2c","timestamp":"2026-11-23T10:15:00Z","provider":"openai","model":"gpt-4.1-mini",
       "input_tokens":1200,"cached_input_tokens":1000,"output_tokens":300,
       "team":"search","workload":"query-rewrite","user":"alice"}'`;
  const otel = `OTEL_EXPORTER_OTLP_ENDPOINT=${origin}/api/otlp
OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer <your ingest key>"
OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf   # or http/json; gzip compression works too`;
  const litellm = `# config.yaml
litellm_settings:
  callbacks: ["otel"]

# environment of the proxy
OTEL_EXPORTER="otlp_http"
OTEL_ENDPOINT="${origin}/api/otlp/v1/traces"
OTEL_HEADERS="Authorization=Bearer <your ingest key>"`;
  return (
    <section className={`card ${styles.steps}`} aria-labelledby="send-title">
      <h2 id="send-title">Send usage continuously</h2>
      <p>
        Create a key with the <b>ingest</b> scope in Settings → API keys (bind it to a team to attribute everything it sends to that team).
        Sending the same event twice stores it once.
      </p>
      <h3>Events API</h3>
      <p>
        A JSON object, a JSON array or NDJSON (one event per line), up to 50 MB per request. The answer lists every rejected event by index,
        field and reason; the others are stored.
      </p>
      <div className={styles.code}>
        <pre className="code">{curl}</pre>
      </div>
      <h3>OpenTelemetry (GenAI spans)</h3>
      <p>
        Any OTLP/HTTP exporter (OTel GenAI conventions, OpenLLMetry, OpenInference, Vercel AI SDK, OpenLIT, Pydantic AI): model-call spans
        become calls; other spans and agent totals are skipped and counted with their reason. Prompts and completions are never stored.
      </p>
      <div className={styles.code}>
        <pre className="code">{otel}</pre>
      </div>
      <h3>LiteLLM proxy</h3>
      <p>Send its traces through its OpenTelemetry callback, or export its spend logs (CSV or JSON) and import the file above.</p>
      <div className={styles.code}>
        <pre className="code">{litellm}</pre>
      </div>
      <h3>Provider exports and the CLI</h3>
      <p>
        OpenAI usage exports (/v1/organization/usage/completions with <code className="mono">group_by=model,batch,service_tier</code>) and Anthropic
        usage reports (/v1/organizations/usage_report/messages with <code className="mono">group_by[]=model&amp;group_by[]=service_tier&amp;group_by[]=context_window</code>)
        import as files; those group-bys let Batch, flex, priority and long-context calls be priced at their own rates (an import without them
        says so). Importing a newer export of a day that was still filling up replaces its totals. From a shell:{" "}
        <code className="mono">rightsize ingest FILE... [--format F]</code>.
      </p>
      <p>
        Cost exports (OpenAI /v1/organization/costs, Anthropic cost report) are bills, not usage: import them under Reports, &ldquo;Import a provider
        bill&rdquo; (or <code className="mono">POST /api/v1/bills</code>, <code className="mono">rightsize bills import FILE</code>) to reconcile.
      </p>
    </section>
  );
}
