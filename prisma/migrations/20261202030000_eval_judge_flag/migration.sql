-- The eval file's judge column: whether the escalation detector (a judge model, a validator) flagged this answer.
-- Escalation replay measures the detector's recall and false-escalation rate from it (lib/whatif/replay.ts).
ALTER TABLE "eval_results" ADD COLUMN "judge_flagged" BOOLEAN;
