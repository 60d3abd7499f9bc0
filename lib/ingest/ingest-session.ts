import type pg from "pg";
import { pool } from "@/lib/db/pool";
import { defaultTier, InvalidUsageError, normalizeProvider, type PriceResult } from "@/lib/pricing";
import { toolCallsFromTags } from "@/lib/pricing/server-tools";
import type { CompiledRule } from "@/lib/attribution/rule-sql";
import type { Dimensions, ModelInfo } from "./store/dimensions";
import { ingestCatalog, type IngestCatalog } from "./store/ingest-catalog";
import { BinaryRows } from "./store/copy-binary";
import { nulField } from "./store/unstorable-text";
import type { PricingState } from "./store/pricing-guard";
import { writeBatch } from "./store/write-batch";
import { closeBatchRecord, openBatchRecord, recordProgress } from "./store/batch-record";
import { holdRunLock, type RunLock } from "./store/run-liveness";
import type { RejectedRecord, UsageEvent } from "./usage-event";
import { addSkip, SKIP } from "./sources/outcome";
import { addWarnings, describeWarnings, type IngestWarning, type WarningCounts } from "./warnings";
import { cachedRetentionFloor } from "@/lib/db/retention";

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
  /** Size of the imported file, recorded in ingest_batches. */
  bytes?: number | null;
  /**
   * API/OTLP traffic: add this request's counts to the ingest_batches row of this key (one row per key and
   * hour, see store/batch-record.ts) instead of creating a row per request.
   */
  streamKey?: string | null;
  onProgress?: (progress: IngestSummary) => void;
}

export interface IngestSummary {
  batchId: number;
  /** New events stored. */
  accepted: number;
  /** Events already stored (same idempotency key, same content). */
  duplicates: number;
  /** Usage-export buckets stored again with new totals (replace-changed.ts); not counted in accepted. */
  replaced: number;
  rejected: number;
  /** Records that carry no usage (ordinary OTLP spans, proxy calls that never reached a model). */
  skipped: number;
  /** Why they were skipped: {"no token usage (not a model call)": 12, ...}; the counts add up to `skipped`. */
  skipReasons: Record<string, number>;
  /** Events whose token meaning a last-resort heuristic decided (lib/ingest/token-meaning.md). */
  heuristic: number;
  errors: RejectedRecord[];
  /** Records stored and priced less exactly than the source could allow, with what to change (warnings.ts). */
  warnings: IngestWarning[];
}

const MAX_IN_FLIGHT = 2;
const REPLACEABLE_SOURCES = new Set<string>(["openai", "anthropic"]);

/**
 * One ingestion run: events are priced, attributed and encoded as COPY BINARY rows (store/copy-binary.ts), then
 * written in atomic batches (store/write-batch.ts) with up to two batches in flight, so parsing overlaps
 * database work (a third batch in flight did not measurably help on 2 cores).
 */
export class IngestSession {
  private rows = new BinaryRows();
  /** The prices the oldest row of the current batch was computed with (pricing-guard.ts). */
  private batchPricing: PricingState;
  private batchReplaces = false;
  private inFlight = new Set<Promise<void>>();
  private failure: unknown = null;
  /**
   * Models flagged priced that got an event without a price (e.g. before the catalogue's first price); flagged in
   * the database at finish. The cached ModelInfo is shared with other sessions (ingest-catalog.ts): never changed here.
   */
  private newlyUnpriced = new Set<number>();
  private readonly summary: IngestSummary;
  private readonly warningCounts: WarningCounts = {};
  /** File imports: held while running, so a dead process's run shows as failed (store/run-liveness.ts). */
  private runLock: RunLock | null = null;

  private constructor(
    private readonly db: pg.Pool,
    private readonly ctx: IngestContext,
    private readonly dims: Dimensions,
    private pricing: PricingState,
    private readonly rules: CompiledRule[],
    batchId: number,
    /** Unix ms of the raw-data retention floor (lib/db/retention.ts): earlier events are skipped. */
    private readonly floorMs: number,
  ) {
    this.batchPricing = pricing;
    this.summary = { batchId, accepted: 0, duplicates: 0, replaced: 0, rejected: 0, skipped: 0, skipReasons: {}, heuristic: 0, errors: [], warnings: [] };
  }

