import { PageHeader } from "@/components/shell/page-header";

export default function Page() {
  return (
    <>
      <PageHeader title="Models" subtitle="Spend, calls, tokens and effective price per million tokens by provider and tier." />
      <div className="card empty">
        <h2>Not built yet</h2>
        <p>This page is being built; nothing here is shown until it reads real data.</p>
      </div>
    </>
  );
}
