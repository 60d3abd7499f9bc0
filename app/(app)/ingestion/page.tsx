import { headers } from "next/headers";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePrincipal } from "@/lib/auth/session";
import { can } from "@/lib/auth/principal";
import { IngestionView } from "@/components/ingestion/ingestion-view";
import { SendInstructions } from "@/components/ingestion/send-instructions";
import { SupportedExporters } from "@/components/ingestion/supported-exporters";

export default async function IngestionPage() {
  const principal = await requirePagePrincipal();
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000"}`;
  return (
    <>
      <PageHeader title="Ingestion" subtitle="Send usage from your gateway, OpenTelemetry, provider exports or files." />
      {can(principal, "ingest") ? (
        <IngestionView canPrice={can(principal, "manage_settings")} />
      ) : (
        <div className="notice" style={{ marginBottom: 14 }}>
          Importing files needs the ingest permission (administrators). You can still send usage with an API key that has the ingest scope.
        </div>
      )}
      <SendInstructions origin={origin} />
      <SupportedExporters />
    </>
  );
}
