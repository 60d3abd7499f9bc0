import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { DimensionsView } from "@/components/explorer/dimensions/dimensions-view";

export default function DimensionsPage() {
  return (
    <>
      <PageHeader
        title="Dimensions"
        subtitle="Spend by a tag your calls carry (customer, feature, environment…), promoted to a dimension in Settings. Calls without the tag are (none). Dates are UTC."
      />
      <Suspense>
        <DimensionsView />
      </Suspense>
    </>
  );
}
