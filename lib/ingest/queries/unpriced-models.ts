import "server-only";
import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import type { UnpricedModelSchema } from "../api-schemas";

type UnpricedModel = z.infer<typeof UnpricedModelSchema>;

/**
 * Models with stored calls that have no price (no catalogue entry, no override), with how much usage waits for
 * one: read from usage_shape_daily, which keeps priced and unpriced calls apart (events with requests = 0, such
 * as Anthropic usage buckets, are counted too). The caller's team scope applies, like every analytics query.
 */
export async function listUnpricedModels(principal: Pick<Principal, "teamIds">): Promise<UnpricedModel[]> {
  const rows = await prisma().$queryRaw<
    { model_id: number; provider: string; name: string; events: bigint; requests: bigint; input_tokens: bigint; output_tokens: bigint; first_day: string; last_day: string }[]
  >(Prisma.sql`
    SELECT m.id AS model_id, m.provider, m.name, sum(s.events)::bigint AS events, sum(s.requests)::bigint AS requests,
      sum(s.input_tokens)::bigint AS input_tokens, sum(s.output_tokens)::bigint AS output_tokens,
      min(s.day)::text AS first_day, max(s.day)::text AS last_day
    FROM usage_shape_daily s JOIN models m ON m.id = s.model_id
    WHERE NOT s.priced AND s.events > 0 AND ${teamScope(principal, Prisma.raw("s.team_id"))}
    GROUP BY m.id, m.provider, m.name
    ORDER BY sum(s.events) DESC, m.provider, m.name`);
  return rows.map((r) => ({
    modelId: r.model_id,
    provider: r.provider,
    model: r.name,
    events: Number(r.events),
    requests: Number(r.requests),
    inputTokens: Number(r.input_tokens),
    outputTokens: Number(r.output_tokens),
    firstDay: r.first_day,
    lastDay: r.last_day,
  }));
}
