"use client";
import { Pending } from "@/components/ui/pending";
import { PendingButton } from "@/components/ui/pending-button";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiJson } from "@/components/budgets/api";
import type { DeliveryOut, ScheduleOut } from "@/lib/schedules/schedule-schema";
import { schedulesQuery } from "./api";
import { ScheduleForm } from "./schedule-form";

/**
 * Report schedules: reports that arrive without anyone logging in. Each schedule shows where it goes, when it next
 * runs, a "Send now" button and its delivery history (retries with backoff; Retry for a failed one).
 */
export function SchedulesView({ teams }: { teams: { slug: string; name: string }[] }) {
  const schedules = useQuery(schedulesQuery());
  const [adding, setAdding] = useState(false);
  if (schedules.isPending) return <Pending className="card bg-empty">Loading schedules…</Pending>;
  if (schedules.error) return <div className="error-box">{schedules.error.message}</div>;
  const { email, schedules: list } = schedules.data;
  return (
    <div data-testid="schedules">
      {!email.configured && <p className="notice" data-testid="smtp-off">{email.help} Slack and webhook channels work without it.</p>}
      <div className="toolbar" style={{ justifyContent: "space-between", margin: "4px 0 14px" }}>
        <p className="muted" style={{ margin: 0 }}>Monthly reports go out on day N about the month before; weekly digests tell a team&apos;s leads about their last 7 days. Times are UTC.</p>
        {!adding && <button className="btn primary" type="button" onClick={() => setAdding(true)}>New schedule</button>}
      </div>
      {adding && <ScheduleForm teams={teams} emailOn={email.configured} onDone={() => setAdding(false)} />}
      {list.length === 0 && !adding && <div className="card empty"><p>No schedules yet. Create one to have the monthly report or a team digest delivered.</p></div>}
      {list.map((s) => <ScheduleCard key={s.id} s={s} smtpHelp={email.help} teams={teams} emailOn={email.configured} />)}
    </div>
  );
}

function ScheduleCard({ s, smtpHelp, teams, emailOn }: { s: ScheduleOut; smtpHelp: string | null; teams: { slug: string; name: string }[]; emailOn: boolean }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: ["report-schedules"] });
  const send = useMutation({ mutationFn: () => apiJson(`/api/v1/report-schedules/${s.id}/send`, { method: "POST" }), onSettled: refresh });
  const toggle = useMutation({ mutationFn: () => apiJson(`/api/v1/report-schedules/${s.id}`, { method: "PATCH", body: { enabled: !s.enabled } }), onSettled: refresh });
  const remove = useMutation({ mutationFn: () => apiJson(`/api/v1/report-schedules/${s.id}`, { method: "DELETE" }), onSettled: refresh });
  const channels = [
    ...(s.emails.length ? [`Email: ${s.emails.join(", ")}`] : []),
    ...(s.toTeamLeads ? [`Email: leads of ${s.team}`] : []),
    ...s.webhooks.map((w) => `${w.format === "slack" ? "Slack" : "Webhook"}: ${hostOf(w.url)}`),
  ];
  if (editing) return <ScheduleForm teams={teams} emailOn={emailOn} initial={s} onDone={() => setEditing(false)} />;
  return (
    <section className="card table-card rp-section" aria-label={`Schedule ${s.name}`}>
      <div style={{ padding: "0 16px", display: "flex", justifyContent: "space-between", gap: 12, flexWrap: "wrap" }}>
        <div>
          <h2>{s.name} {!s.enabled && <span className="badge">paused</span>}</h2>
          <p className="rp-hint">
            {s.kind === "monthly_report" ? `Monthly report PDF + ${s.attachment === "focus" ? "FOCUS CSV" : "CSV"}` : `Weekly digest for ${s.team}`} · {s.when} · next: {s.nextRun}
          </p>
          <p className="rp-hint">{channels.join(" · ")}</p>
        </div>
        <div style={{ display: "flex", gap: 6, alignItems: "flex-start" }}>
          <PendingButton className="btn primary" type="button" pending={send.isPending} pendingLabel="Sending…" onClick={() => send.mutate()}>Send now</PendingButton>
          <button className="btn" type="button" onClick={() => setEditing(true)}>Edit</button>
          <PendingButton className="btn" type="button" pending={toggle.isPending} pendingLabel="Saving…" onClick={() => toggle.mutate()}>{s.enabled ? "Pause" : "Resume"}</PendingButton>
          <PendingButton className="btn" type="button" pending={remove.isPending} pendingLabel="Deleting…" onClick={() => { if (confirm(`Delete "${s.name}" and its delivery history?`)) remove.mutate(); }}>Delete</PendingButton>
        </div>
      </div>
      {send.error && <p className="error-box" style={{ margin: "0 16px 10px" }}>{send.error.message}</p>}
      <History deliveries={s.lastDeliveries} onChange={refresh} smtpHelp={smtpHelp} />
    </section>
  );
}

function History({ deliveries, onChange, smtpHelp }: { deliveries: DeliveryOut[]; onChange: () => void; smtpHelp: string | null }) {
  // The "email is off" instructions are in the notice above: a short pointer here keeps the table readable.
  const error = (e: string | null) => (e !== null && e === smtpHelp ? "Email is off (SMTP_URL not set, see above)" : e);
  const retry = useMutation({ mutationFn: (id: number) => apiJson(`/api/v1/report-deliveries/${id}/retry`, { method: "POST" }), onSettled: onChange });
  if (deliveries.length === 0) return <p className="rp-hint" style={{ padding: "0 16px 8px" }}>Nothing sent yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data">
        <thead>
          <tr><th>Created (UTC)</th><th>Period</th><th>How</th><th>To</th><th>Status</th><th className="num">Attempts</th><th>Last error / next try</th><th /></tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td>{d.createdAt.slice(0, 16).replace("T", " ")}</td>
              <td>{d.periodKey}</td>
              <td>{d.channel}{d.trigger === "manual" ? " · sent now" : ""}</td>
              <td className="wrap" style={{ maxWidth: 240 }}>{d.target}</td>
              <td><span className={`badge ${d.status === "delivered" ? "ok" : d.status === "failed" ? "bad" : "risk"}`}>{d.status === "pending" && d.attempts > 0 ? "retrying" : d.status}</span></td>
              <td className="num">{d.attempts}</td>
              <td className="wrap" style={{ maxWidth: 360 }}>{error(d.lastError) ?? (d.deliveredAt ? `delivered ${d.deliveredAt.slice(0, 16).replace("T", " ")}` : "")}{d.status === "pending" && d.nextAttemptAt ? ` · next try ${d.nextAttemptAt.slice(11, 19)}` : ""}</td>
              <td>{d.status !== "delivered" && <PendingButton className="btn" type="button" disabled={retry.isPending} pending={retry.isPending && retry.variables === d.id} pendingLabel="Retrying…" onClick={() => retry.mutate(d.id)}>Retry</PendingButton>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
