/** What-if scenarios, rightsizing recommendations and presets. See README.md for the arithmetic. */
export * from "./types";
export * from "./schema";
export { runWhatIf, type WhatIfInput, type WhatIfOutcome, type WhatIfError, type WhatIfErrorCode } from "./engine";
export type { WhatIfResult, WorkloadLine, CostLine } from "./result";
export type { QualityVerdict } from "./quality";
export { toWhatIfResponse, type WhatIfResponse } from "./response";
export { replayEscalation, pairOutcomes, passRate, type TaskOutcome, type ReplaySummary } from "./replay";
export { priceGroup, type PriceTarget } from "./price-group";
export { priceFnOf } from "./pricing-adapter";
export { monthlyFromWindow, annualFromMonthly } from "./projection";
export * from "./recommend";
export { repriceByWorkload, type WorkloadCosts } from "./reprice";
export * from "./presets";
