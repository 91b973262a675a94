/**
 * Index of the bar the chart reports under the pointer (bars ascending by `ts`), or null. The chart
 * speaks whole UTC seconds, so stamps are compared at that resolution.
 */
export function barIndexAt(bars: readonly { ts: number }[], tsMs: number): number | null {
  let lo = 0;
  let hi = bars.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = Math.floor(bars[mid].ts / 1000) * 1000;
    if (t === tsMs) return mid;
    if (t < tsMs) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}
