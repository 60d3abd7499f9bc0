"use client";
import { UploadCard } from "./upload-card";
import { UnpricedModels } from "./unpriced-models";
import { RecentImports } from "./recent-imports";

/** The Ingestion page's live parts: upload, unpriced models, recent imports. */
export function IngestionView({ canPrice }: { canPrice: boolean }) {
  return (
    <div className="grid" style={{ marginBottom: 14 }}>
      <UploadCard />
      <UnpricedModels canPrice={canPrice} />
      <RecentImports />
    </div>
  );
}
