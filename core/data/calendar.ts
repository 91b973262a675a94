import type { BarSeries } from './BarSeries';

/**
 * Sorted, de-duplicated union of every series' timestamps. Inputs are ascending (BarSeries contract), so they
 * are merged pairwise in rounds, O(n log k); series sharing one ts array (as synthetic ones do) are merged once.
 */
export function mergeCalendars(series: readonly BarSeries[]): Float64Array {
  let runs: Float64Array[] = [...new Set(series.map((s) => s.ts))];
  if (runs.length === 0) return new Float64Array(0);
  if (runs.length === 1) return dedupeSorted(runs[0]);
  while (runs.length > 1) {
    const next: Float64Array[] = [];
    for (let i = 0; i < runs.length; i += 2) {
      next.push(i + 1 < runs.length ? mergeUnique(runs[i], runs[i + 1]) : runs[i]);
    }
    runs = next;
  }
  return runs[0];
}

/** Merges two ascending arrays into a new ascending array without repeats. */
function mergeUnique(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  let last = NaN;
  while (i < a.length || j < b.length) {
    const take = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (take !== last) out[n++] = take;
    last = take;
  }
  return n === out.length ? out : out.slice(0, n);
}

function dedupeSorted(ts: Float64Array): Float64Array {
  return mergeUnique(ts, new Float64Array(0));
}

/**
 * The bars of `series` stamped within [fromTs, toTs] (both inclusive), as subarray views sharing the
 * original buffers: no copy. An empty range yields an empty series.
 */
export function sliceSeries(series: BarSeries, fromTs: number, toTs: number): BarSeries {
  if (Number.isNaN(fromTs) || Number.isNaN(toTs)) {
    throw new RangeError(`sliceSeries(${series.symbol}): range bounds must be numbers, got ${fromTs}..${toTs}`);
  }
  const begin = lowerBound(series.ts, series.length, fromTs);
  const end = Math.max(begin, upperBound(series.ts, series.length, toTs));
  const view = (column: Float64Array): Float64Array => column.subarray(begin, end);
  return {
    symbol: series.symbol,
    barSeconds: series.barSeconds,
    length: end - begin,
    ts: view(series.ts),
    open: view(series.open),
    high: view(series.high),
    low: view(series.low),
    close: view(series.close),
    volume: view(series.volume),
    ...(series.adjClose === undefined ? {} : { adjClose: view(series.adjClose) }),
  };
}

/** First index whose stamp is >= ts. */
function lowerBound(stamps: Float64Array, length: number, ts: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (stamps[mid] < ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose stamp is > ts. */
function upperBound(stamps: Float64Array, length: number, ts: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (stamps[mid] <= ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
