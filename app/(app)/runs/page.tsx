import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { reportingCurrency } from "@/lib/currency/rates-store";
import { usdNote } from "@/lib/ui/money";
import { RunsView } from "@/components/runs/runs-view";

export default async function RunsPage() {
  return (
    <>
      <PageHeader title="Runs" subtitle={`Agent runs and sessions: calls sharing a run, session or trace id, with the cost of each run. Dates are UTC.${usdNote(await reportingCurrency())}`} />
      <Suspense>
        <RunsView />
      </Suspense>
    </>
  );
}
