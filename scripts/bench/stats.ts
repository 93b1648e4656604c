/** The median of `values` (the mean of the middle two when their count is even). */
export function median(values: readonly number[]): number {
  if (!values.length) throw new Error('the median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The `p`th percentile (0–100) of `values`, nearest rank: p99 of 3000 values is the 2970th smallest. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) throw new Error('the percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}
