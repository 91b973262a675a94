import type { Bar, BarSeries } from './BarSeries';

/** Builds a series from bar objects (ascending); for small, hand-made or downloaded sets of bars. */
export function seriesFromBars(symbol: string, bars: readonly Bar[], barSeconds = 86_400): BarSeries {
  const col = (f: keyof Bar) => Float64Array.from(bars, (b) => b[f]);
  return {
    symbol,
    barSeconds,
    length: bars.length,
    ts: col('ts'),
    open: col('open'),
    high: col('high'),
    low: col('low'),
    close: col('close'),
    volume: col('volume'),
  };
}

const DAY = 86_400_000;

/** Daily bars from [open, high, low, close, volume] rows, one calendar day apart from `startIso`. */
export function dailySeries(symbol: string, rows: readonly (readonly number[])[], startIso = '2020-01-01'): BarSeries {
  const t0 = Date.parse(`${startIso}T00:00:00Z`);
  return seriesFromBars(
    symbol,
    rows.map(([open, high, low, close, volume = 1_000_000], i) => ({ ts: t0 + i * DAY, open, high, low, close, volume })),
  );
}
