export * from "./forecast-budget";
export * from "./period";
export * from "./run-rate";
export { divRound, mad, median, quantile } from "./bigint-stats";
export * from "./utc-days";
