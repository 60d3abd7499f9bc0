/** A decimal string as an integer at `scale` decimals ("1.25", 4 -> 12500n); throws on more digits than that. */
export function decimalAtScale(text: string, scale: number): bigint {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`not a decimal: "${text}"`);
  const frac = m[3] ?? "";
  if (frac.length > scale) throw new Error(`${text} has more than ${scale} decimals`);
  const v = BigInt(m[2] + frac.padEnd(scale, "0"));
  return m[1] ? -v : v;
}

/** a x b of two decimal strings, exactly, as an integer at scale sa + sb. */
export function productAtScale(a: string, b: string, sa: number, sb: number): bigint {
  return decimalAtScale(a, sa) * decimalAtScale(b, sb);
}
