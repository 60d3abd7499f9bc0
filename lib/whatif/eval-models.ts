/**
 * Which eval results stand for a real model: the link's mapping first ("openai/gpt-5-mini" -> the results of
 * "mistralai/Mixtral-8x7B-Instruct-v0.1"), else results of the same model name (replay.ts sameModel: exact, or
 * equal after a "provider/" prefix). Every evidence text names the stand-in, so an engineer can check which
 * results a verdict rests on.
 */
import { passRate } from "./replay";
import type { LinkedEvalSet, ModelRef } from "./types";

export function refKey(ref: ModelRef): string {
  return `${ref.provider}/${ref.model}`;
}

/** The eval model whose results stand for `ref` in this set. */
export function evalModelFor(set: Pick<LinkedEvalSet, "standIns">, ref: ModelRef): string {
  return set.standIns?.get(refKey(ref)) ?? ref.model;
}

/** "gpt-5-mini", or "gpt-5-mini (as Mixtral-8x7B-Instruct-v0.1)" when a mapped eval model stands for it. */
export function evalLabel(set: Pick<LinkedEvalSet, "standIns">, ref: ModelRef): string {
  const mapped = set.standIns?.get(refKey(ref));
  return mapped === undefined || mapped === ref.model ? ref.model : `${ref.model} (as ${mapped})`;
}

/** Pass rate of `ref` on the set through the mapping, or null when no results stand for it. */
export function passRateOf(set: LinkedEvalSet, ref: ModelRef): { rate: number; tasks: number } | null {
  return passRate(set.results, evalModelFor(set, ref));
}
