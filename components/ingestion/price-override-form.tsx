"use client";
import { PendingButton } from "@/components/ui/pending-button";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { optionsQuery } from "@/components/whatif/api";
import { apiJson } from "@/components/settings/api";
import { AFTER_PRICE_CHANGE, type PriceChange, type PriceOverride } from "./queries";
import { n } from "./format";
import styles from "./ingestion.module.css";

export interface OverrideDraft {
  provider: string;
  model: string;
  inputPerMtok: string;
  cachedInputPerMtok: string;
  cacheWritePerMtok: string;
  outputPerMtok: string;
  longContextAbove: string;
  longInputPerMtok: string;
  longCachedInputPerMtok: string;
  longCacheWritePerMtok: string;
  longOutputPerMtok: string;
  webSearchPerK: string;
  fileSearchPerK: string;
  validFrom: string;
  note: string;
}

/** Optional fields: "" in the form, null (absent) in the request. */
const OPTIONAL = [
  "cachedInputPerMtok",
  "cacheWritePerMtok",
  "longInputPerMtok",
  "longCachedInputPerMtok",
  "longCacheWritePerMtok",
  "longOutputPerMtok",
  "webSearchPerK",
  "fileSearchPerK",
  "note",
] as const;

function requestBody(d: OverrideDraft) {
  const body: Record<string, unknown> = { ...d, longContextAbove: d.longContextAbove.trim() === "" ? null : Number(d.longContextAbove.replace(/[_,\s]/g, "")) };
  for (const key of OPTIONAL) body[key] = d[key] || null;
  return body;
}

export const emptyDraft = (provider = "", model = "", validFrom = new Date().toISOString().slice(0, 10)): OverrideDraft => ({
  provider,
  model,
  inputPerMtok: "",
  cachedInputPerMtok: "",
  cacheWritePerMtok: "",
  outputPerMtok: "",
  longContextAbove: "",
  longInputPerMtok: "",
  longCachedInputPerMtok: "",
  longCacheWritePerMtok: "",
  longOutputPerMtok: "",
  webSearchPerK: "",
  fileSearchPerK: "",
  validFrom,
  note: "",
});

export const draftOf = (o: PriceOverride): OverrideDraft => ({
  provider: o.provider,
  model: o.model,
  inputPerMtok: o.inputPerMtok,
  cachedInputPerMtok: o.cachedInputPerMtok ?? "",
  cacheWritePerMtok: o.cacheWritePerMtok ?? "",
  outputPerMtok: o.outputPerMtok,
  longContextAbove: o.longContextAbove === null ? "" : String(o.longContextAbove),
  longInputPerMtok: o.longInputPerMtok ?? "",
  longCachedInputPerMtok: o.longCachedInputPerMtok ?? "",
  longCacheWritePerMtok: o.longCacheWritePerMtok ?? "",
  longOutputPerMtok: o.longOutputPerMtok ?? "",
  webSearchPerK: o.webSearchPerK ?? "",
  fileSearchPerK: o.fileSearchPerK ?? "",
  validFrom: o.validFrom,
  note: o.note ?? "",
});

/** "Re-priced 1,204 events (+$12.40); acme/acme-70b is priced now." */
export function describeChange(change: PriceChange): string {
  const r = change.repricing;
  const delta = r.costDeltaUsd.startsWith("-") ? `-$${r.costDeltaUsd.slice(1)}` : `+$${r.costDeltaUsd}`;
  const events = r.eventsRepriced === 0 ? "No stored events changed price" : `Re-priced ${n(r.eventsRepriced)} stored events (${delta})`;
  return `${events}${r.modelsNowPriced.length ? `; ${r.modelsNowPriced.join(", ")} ${r.modelsNowPriced.length === 1 ? "is" : "are"} priced now` : ""}.`;
}

/**
 * Add or edit a price override: USD per million tokens, valid from a UTC day. Saving re-prices the stored
 * events it covers on the server (same transaction) and every list and chart follows.
 */