  /** `catalog`: one the caller read already (ingest-catalog.ts), e.g. OTLP for the promoted keys. */
  static async open(ctx: IngestContext, db: pg.Pool = pool(), catalog?: IngestCatalog): Promise<IngestSession> {
    const [{ dims, pricing, rules }, batchId, floorMs] = await Promise.all([
      catalog ?? ingestCatalog(db),
      openBatchRecord(db, ctx),
      cachedRetentionFloor(db),
    ]);
    const session = new IngestSession(db, ctx, dims, pricing, rules, batchId, floorMs);
    if (!ctx.streamKey) session.runLock = await holdRunLock(db, batchId);
    return session;
  }

  get batchId(): number {
    return this.summary.batchId;
  }

  reject(error: RejectedRecord): void {
    this.summary.rejected++;
    if (this.summary.errors.length < (this.ctx.maxErrors ?? 1000)) this.summary.errors.push(error);
  }

  skip(count = 1, reason: string = SKIP.noUsage): void {
    addSkip(this.summary, reason, count);
  }

  /** Records every skip of a parsed batch with its reason. */
  skipAll(reasons: Record<string, number>): void {
    for (const [reason, count] of Object.entries(reasons)) addSkip(this.summary, reason, count);
  }

  /** Counts records a parser stored with a caveat (warnings.ts); the summary explains them once per kind. */
  warn(counts: WarningCounts | undefined): void {
    addWarnings(this.warningCounts, counts);
    this.summary.warnings = describeWarnings(this.warningCounts);
  }

  /**
   * Prices, attributes and queues one event. Returns a promise only when it has to wait (a name seen for the first
   * time is created in the database, or a full batch waits for a write slot): the ingestion hot path then does no
   * await per event. `await session.add(...)` works either way.
   */
  add(event: UsageEvent, index: number): Promise<void> | void {
    if (this.failure) throw this.failure;
    // Its month's raw events are gone, so a re-sent copy could not be recognised: not stored (lib/db/retention.ts).
    if (event.occurredAt.getTime() < this.floorMs) {
      this.skip(1, SKIP.pastRetention);
      return;
    }
    const nul = nulField(event);
    if (nul !== null) {
      this.reject({ index, field: nul, message: "contains a NUL character (\\u0000), which cannot be stored" });
      return;
    }
    const provider = normalizeProvider(event.provider, event.model);
    if (event.guessedTokenMeaning) this.summary.heuristic++;
    let price: PriceResult;
    try {
      // The fields the pricer reads, not a copy of the whole event: this runs for every ingested record.
      const tools = toolCallsFromTags(event.tags);
      price = this.pricing.pricer.price({
        provider,
        model: event.model,
        occurredAt: event.occurredAt,
        inputTokens: event.inputTokens,
        cachedInputTokens: event.cachedInputTokens,
        cacheWriteTokens: event.cacheWriteTokens,
        cacheWrite1hTokens: event.cacheWrite1hTokens,
        outputTokens: event.outputTokens,
        reasoningTokens: event.reasoningTokens,
        requests: event.requests,
        // Picks the long-context tier of a usage bucket of many calls (lib/pricing/per-call-tier.ts).
        contextWindow: event.tags["anthropic.context_window"] ?? null,
        // Server-side tool calls the source reported (web/file search), priced per call (lib/pricing/server-tools.ts).
        webSearches: tools.webSearches,
        fileSearches: tools.fileSearches,
        batch: event.batch,
        serviceTier: event.serviceTier,
      });
    } catch (error) {
      if (!(error instanceof InvalidUsageError)) throw error;
      this.reject({ index, field: error.field, message: error.message });
      return;
    }
    if (price.assumedBaseTier) this.warn({ tier_assumed: 1 });
    // A team-bound key is checked BEFORE anything is created: a rejected row must leave no team, workload or model behind.
    const keyTeam = this.ctx.apiKeyTeamId ?? null;
    if (keyTeam !== null) {
      const refusal = this.foreignToKey(event, keyTeam);
      if (refusal) {
        this.reject({ index, ...refusal });
        return;
      }
    }
    // Names already known (nearly every event): resolved without waiting.
    const model = this.dims.cachedModel(provider, event.model);
    const team = event.team ? this.dims.cachedTeam(event.team) : null;
    const workload = event.workload ? this.dims.cachedWorkload(event.workload) : null;
    if (model === undefined || team === undefined || workload === undefined) return this.addWithNewNames(event, provider, price, keyTeam);
    let teamId = team ?? keyTeam;
    if (workload) teamId ??= workload.teamId;
    return this.queue(event, model, teamId, workload ? workload.id : null, price);
  }

