import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { TeamsView } from "@/components/explorer/teams/teams-view";

export default function TeamsPage() {
  return (
    <>
      <PageHeader title="Teams" subtitle="Spend by team, its trend, tier mix and unit costs. Open a team for its workloads, models and top users." />
      <Suspense>
        <TeamsView />
      </Suspense>
    </>
  );
}
