/**
 * Charts drawn as PDF vectors from the report's numbers (no browser, no images): a daily column chart, horizontal
 * bars with values, and budget bars (actual against the amount, forecast marked). Crisp at any zoom and printable.
 */
import { COLORS, CONTENT_WIDTH, PAGE, ensureSpace, fit, type Doc } from "./pdf-layout";

/** "$12,345" / "$1.2k" style axis labels. */
export function axisUsd(v: number): string {
  if (v >= 1_000_000) return `$${trim(v / 1_000_000)}M`;
  if (v >= 10_000) return `$${trim(v / 1_000)}k`;
  if (v >= 100) return `$${Math.round(v).toLocaleString("en-US")}`;
  return `$${trim(v)}`;
}

function trim(v: number): string {
  return v >= 100 ? String(Math.round(v)) : v >= 10 ? v.toFixed(1).replace(/\.0$/, "") : v.toFixed(2).replace(/\.?0+$/, "");
}

/** An axis label in a currency: "$1.2k" for USD, "1.2k EUR" otherwise (the PDF's money format). */
export function axisIn(v: number, currency = "USD"): string {
  return currency === "USD" ? axisUsd(v) : `${axisUsd(v).replace("$", "")} ${currency}`;
}

/** A "nice" axis maximum and step: 1, 2 or 5 times a power of ten, four or five gridlines. */
export function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 0.25 };
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw)!;
  return { top: Math.ceil(max / step) * step, step };
}

/** Daily spend as columns, with a y axis in USD and a date every few days. */
export function dailyColumns(doc: Doc, points: { day: string; value: number }[], opts: { height?: number; highlight?: Set<string>; currency?: string } = {}): void {
  const height = opts.height ?? 150;
  ensureSpace(doc, height + 30);
  const left = PAGE.margin + 44;
  const width = CONTENT_WIDTH - 44;
  const top = doc.y + 6;
  const bottom = top + height;
  const { top: maxV, step } = niceScale(Math.max(0, ...points.map((p) => p.value)));

  doc.font("Helvetica").fontSize(7).fillColor(COLORS.muted);
  for (let v = 0; v <= maxV + step / 2; v += step) {
    const y = bottom - (v / maxV) * height;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.4).strokeColor(COLORS.line).stroke();
    doc.text(axisIn(v, opts.currency), PAGE.margin, y - 3.5, { width: 40, align: "right", lineBreak: false });
  }
  const slot = width / Math.max(1, points.length);
  const barW = Math.max(1.5, slot * 0.72);
  points.forEach((p, i) => {
    const h = maxV > 0 ? (p.value / maxV) * height : 0;
    const x = left + i * slot + (slot - barW) / 2;
    if (h > 0) doc.rect(x, bottom - h, barW, h).fill(opts.highlight?.has(p.day) ? COLORS.bad : COLORS.accent);
    const labelEvery = points.length > 20 ? 5 : points.length > 10 ? 2 : 1;
    if (i % labelEvery === 0) {
      doc.fillColor(COLORS.muted).fontSize(6.5).text(p.day.slice(5), left + i * slot - 8, bottom + 4, { width: slot + 16, align: "center", lineBreak: false });
    }
  });
  doc.moveTo(left, bottom).lineTo(left + width, bottom).lineWidth(0.6).strokeColor(COLORS.muted).stroke();
  doc.x = PAGE.margin;
  doc.y = bottom + 18;
}

export interface Bar {
  label: string;
  value: number;
  valueText: string;
  color?: string;
}

/** Horizontal bars, largest first as given, with the value printed at the end of each bar. */
export function horizontalBars(doc: Doc, bars: Bar[], opts: { x?: number; width?: number; labelWidth?: number; barHeight?: number } = {}): number {
  const x0 = opts.x ?? PAGE.margin;
  const width = opts.width ?? CONTENT_WIDTH;
  const labelWidth = opts.labelWidth ?? 140;
  const barH = opts.barHeight ?? 11;
  const rowH = barH + 6;
  const valueWidth = 90;
  const trackW = width - labelWidth - valueWidth;
  const max = Math.max(0, ...bars.map((b) => b.value));
  ensureSpace(doc, Math.min(bars.length, 6) * rowH + 8);
  const startY = doc.y;
  let y = startY;
  for (const b of bars) {
    if (ensureSpace(doc, rowH)) y = doc.y;
    doc.font("Helvetica").fontSize(8).fillColor(COLORS.ink);
    doc.text(fit(doc, b.label, labelWidth - 8), x0, y + (barH - 8) / 2 + 1, { width: labelWidth - 8, lineBreak: false });
    doc.rect(x0 + labelWidth, y, trackW, barH).fill("#eef0f4");
    const w = max > 0 ? Math.max(b.value > 0 ? 1 : 0, (b.value / max) * trackW) : 0;
    if (w > 0) doc.rect(x0 + labelWidth, y, w, barH).fill(b.color ?? COLORS.accent);
    doc.font("Helvetica").fontSize(8).fillColor(COLORS.ink).text(b.valueText, x0 + labelWidth + trackW + 6, y + (barH - 8) / 2 + 1, { width: valueWidth - 6, lineBreak: false });
    y += rowH;
  }
  doc.x = PAGE.margin;
  doc.y = y + 4;
  return y + 4;
}

