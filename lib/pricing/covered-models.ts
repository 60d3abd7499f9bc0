import type pg from "pg";
import { resolveModel } from "./catalogue";
import { normalizeProvider } from "./providers";

/**
 * The stored models a price override applies to, matched the way the pricer matches (overrides.ts): same
 * provider id, and the model name equal to the override's (case-insensitive) or resolving to the catalogue model
 * the override names ("gpt-4o" also covers "gpt-4o-2024-08-06").
 */
export async function modelsCoveredBy(db: Pick<pg.ClientBase, "query">, overrides: { provider: string; model: string }[]): Promise<number[]> {
  const ids = new Set<number>();
  for (const o of overrides) {
    const provider = normalizeProvider(o.provider, o.model);
    const key = o.model.trim().toLowerCase();
    const models = await db.query<{ id: number; name: string }>("SELECT id, name FROM models WHERE provider = $1", [provider]);
    for (const m of models.rows) {
      if (m.name.trim().toLowerCase() === key || resolveModel(provider, m.name)?.modelKey === key) ids.add(m.id);
    }
  }
  return [...ids].sort((a, b) => a - b);
}
