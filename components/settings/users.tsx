"use client";
import { useSharedQuery } from "@/components/shell/use-shared-query";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiJson } from "./api";
import { PendingButton } from "@/components/ui/pending-button";
import { teamsQuery } from "@/components/explorer/api-client";

interface UserRow { id: number; email: string; role: string; teams: string[]; disabled: boolean; sso: boolean; ssoManaged: boolean; createdAt: string }
const ROLES = ["admin", "finance", "lead", "viewer"];

export default function UsersSection() {
  const qc = useQueryClient();
  const users = useQuery({ queryKey: ["users"], queryFn: () => apiJson<{ users: UserRow[] }>("/api/v1/users") });
  const teams = useSharedQuery(teamsQuery());
  const [form, setForm] = useState({ email: "", password: "", role: "viewer", team: "" });
  const create = useMutation({
    mutationFn: () => apiJson("/api/v1/users", { method: "POST", body: { email: form.email, password: form.password, role: form.role, teams: form.team ? [form.team] : [] } }),
    onSuccess: () => { setForm({ email: "", password: "", role: "viewer", team: "" }); void qc.invalidateQueries({ queryKey: ["users"] }); },
  });
  const update = useMutation({
    mutationFn: (v: { id: number; body: unknown }) => apiJson(`/api/v1/users/${v.id}`, { method: "PATCH", body: v.body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["users"] }),
  });

  return (
    <div className="grid">
      <form className="card" onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <h2>Add a user</h2>
        <div className="form-grid">
          <label className="field">Email<input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /></label>
          <label className="field">Password (8+ characters)<input type="password" required minLength={8} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} /></label>
          <label className="field">Role<select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>{ROLES.map((r) => <option key={r}>{r}</option>)}</select></label>
          <label className="field">Team (leads see only it)<select value={form.team} onChange={(e) => setForm({ ...form, team: e.target.value })}><option value="">—</option>{teams.data?.teams.map((t) => <option key={t.slug} value={t.slug}>{t.name}</option>)}</select></label>
          <PendingButton type="submit" className="btn primary" pending={create.isPending} pendingLabel="Adding…">Add user</PendingButton>
        </div>
        {create.error && <p className="error-box">{create.error.message}</p>}
      </form>
      <div className="card">
        <h2>Users</h2>
        {users.error && <p className="error-box">{users.error.message}</p>}
        {update.error && <p className="error-box">{update.error.message}</p>}
        <table className="data">
          <thead><tr><th>Email</th><th>Role</th><th>Teams</th><th>Status</th><th>Created</th><th /></tr></thead>
          <tbody>
            {users.data?.users.map((u) => (
              <tr key={u.id}>
                <td>
                  {u.email}
                  {u.sso && !u.ssoManaged && <span className="muted"> · single sign-on</span>}
                </td>
                <td>
                  {/* Role and teams of an SSO-managed user come from their IdP groups at every sign-in. */}
                  {u.ssoManaged ? (
                    <span title="Role and teams come from the identity provider's groups at every sign-in (OIDC_ROLE_MAP)">
                      {u.role} <span className="badge sso">managed by SSO</span>
                    </span>
                  ) : (
                    <select aria-label={`Role of ${u.email}`} aria-busy={update.isPending && update.variables?.id === u.id} disabled={update.isPending && update.variables?.id === u.id} value={u.role} onChange={(e) => update.mutate({ id: u.id, body: { role: e.target.value } })}>
                      {ROLES.map((r) => <option key={r}>{r}</option>)}
                    </select>
                  )}
                </td>
                <td>{u.teams.map((slug) => teams.data?.teams.find((t) => t.slug === slug)?.name ?? slug).join(", ") || <span className="muted">all (not a lead)</span>}</td>
                <td>{u.disabled ? <span className="badge bad">disabled</span> : <span className="badge ok">active</span>}</td>
                <td className="muted">{u.createdAt.slice(0, 10)}</td>
                <td>
                  <PendingButton className="btn" pending={update.isPending && update.variables?.id === u.id} pendingLabel="Saving…" onClick={() => update.mutate({ id: u.id, body: { disabled: !u.disabled } })}>
                    {u.disabled ? "Enable" : "Disable"}
                  </PendingButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
