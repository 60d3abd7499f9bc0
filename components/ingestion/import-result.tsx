"use client";
import type { ImportAnswer } from "./queries";
import { download, errorsCsv, n } from "./format";
import { RejectedTable } from "./rejected-table";
import { ImportWarnings } from "./import-warnings";
import styles from "./ingestion.module.css";

/** What an import did: the counts, then every rejected line with its field and reason (downloadable as CSV). */
export function ImportResult({ result, filename }: { result: ImportAnswer; filename: string }) {
  const counts: [string, number, string][] = [
    ["accepted", result.accepted, result.accepted > 0 ? styles.countGood : ""],
    ["duplicates", result.duplicates, ""],
    ["replaced", result.replaced, ""],
    ["rejected", result.rejected, result.rejected > 0 ? styles.countBad : ""],
    ["skipped (no usage)", result.skipped, ""],
  ];
  const reasons = Object.entries(result.skipReasons ?? {});
  return (
    <div data-testid="import-result" style={{ marginTop: 16 }}>
      <h3>
        Imported {filename} as {result.description}
      </h3>
      <div className={styles.counts}>
        {counts.map(([label, value, tone]) => (
          <div key={label} className={`${styles.count} ${tone}`} data-testid={`count-${label.split(" ")[0]}`}>
            <div className={styles.value}>{n(value)}</div>
            <div className={styles.label}>{label}</div>
          </div>
        ))}
      </div>
      {reasons.length > 0 && (
        <p className="muted" data-testid="skip-reasons">
          Skipped {n(result.skipped)}: {reasons.map(([reason, count]) => `${n(count)} ${reason}`).join("; ")}.
        </p>
      )}
      {result.heuristic > 0 && (
        <p className="notice" data-testid="heuristic-count">
          {n(result.heuristic)} event{result.heuristic === 1 ? "" : "s"} priced through a last-resort heuristic: the source did not say whether its input
          count includes cached tokens (or contradicted itself), so Rightsize decided from the numbers. Their cost may be off by the cache discount.
        </p>
      )}
      <ImportWarnings warnings={result.warnings ?? []} />
      {result.duplicates > 0 && result.accepted === 0 && result.rejected === 0 && (
        <p className="notice">Everything in this file was already stored: importing a file again adds nothing.</p>
      )}
      {result.rejected > 0 && (
        <>
          <div className="toolbar" style={{ justifyContent: "space-between", alignItems: "center", marginBottom: 8 }}>
            <span>
              <b>{n(result.rejected)} rejected</b>
              {result.errors.length < result.rejected && <span className="muted"> (the first {n(result.errors.length)} are listed)</span>}. The good
              records of the file were kept.
            </span>
            <button className="btn" onClick={() => download(`${filename}.rejected.csv`, errorsCsv(result.errors))}>
              Download rejected lines (CSV)
            </button>
          </div>
          <RejectedTable errors={result.errors} whereLabel="Line" testId="rejected-list" />
        </>
      )}
    </div>
  );
}
