/** The median of `values` (the mean of the middle two when their count is even). */
export function median(values: readonly number[]): number {
  if (!values.length) throw new Error('the median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
