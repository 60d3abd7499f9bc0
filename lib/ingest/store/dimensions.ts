import type pg from "pg";

/**
 * Resolves the small dimension tables (models, teams, workloads) to ids. Loaded once per process and shared by
 * its ingestion sessions while the tables do not change (ingest-catalog.ts); new names are created on first sight:
 * an event naming an unknown team or workload is attributed to it, never dropped.
 */
export interface ModelInfo {
  readonly id: number;
  /** As stored when read; an ingestion session never changes it (the object is shared, see ingest-catalog.ts). */
  readonly unpriced: boolean;
}

export interface ModelDefaults {
  unpriced: boolean;
  tier: string | null;
}

export class Dimensions {
  /** provider -> name -> model: two lookups, no key string built per event. */
  private models = new Map<string, Map<string, ModelInfo>>();
  private teams = new Map<string, number>();
  private workloads = new Map<string, { id: number; teamId: number | null }>();

  constructor(private readonly db: pg.Pool) {}

  async load(): Promise<this> {
    const [models, teams, workloads] = await Promise.all([
      this.db.query<{ id: number; provider: string; name: string; unpriced: boolean }>("SELECT id, provider, name, unpriced FROM models"),
      this.db.query<{ id: number; slug: string }>("SELECT id, slug FROM teams"),
      this.db.query<{ id: number; slug: string; team_id: number | null }>("SELECT id, slug, team_id FROM workloads"),
    ]);
    for (const m of models.rows) this.remember(m.provider, m.name, { id: m.id, unpriced: m.unpriced });
    for (const t of teams.rows) this.teams.set(t.slug, t.id);
    for (const w of workloads.rows) this.workloads.set(w.slug, { id: w.id, teamId: w.team_id });
    return this;
  }

  cachedModel(provider: string, name: string): ModelInfo | undefined {
    return this.models.get(provider)?.get(name);
  }

  private remember(provider: string, name: string, info: ModelInfo): void {
    let byName = this.models.get(provider);
    if (!byName) this.models.set(provider, (byName = new Map()));
    byName.set(name, info);
  }

  async model(provider: string, name: string, defaults: () => ModelDefaults): Promise<ModelInfo> {
    const cached = this.cachedModel(provider, name);
    if (cached) return cached;
    const d = defaults();
    const row = await this.db.query<{ id: number; unpriced: boolean }>(
      `INSERT INTO models (provider, name, tier, unpriced) VALUES ($1, $2, $3, $4)
       ON CONFLICT (provider, name) DO UPDATE SET provider = EXCLUDED.provider RETURNING id, unpriced`,
      [provider, name, d.tier, d.unpriced],
    );
    const info = { id: row.rows[0].id, unpriced: row.rows[0].unpriced };
    this.remember(provider, name, info);
    return info;
  }

  cachedTeam(slug: string): number | undefined {
    return this.teams.get(slug);
  }

  async team(slug: string): Promise<number> {
    const cached = this.teams.get(slug);
    if (cached !== undefined) return cached;
    const row = await this.db.query<{ id: number }>(
      `INSERT INTO teams (slug, name) VALUES ($1, $1) ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id`,
      [slug],
    );
    this.teams.set(slug, row.rows[0].id);
    return row.rows[0].id;
  }

  cachedWorkload(slug: string): { id: number; teamId: number | null } | undefined {
    return this.workloads.get(slug);
  }

  async workload(slug: string, teamId: number | null): Promise<{ id: number; teamId: number | null }> {
    const cached = this.workloads.get(slug);
    if (cached) return cached;
    const row = await this.db.query<{ id: number; team_id: number | null }>(
      `INSERT INTO workloads (slug, name, team_id) VALUES ($1, $1, $2) ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id, team_id`,
      [slug, teamId],
    );
    const info = { id: row.rows[0].id, teamId: row.rows[0].team_id };
    this.workloads.set(slug, info);
    return info;
  }
}
