-- Budgets in the reporting currency (issue 12.3): the amount (amount_usd, named before currencies) is in this
-- currency; status, forecast and alerts compare spend converted at each day's rate with it.
ALTER TABLE "budgets" ADD COLUMN "currency" TEXT NOT NULL DEFAULT 'USD';
