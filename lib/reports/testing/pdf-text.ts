import { inflateSync } from "node:zlib";

/**
 * The text a PDF shows, for tests: inflates the content streams and joins the strings of their TJ/Tj operators
 * (pdfkit writes standard-font text as hex strings). Enough to prove a report's text is really there and
 * extractable, without a PDF library.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString("latin1");
  const out: string[] = [];
  for (const m of source.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1], "latin1")).toString("latin1");
    } catch {
      continue;
    }
    for (const op of content.matchAll(/\[(.*?)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hex = op[1] ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join("") : op[2];
      out.push(Buffer.from(hex, "hex").toString("latin1"));
    }
  }
  return out.join("\n");
}
