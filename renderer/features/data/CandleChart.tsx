import { useCallback, useMemo, useState } from 'react';
import type { BarDto } from '../../../core/ipc/contract/data';
import { PriceCandleChart, type PriceData } from '../../components/charts/PriceCandleChart';
import { barIndexAt } from './barIndex';
import { fmtNumber } from '../../components/common/format';
import { fmtBarStamp, fmtVolume } from './coverage';
import { priceGrid } from './priceGrid';

const DAY_SECONDS = 86_400;

interface CandleChartProps {
  bars: readonly BarDto[];
  /** Seconds per bar shown, for how stamps are written. */
  barSeconds: number;
}

/** Candles with volume below on the same time axis; the legend shows the exact values of the bar under the pointer. */
export function CandleChart({ bars, barSeconds }: CandleChartProps) {
  const [hover, setHover] = useState<number | null>(null);
  const data = useMemo<PriceData>(() => ({ kind: 'candles', bars }), [bars]);
  // Every price of the series at one precision, its own: cents for a stock, five decimals for EURUSD.
  const decimals = useMemo(() => priceGrid(bars), [bars]);
  const price = (v: number): string => fmtNumber(v, decimals);
  const onHoverTime = useCallback((ts: number | null) => setHover(ts === null ? null : barIndexAt(bars, ts)), [bars]);
  const bar = bars[hover ?? bars.length - 1];

  return (
    <div className="candle-chart" data-testid="candle-chart" data-bars={bars.length}>
      {bar && (
        <div className="candle-legend" data-testid="candle-legend">
          <span className="muted">{fmtBarStamp(bar.ts, barSeconds)}</span>
          <span>O <b>{price(bar.open)}</b></span>
          <span>H <b>{price(bar.high)}</b></span>
          <span>L <b>{price(bar.low)}</b></span>
          <span>C <b className={bar.close >= bar.open ? 'pos' : 'neg'}>{price(bar.close)}</b></span>
          <span>Vol <b>{fmtVolume(bar.volume)}</b></span>
        </div>
      )}
      <PriceCandleChart data={data} onHoverTime={onHoverTime} intraday={barSeconds < DAY_SECONDS} priceDecimals={decimals} height={360} testId="candle-plot" />
    </div>
  );
}
