"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { apiJson } from "./api";
import { PendingButton } from "@/components/ui/pending-button";

export default function AccountSection() {
  const [form, setForm] = useState({ currentPassword: "", newPassword: "" });
  const change = useMutation({
    mutationFn: () => apiJson("/api/v1/account/password", { method: "POST", body: form }),
    onSuccess: () => setForm({ currentPassword: "", newPassword: "" }),
  });
  return (
    <form className="card" style={{ maxWidth: 560 }} onSubmit={(e) => { e.preventDefault(); change.mutate(); }}>
      <h2>Change your password</h2>
      <div className="form-grid">
        <label className="field">Current password<input type="password" required autoComplete="current-password" value={form.currentPassword} onChange={(e) => setForm({ ...form, currentPassword: e.target.value })} /></label>
        <label className="field">New password (8+ characters)<input type="password" required minLength={8} autoComplete="new-password" value={form.newPassword} onChange={(e) => setForm({ ...form, newPassword: e.target.value })} /></label>
        <PendingButton type="submit" className="btn primary" pending={change.isPending} pendingLabel="Changing…">Change password</PendingButton>
      </div>
      {change.error && <p className="error-box">{change.error.message}</p>}
      {/* A password change ends every session of the account, this one included (lib/auth/session-version.ts). */}
      {change.isSuccess && (
        <p className="notice">
          Password changed. Every session of this account has ended: <a href="/signin?callbackUrl=%2Fsettings">sign in again</a> with the new password.
        </p>
      )}
    </form>
  );
}
