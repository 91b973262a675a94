import type { PriceChart } from '../../../core/ipc/contract/backtests';
import type { Ohlcv } from '../../components/charts/lwSeries';

/**
 * The engine's price columns as candles for the chart, one per stamp. A column shorter than the
 * stamps (an answer cut short) ends the candles there rather than drawing made-up values.
 */
export function runCandles(prices: Pick<PriceChart, 'ts' | 'open' | 'high' | 'low' | 'close' | 'volume'>): Ohlcv[] {
  const n = Math.min(prices.ts.length, prices.open.length, prices.high.length, prices.low.length, prices.close.length, prices.volume.length);
  const out: Ohlcv[] = new Array<Ohlcv>(n);
  for (let i = 0; i < n; i++) {
    out[i] = { ts: prices.ts[i], open: prices.open[i], high: prices.high[i], low: prices.low[i], close: prices.close[i], volume: prices.volume[i] };
  }
  return out;
}

/** The note under a chart whose candles each merge several bars; null when every candle is one bar. */
export function mergedNote(barsPerCandle: number): string | null {
  return barsPerCandle > 1 ? `1 candle = ${barsPerCandle} bars, merged to fit the chart; zoom in for detail` : null;
}
