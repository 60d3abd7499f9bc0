"use client";
import { useEffect, useRef, useState } from "react";
import { PendingDownload } from "@/components/ui/pending-download";

const OPTIONS = [
  { format: "litellm", label: "LiteLLM proxy config.yaml", hint: "a model group per workload, escalation as fallbacks" },
  { format: "portkey", label: "Portkey config (JSON)", hint: "conditional routing on metadata.workload" },
  { format: "openrouter", label: "OpenRouter presets (JSON)", hint: "per workload: models fallback list, provider order" },
  { format: "json", label: "Plain routing table (JSON)", hint: "workload → model, escalation rule, expected share" },
] as const;

/**
 * "Export routing": downloads the saved scenario as a gateway config (GET /api/v1/scenarios/{id}/export). Only a
 * saved scenario can be exported (the file names it by id), so an unsaved one says so instead.
 */
export function ExportMenu({ scenarioId }: { scenarioId: number | null }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => ref.current?.contains(e.target as Node) || setOpen(false);
    const esc = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", esc);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", esc);
    };
  }, [open]);
  return (
    <div className="wi-menu" ref={ref}>
      <button
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={scenarioId === null}
        title={scenarioId === null ? "Save the scenario first: an export names the saved scenario" : "Download this scenario as gateway routing config"}
        onClick={() => setOpen(!open)}
        data-testid="export-routing"
      >
        Export routing ▾
      </button>
      {open && scenarioId !== null && (
        <div className="wi-menu-list" role="menu" aria-label="Export routing">
          {OPTIONS.map((o) => (
            // The menu stays open while the file is built, so its item can show that it is on the way; it closes once the file is handed over.
            <PendingDownload
              key={o.format}
              className=""
              role="menuitem"
              href={`/api/v1/scenarios/${scenarioId}/export?format=${o.format}`}
              pendingLabel={<b>Preparing {o.label}…</b>}
              onDone={() => setOpen(false)}
              data-testid={`export-${o.format}`}
            >
              <b>{o.label}</b>
              <span className="muted small">{o.hint}</span>
            </PendingDownload>
          ))}
          <p className="muted small wi-menu-note">Gateways cannot express quality-based escalation, batch or caching: the file&apos;s header says what stays with your application.</p>
        </div>
      )}
    </div>
  );
}
