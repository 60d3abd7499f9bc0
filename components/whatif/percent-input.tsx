"use client";
import { useEffect, useState } from "react";

/**
 * A share edited in percent (0-100) and reported as a 0-1 fraction. What the user types is kept as typed, so
 * "12." or an out-of-range value can be seen and corrected; out of range is flagged here and refused by the API.
 */
export function PercentInput({
  label,
  value,
  onChange,
  allowEmpty = false,
}: {
  label: string;
  value: number | null;
  onChange: (fraction: number | null) => void;
  allowEmpty?: boolean;
}) {
  const shown = value === null ? "" : String(Math.round(value * 1e6) / 1e4);
  const [text, setText] = useState(shown);
  useEffect(() => {
    if (Number(text) / 100 !== value && !(text === "" && value === null)) setText(shown);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const n = Number(text);
  const bad = text !== "" && (!Number.isFinite(n) || n < 0 || n > 100);
  return (
    <label className="field">
      {label}
      <input
        type="number" step="any" inputMode="decimal" value={text} placeholder={allowEmpty ? "unchanged" : "0"}
        aria-invalid={bad || undefined}
        className={bad ? "wi-invalid" : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value === "") onChange(allowEmpty ? null : 0);
          else if (Number.isFinite(Number(e.target.value))) onChange(Number(e.target.value) / 100);
        }}
      />
      {bad && <span className="wi-field-error">between 0 and 100%</span>}
    </label>
  );
}
