"use client";
import { Pending } from "@/components/ui/pending";
import "./whatif.css";
import { useCallback, useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { optionsQuery, scenarioQuery } from "./api";
import { CompareTab } from "./compare-tab";
import { decodeDefinition, encodeDefinition, type Definition } from "./definition";
import { EvalsTab } from "./evals-tab";
import { RecommendationsTab } from "./recommendations-tab";
import { ScenarioTab } from "./scenario-tab";
import { CommitmentTab } from "./commitment-tab";

const TABS = [
  { id: "scenario", label: "Scenario" },
  { id: "recommendations", label: "Recommendations" },
  { id: "compare", label: "Saved & compare" },
  { id: "evals", label: "Evals & classification" },
  { id: "commitments", label: "Commitments" },
] as const;
type TabId = (typeof TABS)[number]["id"];

/**
 * The What-if page. Everything that decides what is on screen is in the URL: the tab, the scenario last run
 * (?def=, base64url JSON) or a saved one (?scenario=id), the scenarios compared (?compare=1,4) and the workload
 * whose evidence is open (?workload=). Copying the address shares the view.
 */
export function WhatIfView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const tab = (TABS.find((t) => t.id === params.get("tab"))?.id ?? "scenario") as TabId;
  const scenarioId = params.get("scenario") ? Number(params.get("scenario")) : null;
  const options = useQuery(optionsQuery());
  const saved = useQuery(scenarioQuery(Number.isInteger(scenarioId) ? scenarioId : null));
  const urlDef = useMemo(() => decodeDefinition(params.get("def")), [params]);
  const committed: Definition | null = urlDef ?? ((saved.data?.definition as Definition | undefined) ?? null);
  const compare = (params.get("compare") ?? "").split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);

  const go = useCallback(
    (patch: Record<string, string | null>) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    },
    [params, pathname, router],
  );
  const run = (def: Definition) => go({ tab: "scenario", def: encodeDefinition(def) });

  return (
    <>
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <a
            key={t.id}
            href={`?tab=${t.id}`}
            role="tab"
            aria-selected={t.id === tab}
            className={t.id === tab ? "tab active" : "tab"}
            onClick={(e) => {
              e.preventDefault();
              go({ tab: t.id });
            }}
          >
            {t.label}
          </a>
        ))}
      </div>
      {options.isPending && <Pending>Loading workloads and models…</Pending>}
      {options.isError && <div className="error-box">{options.error.message}</div>}
      {options.data && tab === "scenario" && (
        <ScenarioTab
          options={options.data}
          committed={committed}
          saved={saved.data ?? null}
          onRun={run}
          onSaved={(s) => go({ tab: "scenario", scenario: String(s.id), def: null })}
        />
      )}
      {options.data && tab === "recommendations" && (
        <RecommendationsTab window={options.data.window} onOpen={(def) => go({ tab: "scenario", scenario: null, def: encodeDefinition(def) })} />
      )}
      {tab === "compare" && (
        <CompareTab
          current={urlDef}
          selected={compare}
          onSelect={(ids) => go({ compare: ids.length ? ids.join(",") : null })}
          onOpen={(id) => go({ tab: "scenario", scenario: String(id), def: null })}
        />
      )}
      {options.data && tab === "evals" && (
        <EvalsTab options={options.data} workload={params.get("workload")} onWorkload={(w) => go({ workload: w })} />
      )}
      {options.data && tab === "commitments" && <CommitmentTab options={options.data} />}
    </>
  );
}
