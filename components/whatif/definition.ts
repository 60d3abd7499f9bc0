import type { WhatIfRequestInput } from "@/lib/whatif/schema";

export type Definition = WhatIfRequestInput;
export type Rule = Definition["rules"][number];

/** A draft scenario travels in the URL (?def=...), so a link shares exactly what was run. base64url of the JSON. */
export function encodeDefinition(def: Definition): string {
  const bytes = new TextEncoder().encode(JSON.stringify(def));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeDefinition(text: string | null): Definition | null {
  if (!text) return null;
  try {
    const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const json = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    const def = JSON.parse(json) as Definition;
    return def && typeof def === "object" && Array.isArray(def.rules) ? def : null;
  } catch {
    return null;
  }
}

export const emptyRule = (): Rule => ({ select: {}, batchShare: 0, cachedShare: null, outputFactor: 1 });

/** Problems the form can see before asking the server (which checks everything again). */
export function draftProblems(def: Definition): string[] {
  const out: string[] = [];
  if (!def.from || !def.to) out.push("pick a window");
  else if (def.to < def.from) out.push("the window ends before it starts");
  def.rules.forEach((r, i) => {
    const n = `rule ${i + 1}`;
    const share = (v: number | null | undefined, what: string) => {
      if (v !== null && v !== undefined && !(v >= 0 && v <= 1)) out.push(`${n}: ${what} must be between 0% and 100%`);
    };
    share(r.batchShare, "batch share");
    share(r.cachedShare, "cached share");
    share(r.escalation?.rate, "escalation rate");
    share(r.escalation?.tokenShare, "escalation token share");
    const d = r.escalation?.detector;
    if (d && "recall" in d) {
      share(d.recall, "detector recall");
      share(d.falseEscalationRate, "detector false-escalation rate");
    }
    if (r.outputFactor !== undefined && !(r.outputFactor > 0 && r.outputFactor <= 10)) out.push(`${n}: output factor must be above 0 and at most 10`);
    if (r.escalation && r.escalation.mode !== "replay" && r.escalation.rate === undefined) out.push(`${n}: give an escalation rate`);
  });
  return out;
}
