/**
 * Layout primitives for the PDF report on top of pdfkit: an A4 page with a cursor, section headings, KPI tiles and
 * tables that continue on the next page with their header repeated. Standard PDF fonts (Helvetica) only: nothing to
 * embed, and text stays extractable.
 */
export const PAGE = { width: 595.28, height: 841.89, margin: 44 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Room kept free at the bottom of every page for the footer. */
const BOTTOM = PAGE.height - PAGE.margin - 18;

export const COLORS = {
  ink: "#18202b",
  muted: "#5b6575",
  line: "#e3e6eb",
  zebra: "#f6f7f9",
  accent: "#2f5bea",
  accentSoft: "#e8eefd",
  good: "#1a7f4b",
  warn: "#b26a00",
  bad: "#c0392b",
  frontier: "#c0392b",
  mid: "#d08a1c",
  small: "#1a7f4b",
  unknown: "#8a94a6",
};

export type Doc = PDFKit.PDFDocument;

/** Starts a new page when fewer than `height` points are left; returns whether it did. */
export function ensureSpace(doc: Doc, height: number): boolean {
  if (doc.y + height <= BOTTOM) return false;
  doc.addPage();
  doc.y = PAGE.margin;
  return true;
}

/**
 * A section title (and note) with a rule under it. `keepWith`: the height of what follows, kept on the same page
 * when it fits in half a page, so a heading is never left alone at the bottom of a page.
 */
export function sectionHeading(doc: Doc, title: string, note?: string, keepWith = 40): void {
  ensureSpace(doc, 44 + Math.min(keepWith, (PAGE.height - 2 * PAGE.margin) * 0.5));
  doc.moveDown(0.6);
  const y = doc.y;
  doc.font("Helvetica-Bold").fontSize(12.5).fillColor(COLORS.ink).text(title, PAGE.margin, y, { width: CONTENT_WIDTH });
  if (note) doc.font("Helvetica").fontSize(8.5).fillColor(COLORS.muted).text(note, PAGE.margin, doc.y + 1, { width: CONTENT_WIDTH });
  doc.moveTo(PAGE.margin, doc.y + 4).lineTo(PAGE.margin + CONTENT_WIDTH, doc.y + 4).lineWidth(0.6).strokeColor(COLORS.line).stroke();
  doc.y += 10;
}

export interface Kpi {
  label: string;
  value: string;
  sub?: string;
  tone?: "good" | "bad" | "warn";
}

/** A row of KPI tiles across the page. */
export function kpiRow(doc: Doc, kpis: Kpi[]): void {
  const gap = 8;
  const w = (CONTENT_WIDTH - gap * (kpis.length - 1)) / kpis.length;
  const h = 54;
  ensureSpace(doc, h + 8);
  const y = doc.y;
  kpis.forEach((k, i) => {
    const x = PAGE.margin + i * (w + gap);
    doc.roundedRect(x, y, w, h, 5).lineWidth(0.6).fillAndStroke("#ffffff", COLORS.line);
    doc.font("Helvetica").fontSize(7).fillColor(COLORS.muted).text(k.label.toUpperCase(), x + 9, y + 8, { width: w - 18, characterSpacing: 0.3 });
    doc.font("Helvetica-Bold").fontSize(14).fillColor(COLORS.ink).text(k.value, x + 9, y + 20, { width: w - 18, lineBreak: false });
    if (k.sub) {
      const color = k.tone ? COLORS[k.tone] : COLORS.muted;
      doc.font("Helvetica").fontSize(7.5).fillColor(color).text(k.sub, x + 9, y + 39, { width: w - 18, lineBreak: false, ellipsis: true });
    }
  });
  doc.x = PAGE.margin;
  doc.y = y + h + 8;
}

export interface Column {
  header: string;
  width: number;
  align?: "left" | "right";
}

/** A table; long tables continue on the next page with the header repeated. Cells are cut to fit with "...". */
/** Height a table of `rows` rows takes (header included). */
export function tableHeight(rows: number, rowHeight = 15): number {
  return rowHeight * (rows + 1) + 4;
}

export function table(doc: Doc, columns: Column[], rows: string[][], opts: { fontSize?: number; rowHeight?: number } = {}): void {
  const fontSize = opts.fontSize ?? 8.5;
  const rowHeight = opts.rowHeight ?? 15;
  const drawHeader = () => {
    const y = doc.y;
    let x = PAGE.margin;
    doc.font("Helvetica-Bold").fontSize(7.5).fillColor(COLORS.muted);
    for (const c of columns) {
      doc.text(c.header, x + 4, y + 3, { width: c.width - 8, align: c.align ?? "left", lineBreak: false });
      x += c.width;
    }
    doc.moveTo(PAGE.margin, y + rowHeight - 1).lineTo(PAGE.margin + totalWidth, y + rowHeight - 1).lineWidth(0.6).strokeColor(COLORS.line).stroke();
    doc.y = y + rowHeight;
  };
  const totalWidth = columns.reduce((s, c) => s + c.width, 0);
  // A table that fits on a page starts on a fresh one rather than splitting; longer ones need room for 3 rows.
  const whole = rowHeight * (rows.length + 1) + 4;
  ensureSpace(doc, whole < (PAGE.height - 2 * PAGE.margin) * 0.5 ? whole : rowHeight * 3);
  drawHeader();
  rows.forEach((row, i) => {
    if (ensureSpace(doc, rowHeight)) drawHeader();
    const y = doc.y;
    if (i % 2 === 1) doc.rect(PAGE.margin, y, totalWidth, rowHeight).fill(COLORS.zebra);
    let x = PAGE.margin;
    doc.font("Helvetica").fontSize(fontSize).fillColor(COLORS.ink);
    columns.forEach((c, j) => {
      const text = fit(doc, row[j] ?? "", c.width - 8);
      doc.text(text, x + 4, y + (rowHeight - fontSize) / 2, { width: c.width - 8, align: c.align ?? "left", lineBreak: false });
      x += c.width;
    });
    doc.y = y + rowHeight;
  });
  doc.x = PAGE.margin;
  doc.y += 4;
}

/** The text cut with "..." to fit `width` at the current font. */
export function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}...`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}...`;
}

export function paragraph(doc: Doc, text: string, opts: { color?: string; size?: number; bold?: boolean } = {}): void {
  ensureSpace(doc, 30);
  doc.font(opts.bold ? "Helvetica-Bold" : "Helvetica").fontSize(opts.size ?? 9).fillColor(opts.color ?? COLORS.ink).text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH, lineGap: 2 });
  doc.moveDown(0.4);
}
