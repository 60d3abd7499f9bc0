import { PageHeader } from "@/components/shell/page-header";

export default function Page() {
  return (
    <>
      <PageHeader title="What-if" subtitle="Re-price real traffic on cheaper models, with escalation, caching and batch levers." />
      <div className="card empty">
        <h2>Not built yet</h2>
        <p>This page is being built; nothing here is shown until it reads real data.</p>
      </div>
    </>
  );
}
