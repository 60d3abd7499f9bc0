"use client";
import { ReferenceArea } from "recharts";
import { chartColors } from "@/lib/ui/chart-theme";

/** Shades the bucket still filling (today, this week, this month) in a Recharts chart, so nobody reads it as a complete one. */
export function PartialShade({ bucket, last }: { bucket: string; last?: string }) {
  return <ReferenceArea x1={bucket} x2={last ?? bucket} fill={chartColors.partial} fillOpacity={0.14} stroke="none" ifOverflow="extendDomain" label={{ value: "partial", position: "insideTop", fontSize: 10, fill: chartColors.tick }} />;
}
