import { Suspense } from "react";
import { requirePagePrincipal } from "@/lib/auth/session";
import { can } from "@/lib/auth/principal";
import { PageHeader } from "@/components/shell/page-header";
import { UnitCostsView } from "@/components/metrics/unit-costs-view";

export default async function UnitCostsPage() {
  const principal = await requirePagePrincipal();
  return (
    <>
      <PageHeader title="Unit costs" subtitle="AI spend per business outcome: per ticket resolved, per invoice processed. Dates are UTC." />
      <Suspense>
        <UnitCostsView canUpload={can(principal, "ingest")} />
      </Suspense>
    </>
  );
}
