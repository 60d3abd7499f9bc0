"use client";
import { PendingButton } from "@/components/ui/pending-button";
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiJson } from "@/components/budgets/api";
import { WEEKDAYS } from "@/lib/schedules/schedule-slots";
import type { ScheduleOut } from "@/lib/schedules/schedule-schema";

/**
 * A report schedule: the monthly report on day N, or a team's weekly digest; email and/or Slack/webhook. New, or
 * (with `initial`) an edit sent as PATCH with every field, the other kind's fields cleared with null; the server
 * validates it exactly like a create. A schedule with several webhooks edits the first here; the others are kept.
 */
export function ScheduleForm({ teams, emailOn, onDone, initial }: { teams: { slug: string; name: string }[]; emailOn: boolean; onDone: () => void; initial?: ScheduleOut }) {
  const qc = useQueryClient();
  const [kind, setKind] = useState<"monthly_report" | "weekly_digest">(initial?.kind ?? "monthly_report");
  const [name, setName] = useState(initial?.name ?? "Month-end AI spend report");
  const [day, setDay] = useState(initial?.dayOfMonth ?? 3);
  const [weekday, setWeekday] = useState(initial?.weekday ?? 1);
  const [attachment, setAttachment] = useState<"csv" | "focus">(initial?.attachment ?? "csv");
  const [team, setTeam] = useState(initial?.team ?? teams[0]?.slug ?? "");
  const [emails, setEmails] = useState(initial?.emails.join(", ") ?? "");
  const [webhook, setWebhook] = useState(initial?.webhooks[0]?.url ?? "");
  const [format, setFormat] = useState<"slack" | "json">(initial?.webhooks[0]?.format ?? "slack");
  const [toLeads, setToLeads] = useState(initial?.toTeamLeads ?? true);
  const create = useMutation({
    mutationFn: () => {
      const monthly = kind === "monthly_report";
      const fields = {
        name,
        kind,
        ...(monthly ? { dayOfMonth: day, attachment } : { weekday, team, toTeamLeads: toLeads }),
        emails: emails.split(/[,\s]+/).filter(Boolean),
        webhooks: [...(webhook.trim() ? [{ url: webhook.trim(), format }] : []), ...(initial?.webhooks.slice(1) ?? [])],
      };
      if (!initial) return apiJson("/api/v1/report-schedules", { method: "POST", body: fields });
      const cleared = monthly ? { weekday: null, team: null, toTeamLeads: null } : { dayOfMonth: null, attachment: null };
      return apiJson(`/api/v1/report-schedules/${initial.id}`, { method: "PATCH", body: { ...cleared, ...fields } });
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ["report-schedules"] });
      onDone();
    },
  });
  return (
    <form className="card bg-form" onSubmit={(e) => { e.preventDefault(); create.mutate(); }} aria-label={initial ? `Edit schedule ${initial.name}` : "New report schedule"}>
      <h2>{initial ? `Edit ${initial.name}` : "New schedule"}</h2>
      <div className="form-grid">
        <label className="field">Report
          <select value={kind} onChange={(e) => { const k = e.target.value as typeof kind; setKind(k); if (!initial) setName(k === "monthly_report" ? "Month-end AI spend report" : "Weekly team digest"); }}>
            <option value="monthly_report">Monthly report</option>
            <option value="weekly_digest">Weekly team digest</option>
          </select>
        </label>
        <label className="field">Name<input value={name} onChange={(e) => setName(e.target.value)} /></label>
        {kind === "monthly_report" ? (
          <>
            <label className="field">Send on day (UTC)
              <select value={day} onChange={(e) => setDay(Number(e.target.value))}>
                {Array.from({ length: 28 }, (_, i) => i + 1).map((d) => <option key={d} value={d}>{d}</option>)}
              </select>
            </label>
            <label className="field">Attach beside the PDF
              <select value={attachment} onChange={(e) => setAttachment(e.target.value as typeof attachment)}>
                <option value="csv">CSV (usage rows)</option>
                <option value="focus">FOCUS CSV</option>
              </select>
            </label>
          </>
        ) : (
          <>
            <label className="field">Team
              <select value={team} onChange={(e) => setTeam(e.target.value)}>{teams.map((t) => <option key={t.slug} value={t.slug}>{t.name}</option>)}</select>
            </label>
            <label className="field">Send every (UTC)
              <select value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>{WEEKDAYS.map((w, i) => <option key={w} value={i + 1}>{w}</option>)}</select>
            </label>
          </>
        )}
        <label className="field">Email recipients{!emailOn && " (email is off)"}<input value={emails} onChange={(e) => setEmails(e.target.value)} placeholder="finops@example.com, cfo@example.com" /></label>
        <label className="field">Slack or webhook URL<input value={webhook} onChange={(e) => setWebhook(e.target.value)} placeholder="https://hooks.slack.com/services/…" /></label>
        <label className="field">Webhook format
          <select value={format} onChange={(e) => setFormat(e.target.value as typeof format)}><option value="slack">Slack</option><option value="json">JSON</option></select>
        </label>
      </div>
      {kind === "weekly_digest" && (
        <div className="bg-checks"><label><input type="checkbox" checked={toLeads} onChange={(e) => setToLeads(e.target.checked)} /> Also email the team&apos;s leads</label></div>
      )}
      {create.error && <p className="error-box" style={{ marginTop: 10 }}>{create.error.message}</p>}
      <div className="bg-form-actions">
        <PendingButton className="btn primary" type="submit" pending={create.isPending} pendingLabel="Saving…">{initial ? "Save changes" : "Create schedule"}</PendingButton>
        <button className="btn" type="button" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
