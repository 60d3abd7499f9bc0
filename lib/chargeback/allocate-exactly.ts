/**
 * Splits `total` nano-dollars over keys in proportion to integer weights so that the parts sum EXACTLY to the
 * total (largest-remainder / Hamilton method, all in bigint):
 *   1. each key gets floor(total × weight / sum of weights);
 *   2. the r nano-dollars left over (r < number of keys with a weight) go one each to the keys with the largest
 *      remainders (total × weight mod sum of weights); ties go to the key that sorts first (A→Z).
 * A negative total (a credit) is split like its absolute value and negated, so it rounds the same way.
 * Keys with weight 0 get 0; when every weight is 0 there is nothing to weigh by and the caller must choose
 * another basis (this throws rather than dropping the cost).
 */
export function allocateExactly(total: bigint, weights: ReadonlyMap<string, bigint>): Map<string, bigint> {
  if (total < 0n) {
    const positive = allocateExactly(-total, weights);
    return new Map([...positive].map(([k, v]) => [k, -v]));
  }
  let sum = 0n;
  for (const [key, w] of weights) {
    if (w < 0n) throw new Error(`weight of ${key} is negative`);
    sum += w;
  }
  if (sum === 0n) throw new Error("every weight is zero: nothing to allocate by");
  const parts = new Map<string, bigint>();
  const remainders: { key: string; remainder: bigint }[] = [];
  let given = 0n;
  for (const [key, w] of weights) {
    const product = total * w;
    const part = product / sum;
    parts.set(key, part);
    given += part;
    if (w > 0n) remainders.push({ key, remainder: product % sum });
  }
  remainders.sort((a, b) => (a.remainder === b.remainder ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.remainder > b.remainder ? -1 : 1));
  for (let left = total - given, i = 0; left > 0n; left--, i++) {
    const key = remainders[i].key;
    parts.set(key, parts.get(key)! + 1n);
  }
  return parts;
}