  /** add() for an event naming a model, team or workload not stored yet: creates them first (dimensions.ts). */
  private async addWithNewNames(event: UsageEvent, provider: string, price: PriceResult, keyTeam: number | null): Promise<void> {
    const model =
      this.dims.cachedModel(provider, event.model) ??
      (await this.dims.model(provider, event.model, () => ({ unpriced: price.costNanos === null, tier: defaultTier(provider, event.model) })));
    let teamId: number | null = null;
    if (event.team) teamId = this.dims.cachedTeam(event.team) ?? (await this.dims.team(event.team));
    teamId ??= keyTeam;
    let workloadId: number | null = null;
    if (event.workload) {
      const workload = this.dims.cachedWorkload(event.workload) ?? (await this.dims.workload(event.workload, teamId));
      workloadId = workload.id;
      teamId ??= workload.teamId;
    }
    await this.queue(event, model, teamId, workloadId, price);
  }

  private queue(event: UsageEvent, model: ModelInfo, teamId: number | null, workloadId: number | null, price: PriceResult): Promise<void> | void {
    if (price.costNanos === null && !model.unpriced) this.newlyUnpriced.add(model.id);
    if (this.rows.count === 0) this.batchPricing = this.pricing;
    if (REPLACEABLE_SOURCES.has(event.source)) this.batchReplaces = true;
    this.rows.add(event, { modelId: model.id, teamId, workloadId, apiKeyId: this.ctx.apiKeyId ?? null, price, batchId: this.summary.batchId });
    if (this.ctx.batchSize && this.rows.count >= this.ctx.batchSize) return this.flush();
  }

  /**
   * Why a team-bound key may not store this event, or null. Its own team exists (the key references it), so a team
   * name not already known is another team by definition; a workload owned by another team is refused too (its
   * spend would show up in that team's numbers). A workload with no owner team may be used.
   */
  private foreignToKey(event: UsageEvent, keyTeam: number): { field: string; message: string } | null {
    if (event.team && this.dims.cachedTeam(event.team) !== keyTeam) {
      return { field: "team", message: `this API key may only send events for its own team, not "${event.team}"` };
    }
    const workload = event.workload ? this.dims.cachedWorkload(event.workload) : undefined;
    if (workload && workload.teamId !== null && workload.teamId !== keyTeam) {
      return { field: "workload", message: `workload "${event.workload}" belongs to another team; this API key may only send events for its own team` };
    }
    return null;
  }

  private async flush(): Promise<void> {
    if (this.rows.count === 0) return;
    const rows = this.rows;
    const options = {
      pricedWith: this.batchPricing,
      replaceChanged: this.batchReplaces,
      // A team-bound key may only replace usage-export rows it stored itself, never another team's.
      replaceOnlyKeyId: this.ctx.apiKeyTeamId != null ? (this.ctx.apiKeyId ?? null) : null,
    };
    this.rows = new BinaryRows();
    this.batchReplaces = false;
    while (this.inFlight.size >= MAX_IN_FLIGHT) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    const write = (async () => {
      const client = await this.db.connect();
      try {
        const result = await writeBatch(client, rows, this.rules, options);
        // A changed price override was picked up inside the batch: price what comes next with it too.
        if (result.pricing && result.pricing !== options.pricedWith) this.pricing = result.pricing;
        this.summary.accepted += result.inserted - result.replaced;
        this.summary.replaced += result.replaced;
        this.summary.duplicates += rows.count - result.inserted - (result.expired ?? 0);
        if (result.expired) this.skip(result.expired, SKIP.pastRetention);
        if (!this.ctx.streamKey && this.ctx.batchSize) await recordProgress(this.db, this.summary).catch(() => {});
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
    if (!this.failure) await this.flush().catch((error) => void (this.failure ??= error));
    await Promise.all(this.inFlight);
    if (!this.failure && this.newlyUnpriced.size > 0) {
      await this.db.query("UPDATE models SET unpriced = true WHERE id = ANY($1::int[])", [[...this.newlyUnpriced]]);
    }
    try {
      await closeBatchRecord(this.db, this.ctx, this.summary, this.failure === null);
    } finally {
      await this.runLock?.release();
    }
    if (this.failure) throw this.failure;
    return this.summary;
  }

  /**
   * Stops without writing the rows not yet sent (the input failed: body too large, upload broken off). Batches
   * already committed stay; the run is recorded with what it stored and no finish time ("interrupted").
   */
  async abandon(): Promise<IngestSummary> {
    this.rows = new BinaryRows();
    await Promise.allSettled(this.inFlight);
    await closeBatchRecord(this.db, this.ctx, this.summary, false).catch(() => {});
    await this.runLock?.release();
    return this.summary;
  }
}
