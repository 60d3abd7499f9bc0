import "server-only";
import type { Readable } from "node:stream";
import type { Principal } from "@/lib/auth/principal";
import { parseNativeEvent } from "../sources/native";
import { UnreadableRecord } from "../formats/unreadable";
import { IngestSession, type IngestSummary } from "../ingest-session";
import { streamKey } from "../store/batch-record";
import { nativeRecords } from "./native-records";

/** What POST /api/v1/events answers (the public contract: these four fields, exactly). */
export interface EventsAnswer {
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: { index: number; field: string; message: string }[];
}

/** Errors listed in one answer; `rejected` still counts them all. */
export const MAX_ANSWER_ERRORS = 1000;

/** Who sends: the ingestion session's attribution (key id, key team) and the ingest_batches actor. */
export function callerContext(principal: Principal) {
  const key = principal.kind === "api_key";
  return {
    actor: key ? principal.label : `user:${principal.label}`,
    apiKeyId: key ? principal.id : null,
    // A team-bound key attributes its events to its team (and refuses others); users send for any team.
    apiKeyTeamId: key && principal.teamIds?.length === 1 ? principal.teamIds[0] : null,
  };
}

/**
 * POST /api/v1/events: every good event of the request is stored in ONE transaction (all or none if the
 * process dies), bad ones are reported by index, field and message. Nothing is written before the whole body
 * was read and parsed, so a body that turns out too large (413) or breaks off stores nothing.
 */
export async function ingestEventsBody(body: Readable, contentType: string | null, principal: Principal, now = new Date()): Promise<EventsAnswer> {
  const session = await IngestSession.open({
    source: "api",
    format: "native",
    ...callerContext(principal),
    maxErrors: MAX_ANSWER_ERRORS,
    streamKey: streamKey("api", principal, now),
  });
  try {
    for await (const { index, value } of nativeRecords(body, contentType)) {
      if (value instanceof UnreadableRecord) {
        session.reject({ index, field: "event", message: value.message });
        continue;
      }
      const outcome = parseNativeEvent(value, index, now, "api");
      if (!outcome.ok) session.reject(outcome.error);
      else {
        const waiting = session.add(outcome.event, index); // a promise only when it must wait
        if (waiting) await waiting;
      }
    }
  } catch (error) {
    await session.abandon();
    throw error;
  }
  const summary: IngestSummary = await session.finish();
  return { accepted: summary.accepted, duplicates: summary.duplicates, rejected: summary.rejected, errors: summary.errors };
}
