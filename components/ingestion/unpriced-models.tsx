"use client";
import { Pending } from "@/components/ui/pending";
import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { PriceOverrideForm, describeChange, emptyDraft } from "./price-override-form";
import { unpricedModelsQuery } from "./queries";
import { n } from "./format";
import styles from "./ingestion.module.css";

/**
 * Models whose calls are stored without a price (no catalogue entry, no override), with what waits for one.
 * "Price it" opens the price form for that model, valid from its first unpriced day, so all of it gets priced.
 */
export function UnpricedModels({ canPrice }: { canPrice: boolean }) {
  const models = useQuery(unpricedModelsQuery());
  const [open, setOpen] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = models.data?.models ?? [];
  return (
    <section className="card" aria-labelledby="unpriced-title" data-testid="unpriced-models">
      <h2 id="unpriced-title">Unpriced models {list.length > 0 && <span className="badge bad">{list.length}</span>}</h2>
      <p className="muted" style={{ marginTop: -6 }}>
        Calls of models no price catalogue knows (self-hosted, fine-tuned, new) are stored and counted, without a cost until you price them.
      </p>
      {done && <p className={styles.success} role="status">{done}</p>}
      {models.error && <p className="error-box">{models.error.message}</p>}
      {models.isLoading && <Pending className="muted">Loading…</Pending>}
      {!models.isLoading && list.length === 0 && !models.error && <p className="muted">Every stored call has a price.</p>}
      {list.length > 0 && (
        <table className="data">
          <thead>
            <tr>
              <th>Model</th>
              <th className="num">Calls</th>
              <th className="num">Input tokens</th>
              <th className="num">Output tokens</th>
              <th>Seen</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((m) => (
              <Fragment key={m.modelId}>
                <tr>
                  <td>
                    <span className="muted">{m.provider}/</span>
                    <b>{m.model}</b>
                  </td>
                  <td className="num">{n(m.events)}</td>
                  <td className="num">{n(m.inputTokens)}</td>
                  <td className="num">{n(m.outputTokens)}</td>
                  <td className={`muted ${styles.nowrap}`}>
                    {m.firstDay === m.lastDay ? m.firstDay : `${m.firstDay} – ${m.lastDay}`}
                  </td>
                  <td>
                    <div className={styles.actions}>
                      {canPrice ? (
                        <button className="btn" onClick={() => setOpen(open === m.modelId ? null : m.modelId)} aria-expanded={open === m.modelId}>
                          Price it
                        </button>
                      ) : (
                        <span className="muted">an admin can price it</span>
                      )}
                    </div>
                  </td>
                </tr>
                {open === m.modelId && (
                  <tr className={styles.inlineForm}>
                    <td colSpan={6}>
                      <PriceOverrideForm
                        initial={emptyDraft(m.provider, m.model, m.firstDay)}
                        lockModel
                        onCancel={() => setOpen(null)}
                        onDone={(change) => {
                          setOpen(null);
                          setDone(describeChange(change));
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
