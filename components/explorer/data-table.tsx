"use client";
import "./explorer.css";
import { useMemo, type ReactNode } from "react";
import { useExplorerParams } from "./use-explorer-params";
import { downloadCsv, toCsv, type CsvValue } from "./csv";

/**
 * The explorer's table: click a header to sort, pages of `pageSize`, "Download CSV" of all rows (every page, in
 * the current order). Sort and page live in the URL under the table's id, so a shared link opens the same view.
 * Columns are plain data, so a page can append its own (see workloads/workload-columns.tsx).
 */
export interface Column<Row> {
  id: string;
  header: string;
  /** Shown on hover of the header: what the number means. */
  title?: string;
  render: (row: Row) => ReactNode;
  /** Sort key; numbers sort numerically. Omit to make the column unsortable. */
  sort?: (row: Row) => number | string | null;
  /** Value written to the CSV; omit to leave the column out of it. */
  csv?: (row: Row) => CsvValue;
  /** CSV header when it should differ from `header` (e.g. to name the unit). */
  csvHeader?: string;
  numeric?: boolean;
  /** In the CSV only (e.g. the slug beside the name). */
  csvOnly?: boolean;
}

interface Props<Row> {
  id: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  defaultSort: { column: string; desc: boolean };
  pageSize?: number;
  csvName: string;
  empty?: ReactNode;
  title?: ReactNode;
  rowClass?: (row: Row) => string | undefined;
}

export function DataTable<Row>({ id, columns: allColumns, rows, rowKey, defaultSort, pageSize = 25, csvName, empty, title, rowClass }: Props<Row>) {
  const { get, set } = useExplorerParams();
  const columns = allColumns.filter((c) => !c.csvOnly);
  const [sortColumn, sortDir] = (get(`${id}.sort`) ?? `${defaultSort.column}:${defaultSort.desc ? "desc" : "asc"}`).split(":");
  const column = columns.find((c) => c.id === sortColumn && c.sort) ?? columns.find((c) => c.id === defaultSort.column);
  const desc = sortDir !== "asc";
  const sorted = useMemo(() => {
    if (!column?.sort) return rows;
    const key = column.sort;
    return [...rows].sort((a, b) => compare(key(a), key(b)) * (desc ? -1 : 1));
  }, [rows, column, desc]);
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const page = Math.min(pages, Math.max(1, Number(get(`${id}.page`) ?? 1) || 1));
  const visible = sorted.slice((page - 1) * pageSize, page * pageSize);

  const sortBy = (c: Column<Row>) => {
    if (!c.sort) return;
    const nextDesc = c.id === column?.id ? !desc : true;
    set({ [`${id}.sort`]: `${c.id}:${nextDesc ? "desc" : "asc"}`, [`${id}.page`]: null });
  };
  const download = () => {
    const csvColumns = allColumns.filter((c) => c.csv);
    downloadCsv(csvName, toCsv(csvColumns.map((c) => c.csvHeader ?? c.header), sorted.map((r) => csvColumns.map((c) => c.csv!(r)))));
  };

  return (
    <div className="card table-card" data-testid={`table-${id}`}>
      <div className="table-head">
        <div className="table-title">{title}</div>
        <button type="button" className="btn small" onClick={download} disabled={rows.length === 0}>
          Download CSV
        </button>
      </div>
      {rows.length === 0 ? (
        <div className="muted table-empty">{empty ?? "No rows for these filters."}</div>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr>
                {columns.map((c) => {
                  const active = c.id === column?.id;
                  return (
                    <th
                      key={c.id}
                      className={[c.numeric ? "num" : "", c.sort ? "sortable" : ""].join(" ")}
                      title={c.title}
                      aria-sort={active ? (desc ? "descending" : "ascending") : undefined}
                    >
                      {c.sort ? (
                        <button type="button" className="th-button" onClick={() => sortBy(c)}>
                          {c.header}
                          <span className="sort-mark" aria-hidden>
                            {active ? (desc ? "▼" : "▲") : ""}
                          </span>
                        </button>
                      ) : (
                        c.header
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {visible.map((r) => (
                <tr key={rowKey(r)} className={rowClass?.(r)}>
                  {columns.map((c) => (
                    <td key={c.id} className={c.numeric ? "num" : undefined}>
                      {c.render(r)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <div className="pager" aria-label="Pages">
          <span className="muted">
            {(page - 1) * pageSize + 1}–{Math.min(page * pageSize, sorted.length)} of {sorted.length}
          </span>
          <button type="button" className="btn small" disabled={page <= 1} onClick={() => set({ [`${id}.page`]: page - 1 === 1 ? null : page - 1 })}>
            Previous
          </button>
          <button type="button" className="btn small" disabled={page >= pages} onClick={() => set({ [`${id}.page`]: page + 1 })}>
            Next
          </button>
        </div>
      )}
    </div>
  );
}

function compare(a: number | string | null, b: number | string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

/** A number with a thin bar showing its share of the column's largest value. */
export function BarCell({ children, fraction, tone }: { children: ReactNode; fraction: number | null; tone?: string }) {
  return (
    <div className="bar-cell">
      <span>{children}</span>
      <span className="bar-track" aria-hidden>
        <span className="bar-fill" style={{ width: `${Math.max(0, Math.min(1, fraction ?? 0)) * 100}%`, background: tone }} />
      </span>
    </div>
  );
}
