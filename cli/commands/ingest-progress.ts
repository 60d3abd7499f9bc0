import cliProgress from "cli-progress";
import { formatBytes } from "@/lib/ingest/http/request-body";

/**
 * Progress of one file import on stderr (stdout stays clean for --json): bytes read of the file's size, and
 * the events stored so far. A bar on a terminal; a line every 5 seconds otherwise (CI logs, pipes).
 */
export function fileProgress(label: string, size: number) {
  const started = Date.now();
  const rate = (events: number) => Math.round(events / Math.max(0.001, (Date.now() - started) / 1000)).toLocaleString("en-US");
  if (!process.stderr.isTTY) {
    let last = 0;
    return {
      update(bytes: number, events: number) {
        if (Date.now() - last < 5000) return;
        last = Date.now();
        process.stderr.write(`${label}: ${formatBytes(bytes)} of ${formatBytes(size)}, ${events.toLocaleString("en-US")} events (${rate(events)}/s)\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {read} of {size} | {events} events, {rate}/s`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(size, 1), 0, { read: formatBytes(0), size: formatBytes(size), events: 0, rate: 0 });
  return {
    update(bytes: number, events: number) {
      bar.update(Math.min(bytes, size), { read: formatBytes(bytes), events: events.toLocaleString("en-US"), rate: rate(events) });
    },
    stop() {
      bar.stop();
    },
  };
}
