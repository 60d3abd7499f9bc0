import { PageHeader } from "@/components/shell/page-header";

export default function Page() {
  return (
    <>
      <PageHeader title="Reports" subtitle="Monthly reports for finance: CSV, FOCUS and PDF." />
      <div className="card empty">
        <h2>Not built yet</h2>
        <p>This page is being built; nothing here is shown until it reads real data.</p>
      </div>
    </>
  );
}
