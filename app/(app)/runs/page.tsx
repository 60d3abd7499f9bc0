import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { RunsView } from "@/components/runs/runs-view";

export default function RunsPage() {
  return (
    <>
      <PageHeader title="Runs" subtitle="Agent runs and sessions: calls sharing a run, session or trace id, with the cost of each run. Dates are UTC." />
      <Suspense>
        <RunsView />
      </Suspense>
    </>
  );
}
