-- The provider's own "not model tokens" flag of a bill line (Anthropic cost_type other than "tokens", e.g. web_search,
-- code_execution; OpenAI line items that name no model), kept instead of guessed again from the model name when
-- reconciling. Lines imported before this migration get the old guess; importing the bill again refreshes them.
ALTER TABLE "bill_lines" ADD COLUMN "non_token" BOOLEAN NOT NULL DEFAULT false;
UPDATE "bill_lines" SET "non_token" = true WHERE "model" IS NULL AND "token_type" IS NULL AND "line_item" IS NOT NULL;
