"use client";
import { useSharedQuery } from "@/components/shell/use-shared-query";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiJson } from "./api";
import { Dialog } from "@/components/shell/dialog";
import { CopyButton } from "@/components/shell/copy-button";
import { PendingButton } from "@/components/ui/pending-button";
import { teamsQuery } from "@/components/explorer/api-client";

interface KeyRow { id: number; name: string; prefix: string; scopes: string[]; team: string | null; createdAt: string; lastUsedAt: string | null; expiresAt: string | null; status: "active" | "expired" | "revoked" }

const minuteUtc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;
// A key expiring at 00:00 UTC of a day is shown as that day (it stops working when the day begins).
const expiryText = (iso: string) => (iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : minuteUtc(iso));

export default function KeysSection() {
  const qc = useQueryClient();
  const keys = useQuery({ queryKey: ["keys"], queryFn: () => apiJson<{ keys: KeyRow[] }>("/api/v1/keys") });
  const teams = useSharedQuery(teamsQuery());
  const [form, setForm] = useState({ name: "", ingest: true, read: false, team: "", expiresAt: "" });
  const [created, setCreated] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<KeyRow | null>(null);
  const create = useMutation({
    mutationFn: () =>
      apiJson<{ key: string }>("/api/v1/keys", {
        method: "POST",
        body: { name: form.name, scopes: [form.ingest && "ingest", form.read && "read"].filter(Boolean), team: form.team || null, expiresAt: form.expiresAt || null },
      }),
    onSuccess: (data) => { setCreated(data.key); setForm({ name: "", ingest: true, read: false, team: "", expiresAt: "" }); void qc.invalidateQueries({ queryKey: ["keys"] }); },
  });
  const revoke = useMutation({
    mutationFn: (id: number) => apiJson(`/api/v1/keys/${id}`, { method: "DELETE" }),
    onSuccess: () => { setRevoking(null); void qc.invalidateQueries({ queryKey: ["keys"] }); },
  });

  return (
    <div className="grid">
      <form className="card" onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <h2>Create an API key</h2>
        <div className="form-grid">
          <label className="field">Name<input required value={form.name} placeholder="e.g. gateway-prod" onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
          <label className="field">Team (optional)<select value={form.team} onChange={(e) => setForm({ ...form, team: e.target.value })}><option value="">all teams</option>{teams.data?.teams.map((t) => <option key={t.slug} value={t.slug}>{t.name}</option>)}</select></label>
          <label className="field">Expires on (optional, UTC)<input type="date" value={form.expiresAt} onChange={(e) => setForm({ ...form, expiresAt: e.target.value })} /></label>
          <fieldset className="field scopes">
            <legend>Scopes</legend>
            <div className="checks">
              <label><input type="checkbox" checked={form.ingest} onChange={(e) => setForm({ ...form, ingest: e.target.checked })} /> ingest</label>
              <label><input type="checkbox" checked={form.read} onChange={(e) => setForm({ ...form, read: e.target.checked })} /> read</label>
            </div>
          </fieldset>
          <PendingButton type="submit" className="btn primary" pending={create.isPending} pendingLabel="Creating…">Create key</PendingButton>
        </div>
        {create.error && <p className="error-box">{create.error.message}</p>}
        {created && (
          <div style={{ marginTop: 12 }}>
            <p><b>Copy this key now.</b> It is shown only once; Rightsize stores only its hash.</p>
            <div className="secret-row">
              <div className="secret" data-testid="new-api-key">{created}</div>
              <CopyButton text={created} label="Copy key" />
            </div>
          </div>
        )}
      </form>
      <div className="card">
        <h2>API keys</h2>
        <table className="data">
          <thead><tr><th>Name</th><th>Prefix</th><th>Scopes</th><th>Team</th><th>Created</th><th>Expires</th><th>Last used</th><th /></tr></thead>
          <tbody>
            {keys.data?.keys.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td className="mono">{k.prefix}…</td>
                <td>{k.scopes.join(", ")}</td>
                <td>{k.team === null ? <span className="muted">all</span> : (teams.data?.teams.find((t) => t.slug === k.team)?.name ?? k.team)}</td>
                <td className="muted">{k.createdAt.slice(0, 10)}</td>
                <td className={k.status === "expired" ? undefined : "muted"}>
                  {k.expiresAt ? expiryText(k.expiresAt) : "never"}
                  {k.status === "expired" && <> <span className="badge bad">expired</span></>}
                </td>
                <td className="muted">{k.lastUsedAt ? minuteUtc(k.lastUsedAt) : "never"}</td>
                <td>{k.status === "revoked" ? <span className="badge bad">revoked</span> : <button type="button" className="btn danger" onClick={() => { revoke.reset(); setRevoking(k); }}>Revoke</button>}</td>
              </tr>
            ))}
            {keys.data?.keys.length === 0 && <tr><td colSpan={8} className="muted">No keys yet. Create one to send usage from your gateway or scripts.</td></tr>}
          </tbody>
        </table>
      </div>
      {revoking && (
        <Dialog title={`Revoke the key "${revoking.name}"?`} onClose={() => setRevoking(null)}>
          <p>
            Anything sending with <span className="mono">{revoking.prefix}…</span> ({revoking.scopes.join(", ")}) is refused from now on. A revoked key cannot be
            restored; create a new one instead.
          </p>
          {revoke.error && <p className="error-box" role="alert">{revoke.error.message}</p>}
          <div className="modal-actions">
            <button type="button" className="btn" onClick={() => setRevoking(null)} data-autofocus="">Cancel</button>
            <PendingButton type="button" className="btn primary danger-fill" pending={revoke.isPending} pendingLabel="Revoking…" onClick={() => revoke.mutate(revoking.id)}>
              Revoke key
            </PendingButton>
          </div>
        </Dialog>
      )}
    </div>
  );
}
