import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { ModelsView } from "@/components/explorer/models/models-view";

export default function ModelsPage() {
  return (
    <>
      <PageHeader title="Models" subtitle="Spend, calls, tokens, effective price per million tokens and cache hits by model, provider and tier. Dates are UTC." />
      <Suspense>
        <ModelsView />
      </Suspense>
    </>
  );
}
