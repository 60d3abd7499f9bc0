import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { OverviewView } from "@/components/explorer/overview/overview-view";

export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" subtitle="AI spend across your teams: this month's pace, where it goes and how much is on frontier models. Dates are UTC." />
      <Suspense>
        <OverviewView />
      </Suspense>
    </>
  );
}
