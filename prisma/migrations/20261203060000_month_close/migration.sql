-- Closed months and month snapshots (issue 16.3): a report says what changed in a month since it was exported,
-- first viewed as complete, or closed; late data for a closed month is kept and listed as adjustments.
CREATE TABLE "month_snapshots" (
    "id" SERIAL NOT NULL,
    "month" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "taken_by" TEXT NOT NULL,
    "totals" JSONB NOT NULL,

    CONSTRAINT "month_snapshots_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "month_snapshots_month_taken_at_idx" ON "month_snapshots"("month", "taken_at");

CREATE TABLE "closed_months" (
    "month" TEXT NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_by" TEXT NOT NULL,
    "snapshot_id" INTEGER NOT NULL,

    CONSTRAINT "closed_months_pkey" PRIMARY KEY ("month")
);
