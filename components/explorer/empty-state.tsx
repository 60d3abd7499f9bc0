import Link from "next/link";

/** What to do when there is nothing to show: send usage, or widen the range. */
export function EmptyState({ title = "No spend in this range", children }: { title?: string; children?: React.ReactNode }) {
  return (
    <div className="card empty" data-testid="empty-state">
      <h2>{title}</h2>
      {children ?? (
        <p>
          Nothing was recorded for these dates and filters. Try a longer range, or{" "}
          <Link href="/ingestion">send usage from your gateway, OpenTelemetry, provider exports or a file</Link>.
        </p>
      )}
    </div>
  );
}

/** For a whole workspace without any usage yet. */
export function NoDataYet() {
  return (
    <EmptyState title="No usage yet">
      <p>
        Rightsize shows spend once it receives usage. Point your LLM gateway or OpenTelemetry exporter at it, import an
        OpenAI / Anthropic usage export, or upload a CSV: <Link href="/ingestion">Ingestion</Link> shows how, with an API key.
      </p>
    </EmptyState>
  );
}
