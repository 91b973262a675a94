import { describe, expect, it } from 'vitest';
import type { TradeRowDto } from '../../../../core/ipc/contract/backtests';
import { filterOptions, filterTrades, NO_FILTER, outcomeOf, pnlHistogram, scatterPoints } from './tradeAnalysis';

const base: TradeRowDto = {
  instrument: 'AAA', direction: 'LONG', quantity: 1, entryTs: 1, entryPrice: 10, exitTs: 2, exitPrice: 11, pnl: 1, returnPct: 10, commission: 0,
  barsHeld: 1, status: 'CLOSED', markPrice: null, unrealizedPnl: null, mae: -0.5, maePct: -5, mfe: 2, mfePct: 20, exitReason: 'SIGNAL', cumulativePnl: 1,
};
const trades: TradeRowDto[] = [
  base,
  { ...base, instrument: 'BBB', direction: 'SHORT', pnl: -3, exitReason: 'STOP', entryTs: 5 },
  { ...base, instrument: 'AAA', pnl: 0, exitReason: 'END_OF_RUN', entryTs: 9 },
  { ...base, instrument: 'CCC', status: 'OPEN', exitReason: null, pnl: 4, mae: null, maePct: null, entryTs: 12 },
];

describe('trade analysis shaping', () => {
  it('filters by symbol, side, outcome and reason, each null meaning all', () => {
    expect(filterTrades(trades, NO_FILTER)).toHaveLength(4);
    expect(filterTrades(trades, { ...NO_FILTER, symbol: 'AAA' }).map((t) => t.entryTs)).toEqual([1, 9]);
    expect(filterTrades(trades, { ...NO_FILTER, side: 'SHORT' }).map((t) => t.instrument)).toEqual(['BBB']);
    // Breaking even is a loss, not a win.
    expect(filterTrades(trades, { ...NO_FILTER, outcome: 'loss' }).map((t) => t.entryTs)).toEqual([5, 9]);
    expect(filterTrades(trades, { ...NO_FILTER, reason: 'OPEN' }).map((t) => t.instrument)).toEqual(['CCC']);
    expect(filterTrades(trades, { symbol: 'AAA', side: 'LONG', outcome: 'win', reason: 'SIGNAL' })).toEqual([base]);
    expect(outcomeOf({ pnl: null })).toBe('loss');
  });

  it('offers the symbols and reasons present, reasons in their fixed order', () => {
    expect(filterOptions(trades)).toEqual({ symbols: ['AAA', 'BBB', 'CCC'], reasons: ['SIGNAL', 'STOP', 'END_OF_RUN', 'OPEN'] });
  });

  it('plots MAE as a positive magnitude and leaves out trades without excursions', () => {
    const pts = scatterPoints(trades, (t) => `${t.instrument}@${t.entryTs}`);
    expect(pts.map((p) => [p.id, p.maePct, p.mfePct, p.outcome])).toEqual([
      ['AAA@1', 5, 20, 'win'],
      ['BBB@5', 5, 20, 'loss'],
      ['AAA@9', 5, 20, 'loss'],
    ]);
  });

  it('bins P&L in equal widths, the largest value in the last bin', () => {
    const bins = pnlHistogram([-10, -5, 0, 0, 10], 4);
    expect(bins.map((b) => [b.from, b.to, b.count])).toEqual([
      [-10, -5, 1],
      [-5, 0, 1],
      [0, 5, 2],
      [5, 10, 1],
    ]);
    expect(pnlHistogram([3, 3])).toEqual([{ from: 3, to: 3, count: 2, mid: 3 }]);
    expect(pnlHistogram([])).toEqual([]);
  });
});
