import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "@/lib/config/project-root";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { usdToNanos } from "@/lib/money";
import { loadWhatIfPricing } from "@/lib/whatif/server/pricing";
import { listRecommendations } from "./list-recommendations";
import { diffRecommendations, noteText, type RecommendationSnapshot } from "./recommendation-diff";

const SYSTEM = { teamIds: null };
/** A typical call for "x% cheaper": 1,000 input and 200 output tokens. */
const REFERENCE_CALL = { inputTokens: 1000, outputTokens: 200 };

export interface RecommendationNoteOut {
  id: number;
  cause: "override" | "catalogue";
  message: string;
  createdAt: string;
}

/** Recommendations are computed on demand from current prices; this is what they were, per workload, at a moment. */
export async function recommendationSnapshot(): Promise<RecommendationSnapshot> {
  const r = await listRecommendations(SYSTEM, {});
  return Object.fromEntries(r.recommendations.map((x) => [x.workload, { candidate: `${x.candidate.provider}/${x.candidate.model}`, savingNanos: usdToNanos(x.monthlySavingUsd).toString() }]));
}

async function referencePrice(provider: string, model: string, now: Date): Promise<bigint | null> {
  const pricing = await loadWhatIfPricing();
  return pricing.price({ provider, model, occurredAt: now, ...REFERENCE_CALL, cachedInputTokens: 0, cacheWriteTokens: 0, batch: false, serviceTier: null }).costNanos;
}

/**
 * Runs a price-override change and notes what it did to recommendations ("gpt-5-mini is now 40% cheaper: 3
 * workloads could save $1,240.00/month more"): recommendations before and after (they are recomputed from the new
 * prices on every request; the note says how they moved), and the model's price for a typical call.
 */
export async function withRecommendationNote<T>(subject: { provider: string; model: string }, change: () => Promise<T>, now = new Date()): Promise<T> {
  // The note must never block a price change: if recommendations cannot be computed, the change still goes through.
  const state = await Promise.all([recommendationSnapshot(), referencePrice(subject.provider, subject.model, now)]).catch(() => null);
  const result = await change();
  if (state === null) return result;
  try {
    const [before, priceBefore] = state;
    const [after, priceAfter] = await Promise.all([recommendationSnapshot(), referencePrice(subject.provider, subject.model, now)]);
    const ratio = priceBefore === null || priceBefore === 0n || priceAfter === null ? null : Number((priceAfter * 1_000_000n) / priceBefore) / 1_000_000;
    const detail = { subject, priceBefore: priceBefore?.toString() ?? null, priceAfter: priceAfter?.toString() ?? null, before, after };
    await storeNote("override", noteText(subject.model, ratio, diffRecommendations(before, after)), detail);
  } catch (error) {
    console.error(`Recommendation note after a price change failed: ${(error as Error).message}`);
  }
  return result;
}

/**
 * A new release of the bundled price catalogue (@pydantic/genai-prices): compares today's recommendations with the
 * snapshot taken under the previous release and notes the difference. The first run only records the snapshot.
 * Cheap when nothing changed (one version read); run by the alert scheduler.
 */
export async function checkCatalogueRelease(): Promise<RecommendationNoteOut | null> {
  const version = catalogueVersion();
  const last = await prisma().auditLog.findFirst({ where: { action: "price_catalogue_seen" }, orderBy: { id: "desc" } });
  const seen = last?.details as { version?: string; snapshot?: RecommendationSnapshot } | null;
  if (seen?.version === version) return null;
  const snapshot = await recommendationSnapshot();
  await prisma().auditLog.create({ data: { actor: "rightsize", action: "price_catalogue_seen", target: version, details: { version, snapshot } } });
  if (!seen?.snapshot) return null;
  const diff = diffRecommendations(seen.snapshot, snapshot);
  const text = noteText(`The price catalogue (genai-prices ${seen.version} → ${version})`, null, diff).replace(" now has a price", " was updated");
  return storeNote("catalogue", text, { from: seen.version, to: version, before: seen.snapshot, after: snapshot });
}

export async function listRecommendationNotes(limit = 5): Promise<RecommendationNoteOut[]> {
  const rows = await pool().query(`SELECT id, cause, message, created_at FROM recommendation_notes ORDER BY created_at DESC, id DESC LIMIT $1`, [limit]);
  return rows.rows.map((r) => ({ id: r.id, cause: r.cause, message: r.message, createdAt: (r.created_at as Date).toISOString() }));
}

async function storeNote(cause: "override" | "catalogue", message: string, detail: object): Promise<RecommendationNoteOut> {
  const row = await pool().query(`INSERT INTO recommendation_notes (cause, message, detail) VALUES ($1, $2, $3) RETURNING id, created_at`, [cause, message, JSON.stringify(detail)]);
  return { id: row.rows[0].id, cause, message, createdAt: (row.rows[0].created_at as Date).toISOString() };
}

export function catalogueVersion(): string {
  const file = path.join(projectRoot(), "node_modules", "@pydantic", "genai-prices", "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}
