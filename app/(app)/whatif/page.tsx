import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { WhatIfView } from "@/components/whatif/whatif-view";

export default function Page() {
  return (
    <>
      <PageHeader
        title="What-if"
        subtitle="Re-price your real traffic on cheaper models, with escalation, caching and batch: the saving, its range, and whether quality holds."
      />
      <Suspense fallback={<div className="card empty">Loading…</div>}>
        <WhatIfView />
      </Suspense>
    </>
  );
}
