-- Reporting currency: dated exchange rates (units of a currency per 1 USD; a charge converts at the last rate on or
-- before its UTC day) and organisation settings (reporting_currency). Amounts stay USD nano-dollars in storage.
CREATE TABLE "exchange_rates" (
    "day" DATE NOT NULL,
    "currency" TEXT NOT NULL,
    "units_per_usd" DECIMAL(30,12) NOT NULL,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exchange_rates_pkey" PRIMARY KEY ("currency","day")
);

CREATE TABLE "app_settings" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_settings_pkey" PRIMARY KEY ("key")
);
