export const MS_PER_DAY = 86_400_000;

/**
 * The trading day a bar belongs to: the UTC calendar day of its stamp, as a day number since 1970-01-01.
 * Daily bars are stamped 00:00 UTC of their date and intraday bars carry the exchange's wall-clock time as
 * UTC (that is how the CSV loader reads them), so this is the exchange's own date for both.
 */
export function tradingDay(ts: number): number {
  return Math.floor(ts / MS_PER_DAY);
}

/** Flags in `tradingDayEdges`: the bar is its trading day's first, or its last. A daily bar is both. */
export const DAY_OPEN = 1;
export const DAY_CLOSE = 2;

/**
 * Per bar of ascending stamps, whether it opens and whether it closes its trading day. Knowing that a bar
 * is the day's last one needs the next stamp: that is the exchange's schedule, not its prices, which is
 * what a market-on-close order or a DAY order's expiry relies on.
 */
export function tradingDayEdges(ts: Float64Array, length: number): Uint8Array {
  const edges = new Uint8Array(length);
  let prevDay = Number.NaN;
  for (let i = 0; i < length; i++) {
    const day = tradingDay(ts[i]);
    if (day !== prevDay) {
      edges[i] |= DAY_OPEN;
      if (i > 0) edges[i - 1] |= DAY_CLOSE;
    }
    prevDay = day;
  }
  if (length > 0) edges[length - 1] |= DAY_CLOSE;
  return edges;
}
