import { PageHeader } from "@/components/shell/page-header";

export default function Page() {
  return (
    <>
      <PageHeader title="Ingestion" subtitle="Send usage from your gateway, OpenTelemetry, provider exports or files." />
      <div className="card empty">
        <h2>Not built yet</h2>
        <p>This page is being built; nothing here is shown until it reads real data.</p>
      </div>
    </>
  );
}
