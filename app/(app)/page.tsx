import { PageHeader } from "@/components/shell/page-header";

export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" subtitle="Month-to-date AI spend across all teams." />
      <div className="card empty">
        <h2>Not built yet</h2>
        <p>The overview is being built; nothing here is shown until it reads real data.</p>
      </div>
    </>
  );
}
