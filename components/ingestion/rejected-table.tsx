"use client";
import type { Rejected } from "./queries";
import styles from "./ingestion.module.css";

/** Rejected records as a scrolling table: where (line or index), which field, and why. */
export function RejectedTable({ errors, whereLabel, testId }: { errors: readonly Rejected[]; whereLabel: "Line" | "Index"; testId?: string }) {
  return (
    <div className={styles.scroll} data-testid={testId}>
      <table className="data">
        <thead>
          <tr>
            <th className="num">{whereLabel}</th>
            <th>Field</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i}>
              <td className="num mono">{e.index}</td>
              <td className="mono">{e.field}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
