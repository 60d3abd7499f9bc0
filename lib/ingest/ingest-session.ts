import type pg from "pg";
import { pool } from "@/lib/db/pool";
import { createPricer, defaultTier, InvalidUsageError, normalizeProvider, type PriceResult, type Pricer } from "@/lib/pricing";
import { loadPriceOverrides } from "@/lib/pricing/overrides-store";
import { loadCompiledRules } from "@/lib/attribution/load-rules";
import type { CompiledRule } from "@/lib/attribution/rule-sql";
import { Dimensions } from "./store/dimensions";
import { formatEventRow } from "./store/format-event";
import { writeBatch } from "./store/write-batch";
import type { RejectedRecord, UsageEvent } from "./usage-event";

export interface IngestContext {
  /** Where the data came from, shown in the Ingestion page: api, otlp, file, openai, anthropic, litellm, demo. */
  source: string;
  format: string;
  filename?: string | null;
  actor: string;
  apiKeyId?: number | null;
  /** A team-bound ingest key attributes every event to its team and refuses events naming another team. */
  apiKeyTeamId?: number | null;
  /** Rows per transaction. Each batch lands whole or not at all. Default: everything in one transaction. */
  batchSize?: number;
  /** Keep rejected records (up to this many) for the answer / Ingestion page. */
  maxErrors?: number;
  onProgress?: (progress: IngestSummary) => void;
}

export interface IngestSummary {
  batchId: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: RejectedRecord[];
}

const MAX_IN_FLIGHT = 2;

/**
 * One ingestion run: events are priced, attributed and formatted as COPY rows, then written in atomic batches
 * (lib/ingest/store/write-batch.ts) with up to two batches in flight, so parsing overlaps database work.
 */
export class IngestSession {
  private rows: string[] = [];
  private staged = 0;
  private inFlight = new Set<Promise<void>>();
  private failure: unknown = null;
  private readonly summary: IngestSummary;

  private constructor(
    private readonly db: pg.Pool,
    private readonly ctx: IngestContext,
    private readonly dims: Dimensions,
    private readonly pricer: Pricer,
    private readonly rules: CompiledRule[],
    batchId: number,
  ) {
    this.summary = { batchId, accepted: 0, duplicates: 0, rejected: 0, errors: [] };
  }

  static async open(ctx: IngestContext, db: pg.Pool = pool()): Promise<IngestSession> {
    const [dims, overrides, rules, batch] = await Promise.all([
      new Dimensions(db).load(),
      loadPriceOverrides(db),
      loadCompiledRules(db),
      db.query<{ id: number }>(
        `INSERT INTO ingest_batches (source, format, filename, actor) VALUES ($1, $2, $3, $4) RETURNING id`,
        [ctx.source, ctx.format, ctx.filename ?? null, ctx.actor],
      ),
    ]);
    return new IngestSession(db, ctx, dims, createPricer(overrides), rules, batch.rows[0].id);
  }

  reject(error: RejectedRecord): void {
    this.summary.rejected++;
    if (this.summary.errors.length < (this.ctx.maxErrors ?? 1000)) this.summary.errors.push(error);
  }

  async add(event: UsageEvent, index: number): Promise<void> {
    if (this.failure) throw this.failure;
    const provider = normalizeProvider(event.provider, event.model);
    let price: PriceResult;
    try {
      price = this.pricer.price({ ...event, provider });
    } catch (error) {
      if (!(error instanceof InvalidUsageError)) throw error;
      this.reject({ index, field: error.field, message: error.message });
      return;
    }
    const model =
      this.dims.cachedModel(provider, event.model) ??
      (await this.dims.model(provider, event.model, () => ({ unpriced: price.costNanos === null, tier: defaultTier(provider, event.model) })));

    let teamId: number | null = null;
    if (event.team) teamId = this.dims.cachedTeam(event.team) ?? (await this.dims.team(event.team));
    const keyTeam = this.ctx.apiKeyTeamId ?? null;
    if (keyTeam !== null && teamId !== null && teamId !== keyTeam) {
      this.reject({ index, field: "team", message: `this API key may only send events for its own team, not "${event.team}"` });
      return;
    }
    teamId ??= keyTeam;
    let workloadId: number | null = null;
    if (event.workload) {
      const workload = this.dims.cachedWorkload(event.workload) ?? (await this.dims.workload(event.workload, teamId));
      workloadId = workload.id;
      teamId ??= workload.teamId;
    }
    this.rows.push(formatEventRow(event, { modelId: model.id, teamId, workloadId, apiKeyId: this.ctx.apiKeyId ?? null, price, batchId: this.summary.batchId }));
    if (this.ctx.batchSize && this.rows.length >= this.ctx.batchSize) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    while (this.inFlight.size >= MAX_IN_FLIGHT) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    const write = (async () => {
      const client = await this.db.connect();
      try {
        const { inserted } = await writeBatch(client, rows, this.rules);
        this.summary.accepted += inserted;
        this.summary.duplicates += rows.length - inserted;
        this.staged += rows.length;
        this.ctx.onProgress?.(this.summary);
      } catch (error) {
        this.failure ??= error;
      } finally {
        client.release();
      }
    })();
    this.inFlight.add(write);
    void write.finally(() => this.inFlight.delete(write));
  }

  /** Writes what is left, records the run in ingest_batches and returns the totals. */
  async finish(): Promise<IngestSummary> {
    await this.flush();
    await Promise.all(this.inFlight);
    const s = this.summary;
    await this.db.query(
      `UPDATE ingest_batches SET finished_at = now(), accepted = $2, duplicates = $3, rejected = $4, errors = $5 WHERE id = $1`,
      [s.batchId, s.accepted, s.duplicates, s.rejected, JSON.stringify(s.errors.slice(0, 200))],
    );
    if (this.failure) throw this.failure;
    return s;
  }
}
