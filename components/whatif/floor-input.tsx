"use client";
import { useEffect, useState } from "react";

/** The quality floor, edited in percent and saved as a 0-1 fraction; out of range is flagged and not sent. */
export function FloorInput({ value, disabled, onSave }: { value: number; disabled: boolean; onSave: (v: number) => void }) {
  const [text, setText] = useState(String(Math.round(value * 1000) / 10));
  useEffect(() => setText(String(Math.round(value * 1000) / 10)), [value]);
  const n = Number(text);
  const bad = !(text !== "" && n >= 0 && n <= 100);
  return (
    <label className="field">
      Minimum pass rate (%)
      <span className="wi-inline">
        <input type="number" min={0} max={100} step="0.1" value={text} disabled={disabled} onChange={(e) => setText(e.target.value)} aria-label="quality floor percent" aria-invalid={bad || undefined} className={bad ? "wi-invalid" : undefined} />
        {!disabled && (
          <button type="button" className="btn small" disabled={bad || n / 100 === value} onClick={() => onSave(Math.round(n * 10) / 1000)}>
            Save
          </button>
        )}
      </span>
      {bad && <span className="wi-field-error">between 0 and 100%</span>}
    </label>
  );
}
