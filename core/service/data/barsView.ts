import type Database from 'better-sqlite3';
import type { Bar } from '../../data/BarSeries';
import { canonicalBarSize } from '../../data/barStore/barSizeOf';
import { getBars } from '../../data/barStore/loadBars';
import { barSizeRank, listSeries } from '../../data/barStore/seriesRepo';
import type { SeriesInfo } from '../../data/barStore/seriesInfo';
import { sliceSeries } from '../../data/calendar';
import { parseBarSize, resampleSeries } from '../../data/resample';
import { ApiError } from '../../ipc/errors';
import { barsPerCandle, downsampleBars } from './downsampleBars';

export interface BarsQuery {
  symbol: string;
  /** Omitted: the symbol's finest stored series as it is. */
  barSize?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  to?: number;
  /** Merge runs of bars so at most this many come back (for charts). */
  maxPoints?: number;
}

export interface BarsView {
  symbol: string;
  /** The bar size shown. */
  barSize: string;
  /** The stored series the bars come from. */
  source: SeriesInfo;
  resampled: boolean;
  /** Whether runs of bars were merged to stay within maxPoints. */
  downsampled: boolean;
  /** Bars of `barSize` in each candle (the last one may hold fewer): 1 unless downsampled. */
  barsPerCandle: number;
  bars: Bar[];
}

/**
 * A symbol's bars at a bar size: the stored series of that size if there is one, else the finest stored
 * series of the symbol resampled to it (resampled before the range is cut, so the first and last periods
 * are whole). Throws ApiError NOT_FOUND when the symbol has no bars, BAD_INPUT when only coarser ones exist,
 * and a RangeError for a bar size that is no bar size.
 */
export function barsView(db: Database.Database, q: BarsQuery): BarsView {
  const stored = listSeries(db, q.symbol);
  if (stored.length === 0) throw new ApiError('NOT_FOUND', `no bars for ${q.symbol} in the bar store`);
  // listSeries orders a symbol's series from the finest: the first is the most faithful source.
  const finest = stored[0];
  const barSize = q.barSize === undefined ? finest.barSize : canonicalBarSize(q.barSize);
  const exact = stored.find((s) => s.barSize === barSize);
  let series;
  if (exact !== undefined) {
    series = getBars(db, exact.symbol, exact.barSize, q.from, q.to);
  } else {
    if (barSizeRank(finest.barSize) > barSizeRank(barSize)) {
      const have = stored.map((s) => s.barSize).join(', ');
      throw new ApiError('BAD_INPUT', `${finest.symbol} has only ${have} bars, which cannot be resampled to the finer ${barSize}`);
    }
    const whole = resampleSeries(getBars(db, finest.symbol, finest.barSize), parseBarSize(barSize));
    series = sliceSeries(whole, q.from ?? -Infinity, q.to ?? Infinity);
  }
  const limit = q.maxPoints ?? Infinity;
  return {
    symbol: finest.symbol,
    barSize,
    source: exact ?? finest,
    resampled: exact === undefined,
    downsampled: series.length > limit,
    barsPerCandle: barsPerCandle(series.length, limit),
    bars: downsampleBars(series, limit),
  };
}
