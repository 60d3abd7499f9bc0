import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { reportingCurrency } from "@/lib/currency/rates-store";
import { usdNote } from "@/lib/ui/money";
import { WhatIfView } from "@/components/whatif/whatif-view";

export default async function Page() {
  return (
    <>
      <PageHeader
        title="What-if"
        subtitle={`Re-price your real traffic on cheaper models, with escalation, caching and batch: the saving, its range, and whether quality holds.${usdNote(await reportingCurrency())}`}
      />
      <Suspense fallback={<div className="card empty">Loading…</div>}>
        <WhatIfView />
      </Suspense>
    </>
  );
}
