"use client";
import { PendingButton } from "@/components/ui/pending-button";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { apiJson } from "./api";
import { UnpricedModels } from "@/components/ingestion/unpriced-models";
import { PriceOverrideForm, describeChange, draftOf, emptyDraft } from "@/components/ingestion/price-override-form";
import { AFTER_PRICE_CHANGE, priceOverridesQuery, type PriceChange } from "@/components/ingestion/queries";
import styles from "@/components/ingestion/ingestion.module.css";

import { usdPrice as usd } from "@/lib/ui/money";

/**
 * Settings → Prices: unpriced models (price them in one click), and the price overrides (negotiated discounts,
 * self-hosted or fine-tuned models) that win over the catalogue from their valid-from day. Every change
 * re-prices the stored calls it covers.
 */
export default function PricesSection() {
  const qc = useQueryClient();
  const overrides = useQuery(priceOverridesQuery());
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (change: PriceChange) => {
    setAdding(false);
    setEditing(null);
    setMessage(describeChange(change));
  };
  const remove = useMutation({
    mutationFn: (id: number) => apiJson<PriceChange>(`/api/v1/price-overrides/${id}`, { method: "DELETE" }),
    onSuccess: (change) => {
      for (const key of AFTER_PRICE_CHANGE) void qc.invalidateQueries({ queryKey: [...key] });
      done(change);
    },
  });
  const list = overrides.data?.overrides ?? [];
  const price = (v: string | null, fallback = "= input") => (v === null ? <span className="muted">{fallback}</span> : usd(v));

  return (
    <div className="grid">
      <UnpricedModels canPrice />
      <section className="card" aria-labelledby="overrides-title">
        <div className="toolbar" style={{ justifyContent: "space-between", marginBottom: 8 }}>
          <h2 id="overrides-title" style={{ margin: 0 }}>Price overrides</h2>
          {!adding && (
            <button className="btn primary" onClick={() => { setAdding(true); setMessage(null); }}>
              Add a price
            </button>
          )}
        </div>
        <p className="muted" style={{ marginTop: 0 }}>
          Negotiated rates, self-hosted or fine-tuned models: USD per million tokens, from a day on. An override wins over the catalogue price
          (batch and flex discounts still apply on top). Calls before its valid-from day keep their price.
        </p>
        {message && <p className={styles.success} role="status">{message}</p>}
        {remove.error && <p className="error-box">{remove.error.message}</p>}
        {adding && (
          <div className={`card ${styles.inlineForm}`} style={{ marginBottom: 14 }}>
            <PriceOverrideForm initial={emptyDraft()} onDone={done} onCancel={() => setAdding(false)} />
          </div>
        )}
        {overrides.error && <p className="error-box">{overrides.error.message}</p>}
        {!overrides.isLoading && list.length === 0 && !adding && <p className="muted">No overrides: every call is priced from the catalogue.</p>}
        {list.length > 0 && (
          <table className="data" data-testid="price-overrides">
            <thead>
              <tr>
                <th>Model</th>
                <th className="num">Input</th>
                <th className="num">Cached input</th>
                <th className="num">Cache write</th>
                <th className="num">Output</th>
                <th>Valid from</th>
                <th>Note</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((o) => (
                <Fragment key={o.id}>
                  <tr>
                    <td>
                      <span className="muted">{o.provider}/</span>
                      <b>{o.model}</b>
                      <div className="muted" style={{ fontSize: 12 }}>{!o.catalogue ? "not in the catalogue" : o.catalogue.provider === o.provider && o.catalogue.model === o.model ? "in the catalogue" : `catalogue: ${o.catalogue.provider}/${o.catalogue.model}`}</div>
                    </td>
                    <td className="num">{price(o.inputPerMtok)}<ListPrice value={o.catalogue?.inputPerMtok} /></td>
                    <td className="num">{price(o.cachedInputPerMtok)}<ListPrice value={o.catalogue?.cachedInputPerMtok} /></td>
                    <td className="num">{price(o.cacheWritePerMtok)}<ListPrice value={o.catalogue?.cacheWritePerMtok} /></td>
                    <td className="num">{price(o.outputPerMtok)}<ListPrice value={o.catalogue?.outputPerMtok} /></td>
                    <td className={styles.nowrap}>{o.validFrom}</td>
                    <td className="muted">{o.note}</td>
                    <td>
                      <div className={styles.actions}>
                        <button className="btn" onClick={() => { setEditing(editing === o.id ? null : o.id); setMessage(null); }}>
                          Edit
                        </button>
                        <PendingButton
                          className="btn"
                          disabled={remove.isPending}
                          pending={remove.isPending && remove.variables === o.id}
                          pendingLabel="Deleting…"
                          onClick={() => {
                            if (confirm(`Delete the price of ${o.provider}/${o.model} from ${o.validFrom}? Its calls get the catalogue price back (or none).`)) remove.mutate(o.id);
                          }}
                        >
                          Delete
                        </PendingButton>
                      </div>
                    </td>
                  </tr>
                  {editing === o.id && (
                    <tr className={styles.inlineForm}>
                      <td colSpan={8}>
                        <PriceOverrideForm initial={draftOf(o)} id={o.id} onDone={done} onCancel={() => setEditing(null)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
        <p className={styles.hint}>Prices per million tokens, in USD; under each, the catalogue&apos;s list price in force today, which the override replaces. Empty cached/cache-write prices bill those tokens at the input price.</p>
      </section>
    </div>
  );
}

/** The catalogue's list price under an override's price ("list $2.50"), or nothing when the catalogue has none. */
function ListPrice({ value }: { value: string | null | undefined }) {
  if (value === null || value === undefined) return null;
  return <div className="muted" style={{ fontSize: 12 }} title="Catalogue list price in force today">list {usd(value)}</div>;
}
