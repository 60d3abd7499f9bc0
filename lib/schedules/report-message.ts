/**
 * What a scheduled report says, built once when a delivery is created (so every retry sends the same words) and
 * rendered per channel: an email (text + HTML, with the report files attached when sent) or a webhook body
 * (Slack-compatible, or plain JSON).
 */
export interface ReportMessage {
  type: "report.monthly" | "report.weekly_digest";
  subject: string;
  heading: string;
  lines: string[];
  facts: [string, string][];
  link: string | null;
  /** Rendered when the email is sent: the monthly report as PDF plus CSV or FOCUS. */
  attachments: { month: string; format: "pdf" | "csv" | "focus" }[];
}

export function emailText(m: ReportMessage): string {
  const facts = m.facts.map(([k, v]) => `${k}: ${v}`);
  const files = m.attachments.length ? [`Attached: ${m.attachments.map((a) => a.format.toUpperCase()).join(", ")}.`] : [];
  return [m.heading, "", ...m.lines, "", ...facts, "", ...files, ...(m.link ? [`Open in Rightsize: ${m.link}`] : []), "", "-- Rightsize (scheduled report)"].join("\n");
}

export function emailHtml(m: ReportMessage): string {
  const rows = m.facts.map(([k, v]) => `<tr><td style="padding:4px 16px 4px 0;color:#5b6575">${esc(k)}</td><td style="padding:4px 0;font-weight:600">${esc(v)}</td></tr>`).join("");
  return [
    `<div style="font-family:Helvetica,Arial,sans-serif;color:#18202b;max-width:640px">`,
    `<h2 style="margin:0 0 12px">${esc(m.heading)}</h2>`,
    ...m.lines.map((l) => `<p style="margin:0 0 8px">${esc(l)}</p>`),
    rows ? `<table style="border-collapse:collapse;margin:8px 0 12px">${rows}</table>` : "",
    m.link ? `<p><a href="${esc(m.link)}">Open in Rightsize</a></p>` : "",
    `<p style="color:#8a94a6;font-size:12px">Rightsize scheduled report</p></div>`,
  ].join("");
}

export function webhookBody(format: "slack" | "json", m: ReportMessage): Record<string, unknown> {
  if (format === "json") return { type: m.type, subject: m.subject, heading: m.heading, lines: m.lines, facts: Object.fromEntries(m.facts), link: m.link };
  const blocks: Record<string, unknown>[] = [
    { type: "header", text: { type: "plain_text", text: m.heading.slice(0, 150), emoji: true } },
    ...m.lines.slice(0, 10).map((l) => ({ type: "section", text: { type: "mrkdwn", text: slack(l) } })),
  ];
  if (m.facts.length) blocks.push({ type: "section", fields: m.facts.slice(0, 10).map(([k, v]) => ({ type: "mrkdwn", text: `*${slack(k)}*\n${slack(v)}` })) });
  if (m.link) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `<${m.link}|Open in Rightsize>` }] });
  return { text: slack(m.subject), blocks };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const slack = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A link into the app when its public URL is known (NEXTAUTH_URL). */
export function appLink(path: string): string | null {
  const base = process.env.NEXTAUTH_URL?.trim();
  return base ? `${base.replace(/\/+$/, "")}${path}` : null;
}
