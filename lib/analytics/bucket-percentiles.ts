/**
 * Percentiles of a value known only as counts per bucket [from, to): the rank is located in its bucket and
 * interpolated linearly inside it (an open last bucket reports its lower edge). Exact at bucket edges, within
 * half a bucket elsewhere - half an octave here, which is plenty to tell 800-token calls from 8,000-token ones.
 */
export interface CountBucket {
  from: number;
  to: number | null;
  count: number;
}

export function bucketPercentile(buckets: CountBucket[], q: number): number | null {
  const total = buckets.reduce((s, b) => s + b.count, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (const b of buckets) {
    if (b.count === 0) continue;
    if (seen + b.count >= rank) {
      if (b.to === null) return b.from;
      return b.from + ((rank - seen) / b.count) * (b.to - b.from);
    }
    seen += b.count;
  }
  const last = buckets[buckets.length - 1];
  return last.to ?? last.from;
}