export function PriceOverrideForm({ initial, id, lockModel, onDone, onCancel }: {
  initial: OverrideDraft;
  id?: number;
  lockModel?: boolean;
  onDone: (change: PriceChange) => void;
  onCancel?: () => void;
}) {
  const qc = useQueryClient();
  const [d, setD] = useState(initial);
  const save = useMutation({
    mutationFn: () =>
      apiJson<PriceChange>(id === undefined ? "/api/v1/price-overrides" : `/api/v1/price-overrides/${id}`, {
        method: id === undefined ? "POST" : "PUT",
        body: requestBody(d),
      }),
    onSuccess: (change) => {
      for (const key of AFTER_PRICE_CHANGE) void qc.invalidateQueries({ queryKey: [...key] });
      onDone(change);
    },
  });
  const field = (key: keyof OverrideDraft, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="field">
      {label}
      <input value={d[key]} onChange={(e) => setD({ ...d, [key]: e.target.value })} {...extra} />
    </label>
  );
  const listId = useId();
  const price = { inputMode: "decimal" as const, placeholder: "USD / 1M tokens", pattern: "\\d{1,9}(\\.\\d{1,9})?" };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      aria-label={id === undefined ? "Add a price" : "Edit price"}
    >
      <div className="form-grid">
        {field("provider", "Provider", { required: true, readOnly: lockModel, list: lockModel ? undefined : `${listId}-providers`, autoComplete: "off" })}
        {field("model", "Model", { required: true, readOnly: lockModel, list: lockModel ? undefined : `${listId}-models`, autoComplete: "off" })}
        {!lockModel && <ModelPickerLists id={listId} provider={d.provider} />}
        <CatalogueHint provider={d.provider} model={d.model} />
        {field("inputPerMtok", "Input $/1M", { ...price, required: true })}
        {field("cachedInputPerMtok", "Cached input $/1M (optional)", { ...price, placeholder: "catalogue ratio" })}
        {field("cacheWritePerMtok", "Cache write $/1M (optional)", { ...price, placeholder: "catalogue ratio" })}
        {field("outputPerMtok", "Output $/1M", { ...price, required: true })}
        {field("validFrom", "Valid from (UTC day)", { type: "date", required: true })}
        {field("note", "Note (optional)", { placeholder: "e.g. 2026 contract" })}
      </div>
      <details style={{ marginTop: 8 }} open={Boolean(d.longContextAbove || d.webSearchPerK || d.fileSearchPerK)}>
        <summary>Long-context rates and server-side tools (optional)</summary>
        <div className="form-grid" style={{ marginTop: 8 }}>
          {field("longContextAbove", "Long context above (input tokens per call)", { inputMode: "numeric", placeholder: "catalogue tiers, e.g. 200000" })}
          {field("longInputPerMtok", "Long-context input $/1M", { ...price, placeholder: "catalogue ratio" })}
          {field("longCachedInputPerMtok", "Long-context cached input $/1M", { ...price, placeholder: "catalogue ratio" })}
          {field("longCacheWritePerMtok", "Long-context cache write $/1M", { ...price, placeholder: "catalogue ratio" })}
          {field("longOutputPerMtok", "Long-context output $/1M", { ...price, placeholder: "catalogue ratio" })}
          {field("webSearchPerK", "Web searches $/1,000", { ...price, placeholder: "catalogue rate" })}
          {field("fileSearchPerK", "File searches $/1,000", { ...price, placeholder: "catalogue rate" })}
        </div>
      </details>
      <p className={styles.hint}>
        Blank cache prices follow the catalogue&apos;s ratio to input (e.g. Claude cache reads 0.1x); without long-context rates the model&apos;s catalogue
        tiers scale your rates (Sonnet above 200k: input 2x, output 1.5x). The price applies to calls from the valid-from day on; saving re-prices the stored calls it covers, so history and budgets use it at once.
      </p>
      <div className="toolbar" style={{ marginTop: 10 }}>
        <PendingButton type="submit" className="btn primary" pending={save.isPending} pendingLabel="Saving and re-pricing…">
          {id === undefined ? "Save price" : "Save changes"}
        </PendingButton>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {save.error && (
        <p className="error-box" style={{ marginTop: 10 }}>
          {save.error.message}
        </p>
      )}
    </form>
  );
}

/**
 * Provider and model pickers: the price catalogue's chat models (the pricer's own data) and the models seen in
 * traffic, as suggestions; free text stays allowed for self-hosted and fine-tuned models the catalogue lacks.
 */
function ModelPickerLists({ id, provider }: { id: string; provider: string }) {
  const options = useQuery(optionsQuery());
  const all = [...(options.data?.targets ?? []), ...(options.data?.models ?? []).map((m) => ({ provider: m.provider, model: m.model, name: m.model }))];
  const providers = [...new Set(all.map((m) => m.provider))].sort();
  const models = [...new Map(all.filter((m) => !provider || m.provider === provider.trim().toLowerCase()).map((m) => [m.model, m])).values()];
  return (
    <>
      <datalist id={`${id}-providers`}>{providers.map((p) => <option key={p} value={p} />)}</datalist>
      <datalist id={`${id}-models`}>{models.map((m) => <option key={m.model} value={m.model}>{m.name !== m.model ? m.name : undefined}</option>)}</datalist>
    </>
  );
}

/** The catalogue's current list price of the model being priced, so the override can be compared with it. */
function CatalogueHint({ provider, model }: { provider: string; model: string }) {
  const options = useQuery(optionsQuery());
  const hit = options.data?.targets.find((t) => t.source === "catalogue" && t.provider === provider.trim().toLowerCase() && t.model.toLowerCase() === model.trim().toLowerCase());
  if (!provider || !model) return null;
  return (
    <p className={styles.hint} style={{ gridColumn: "1 / -1", margin: 0 }} data-testid="catalogue-hint">
      {hit ? <>Catalogue price today: input <b>${hit.inputPerMtok}</b>, output <b>${hit.outputPerMtok}</b> per 1M tokens.</> : options.isPending ? "Looking up the catalogue…" : "Not in the price catalogue: every call of this model is priced only by this override."}
    </p>
  );
}
