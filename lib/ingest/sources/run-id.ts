import type { RunRef } from "../usage-event";

/** Longest run/session/trace id kept; longer ones are cut (they are opaque keys, a prefix still groups). */
export const MAX_RUN_ID = 256;

/**
 * The one rule for which id groups a call into a run, whatever the source: an explicit run id wins (the caller
 * said "these calls are one agent run"), else a session/conversation id (a chat session), else the trace id (one
 * traced request). Blank values count as absent. Field names per source: lib/runs/README.md.
 */
export function pickRun(run: unknown, session: unknown, trace: unknown): RunRef | null {
  const r = clean(run);
  if (r) return { id: r, kind: 1 };
  const s = clean(session);
  if (s) return { id: s, kind: 2 };
  const t = clean(trace);
  if (t) return { id: t, kind: 3 };
  return null;
}

function clean(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  return text === "" ? null : text.slice(0, MAX_RUN_ID);
}
