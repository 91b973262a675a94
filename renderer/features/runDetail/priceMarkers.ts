import type { TradeRowDto } from '../../../core/ipc/contract/backtests';
import { fillMarkers, tradeMarkers, type ChartMarker } from '../../components/charts/lwSeries';
import { tradeIdOf } from '../../stores/selectedTradeStore';

type Fill = { ts: number; side: 'BUY' | 'SELL'; price: number; quantity: number };

/**
 * The marks of one symbol on the run's price chart: each round trip's entry and exit (an open trip
 * has no exit yet; its exit fields are only a mark at the last close), with the ids the trade tables
 * select by. A run whose trips are not loaded (or not analysed) falls back to its bare fills.
 */
export function priceMarkers(symbol: string | null, trades: readonly TradeRowDto[] | undefined, fills: readonly Fill[]): ChartMarker[] {
  const own = symbol === null ? [] : (trades ?? []).filter((t) => t.instrument === symbol);
  if (own.length === 0) return fillMarkers(fills);
  return tradeMarkers(
    own.map((t) => {
      const open = t.status === 'OPEN';
      return {
        id: tradeIdOf(t),
        direction: t.direction,
        quantity: t.quantity,
        entryTs: t.entryTs,
        entryPrice: t.entryPrice,
        exitTs: open ? null : t.exitTs,
        exitPrice: open ? null : t.exitPrice,
        pnl: t.pnl,
      };
    }),
  );
}
