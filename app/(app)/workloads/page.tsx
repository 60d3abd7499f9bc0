import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { WorkloadsView } from "@/components/explorer/workloads/workloads-view";
import { OverSpecifiedList } from "@/components/whatif/over-specified-list";
import { reportingCurrency } from "@/lib/currency/rates-store";
import { requirePagePrincipal } from "@/lib/auth/session";

export default async function WorkloadsPage() {
  await requirePagePrincipal();
  return (
    <>
      <PageHeader title="Workloads" subtitle="Every workload with its cost per call, tokens per call, models and tier. Dates are UTC." />
      <Suspense>
        <WorkloadsView />
      </Suspense>
      <div style={{ marginTop: 14 }}>
        <OverSpecifiedList currency={await reportingCurrency()} />
      </div>
    </>
  );
}
