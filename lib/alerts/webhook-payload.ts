/**
 * Webhook bodies. "slack": Slack-compatible ({text} for notifications and clients without blocks, plus Block Kit
 * blocks); "json": a plain JSON event for any receiver. Built once when the alert is raised and stored with the
 * delivery, so every retry sends exactly the same message. Pure.
 */
export type AlertKind = "threshold" | "forecast" | "anomaly" | "rollout";

export interface AlertEvent {
  alertId: number;
  kind: AlertKind;
  title: string;
  message: string;
  periodKey: string;
  threshold: number | null;
  createdAt: string;
  budget: { id: number; label: string; period: string; amountUsd: string; currency?: string; amount?: string; scope: { type: string; team: string | null; workload: string | null } } | null;
  /** Figures worth a glance (label -> formatted value), in display order. */
  facts: [string, string][];
  /** Link back to the app (the Budgets page), when the app's URL is known. */
  link: string | null;
}

const EVENT_NAMES: Record<AlertKind, string> = {
  threshold: "budget.threshold_crossed",
  forecast: "budget.forecast_over",
  anomaly: "spend.anomaly",
  rollout: "rollout.under_delivery",
};

const ICONS: Record<AlertKind, string> = { threshold: ":warning:", forecast: ":chart_with_upwards_trend:", anomaly: ":rotating_light:", rollout: ":chart_with_downwards_trend:" };

export function webhookPayload(format: "slack" | "json", event: AlertEvent): Record<string, unknown> {
  return format === "slack" ? slackPayload(event) : jsonPayload(event);
}

function jsonPayload(e: AlertEvent): Record<string, unknown> {
  return {
    event: EVENT_NAMES[e.kind],
    alertId: e.alertId,
    kind: e.kind,
    title: e.title,
    message: e.message,
    periodKey: e.periodKey,
    threshold: e.threshold,
    createdAt: e.createdAt,
    budget: e.budget,
    facts: Object.fromEntries(e.facts),
    link: e.link,
  };
}

function slackPayload(e: AlertEvent): Record<string, unknown> {
  const blocks: Record<string, unknown>[] = [
    { type: "header", text: { type: "plain_text", text: truncate(e.title, 150), emoji: true } },
    { type: "section", text: { type: "mrkdwn", text: escapeSlack(e.message) } },
  ];
  if (e.facts.length > 0) {
    blocks.push({ type: "section", fields: e.facts.slice(0, 10).map(([k, v]) => ({ type: "mrkdwn", text: `*${escapeSlack(k)}*\n${escapeSlack(v)}` })) });
  }
  const context = [`Rightsize alert #${e.alertId}`, e.periodKey];
  if (e.link) context.push(`<${e.link}|Open in Rightsize>`);
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: context.join(" · ") }] });
  // The message names the scope already; the title is the header block.
  return { text: `${ICONS[e.kind]} ${escapeSlack(e.message)}`, blocks };
}

/** Slack treats &, < and > as markup. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
