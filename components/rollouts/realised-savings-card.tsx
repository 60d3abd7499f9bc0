"use client";
import "./rollouts.css";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { savingClass } from "@/components/whatif/format";
import { usdIn } from "@/lib/ui/money";
import { monthSavingsQuery } from "./api";

/** For the Overview: this month's realised savings of applied rollouts, against what their scenarios predicted. */
export function RealisedSavingsCard({ currency = "USD" }: { currency?: string }) {
  // Savings are measured in USD (re-priced calls); on a page in another currency they say "USD".
  const usd = (v: string | null) => usdIn(v, currency);
  const q = useQuery(monthSavingsQuery());
  const m = q.data;
  return (
    <section className="card ro-month" aria-label="Savings delivered this month" data-testid="overview-realised">
      <div>
        <div className="label muted small">Savings delivered this month</div>
        <div className={`value ${m ? savingClass(m.realisedSavingUsd) : ""}`} style={{ fontSize: 22, fontWeight: 600 }}>{m ? usd(m.realisedSavingUsd) : q.isError ? "–" : "…"}</div>
      </div>
      <div className="muted small">
        {q.isError && q.error.message}
        {m && m.rollouts.length === 0 && "No applied rollout this month: mark a scenario applied on the What-if page to measure what it saves."}
        {m && m.rollouts.length > 0 && (
          <>
            {m.rollouts.length} rollout{m.rollouts.length === 1 ? "" : "s"}, measured against each workload&apos;s previous model mix
            {m.predictedSavingUsd !== null && <> · predicted {usd(m.predictedSavingUsd)}</>}
          </>
        )}{" "}
        <Link href="/rollouts">Rollouts →</Link>
      </div>
    </section>
  );
}
