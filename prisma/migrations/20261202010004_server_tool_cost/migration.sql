-- Server-side tool charges (web search, file search; lib/pricing/server-tools.ts): the part of cost_nanos that is
-- per-call tool fees, not tokens, kept apart so reports show it as its own non-token line and reconciliation
-- compares it with the bill's non-token lines. NULL on an event = no priced tool calls.
ALTER TABLE "usage_events" ADD COLUMN "tool_cost_nanos" BIGINT;
ALTER TABLE "usage_daily" ADD COLUMN "tool_cost_nanos" BIGINT NOT NULL DEFAULT 0;
