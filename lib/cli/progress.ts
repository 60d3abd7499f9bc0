import cliProgress from "cli-progress";

/** A terminal progress bar on stderr (stdout stays clean for JSON output); periodic lines when not a TTY. */
export function progressBar(label: string, total: number, unit = "events") {
  if (!process.stderr.isTTY) {
    let lastLog = 0;
    return {
      update(value: number) {
        const now = Date.now();
        if (now - lastLog > 5000) {
          lastLog = now;
          process.stderr.write(`${label}: ${value.toLocaleString("en-US")}/${total.toLocaleString("en-US")} ${unit}\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total, 0, { rate: 0 });
  return {
    update(value: number) {
      bar.update(value, { rate: Math.round(value / Math.max(0.001, (Date.now() - started) / 1000)).toLocaleString("en-US") });
    },
    stop() {
      bar.stop();
    },
  };
}