/** Budget bars: spend against the amount (the bar's full width = the larger of amount and forecast), forecast tick. */
export function budgetBars(
  doc: Doc,
  rows: { label: string; amount: number; actual: number; forecast: number; status: string; caption: string }[],
): void {
  const labelWidth = 150;
  const captionWidth = 150;
  const trackW = CONTENT_WIDTH - labelWidth - captionWidth;
  const rowH = 24;
  for (const r of rows) {
    ensureSpace(doc, rowH);
    const y = doc.y;
    const scale = Math.max(r.amount, r.forecast, r.actual) || 1;
    const x = PAGE.margin + labelWidth;
    doc.font("Helvetica").fontSize(8).fillColor(COLORS.ink).text(fit(doc, r.label, labelWidth - 8), PAGE.margin, y + 3, { width: labelWidth - 8, lineBreak: false });
    doc.rect(x, y + 2, trackW, 10).fill("#eef0f4");
    const color = r.status === "over" ? COLORS.bad : r.status === "at_risk" ? COLORS.warn : COLORS.good;
    doc.rect(x, y + 2, (Math.min(r.actual, scale) / scale) * trackW, 10).fill(color);
    const amountX = x + (r.amount / scale) * trackW;
    doc.moveTo(amountX, y - 1).lineTo(amountX, y + 15).lineWidth(1.2).strokeColor(COLORS.ink).stroke();
    if (r.forecast > r.actual) {
      const fx = x + (Math.min(r.forecast, scale) / scale) * trackW;
      doc.moveTo(fx, y + 2).lineTo(fx, y + 12).lineWidth(1).dash(2, { space: 1.5 }).strokeColor(COLORS.muted).stroke().undash();
    }
    doc.font("Helvetica").fontSize(7.5).fillColor(COLORS.muted).text(r.caption, x + trackW + 8, y + 3, { width: captionWidth - 8, lineBreak: false });
    doc.y = y + rowH;
  }
  doc.font("Helvetica").fontSize(7).fillColor(COLORS.muted).text("Bar: spent so far. Black line: the budget amount. Dotted tick: forecast to the period's end.", PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.5);
}

/**
 * The change waterfall: base total, a floating bar per part (red raises spend, green lowers it), current total,
 * each with its signed amount above it. Same steps as the web chart (lib/change/waterfall-steps.ts).
 */
export function waterfallColumns(doc: Doc, steps: { name: string; kind: "total" | "up" | "down" | "zero"; offset: number; height: number; label: string }[], height = 130, currency = "USD"): void {
  ensureSpace(doc, height + 40);
  const left = PAGE.margin + 44;
  const width = CONTENT_WIDTH - 44;
  const top = doc.y + 14;
  const bottom = top + height;
  const { top: maxV, step } = niceScale(Math.max(0, ...steps.map((s) => s.offset + s.height)));
  doc.font("Helvetica").fontSize(7).fillColor(COLORS.muted);
  for (let v = 0; v <= maxV + step / 2; v += step) {
    const y = bottom - (v / maxV) * height;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.4).strokeColor(COLORS.line).stroke();
    doc.text(axisIn(v, currency), PAGE.margin, y - 3.5, { width: 40, align: "right", lineBreak: false });
  }
  const slot = width / steps.length;
  const barW = slot * 0.62;
  const color = { total: COLORS.accent, up: COLORS.bad, down: COLORS.good, zero: COLORS.line };
  steps.forEach((s, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    const yTop = bottom - ((s.offset + s.height) / maxV) * height;
    const h = Math.max(1, (s.height / maxV) * height);
    doc.rect(x, yTop, barW, h).fill(color[s.kind]);
    doc.font("Helvetica-Bold").fontSize(7.5).fillColor(s.kind === "total" ? COLORS.ink : s.kind === "zero" ? COLORS.muted : color[s.kind]);
    doc.text(s.label, x - 10, yTop - 10, { width: barW + 20, align: "center", lineBreak: false });
    doc.font("Helvetica").fontSize(7).fillColor(COLORS.ink).text(s.name, left + i * slot, bottom + 4, { width: slot, align: "center", lineBreak: false });
  });
  doc.moveTo(left, bottom).lineTo(left + width, bottom).lineWidth(0.6).strokeColor(COLORS.muted).stroke();
  doc.x = PAGE.margin;
  doc.y = bottom + 18;
}
