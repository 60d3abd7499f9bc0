export * from "./types";
export * from "./spend-spikes";
export * from "./model-switch";
export * from "./detect";
