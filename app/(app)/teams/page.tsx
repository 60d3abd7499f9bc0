import { PageHeader } from "@/components/shell/page-header";

export default function Page() {
  return (
    <>
      <PageHeader title="Teams" subtitle="Spend by team, its trend, workloads, models, tier mix and top users." />
      <div className="card empty">
        <h2>Not built yet</h2>
        <p>This page is being built; nothing here is shown until it reads real data.</p>
      </div>
    </>
  );
}
