import { describe, expect, it } from 'vitest';
import type { TradeRowDto } from '../../../core/ipc/contract/backtests';
import { priceMarkers } from './priceMarkers';

const trade = (over: Partial<TradeRowDto>): TradeRowDto => ({
  instrument: 'AAA',
  direction: 'LONG',
  quantity: 10,
  entryTs: 1_000,
  entryPrice: 10,
  exitTs: 5_000,
  exitPrice: 12,
  pnl: 19,
  returnPct: 1.9,
  commission: 1,
  barsHeld: 4,
  status: 'CLOSED',
  markPrice: null,
  unrealizedPnl: null,
  mae: null,
  maePct: null,
  mfe: null,
  mfePct: null,
  exitReason: 'SIGNAL',
  cumulativePnl: 19,
  ...over,
});

const FILLS = [{ ts: 1_000, side: 'BUY' as const, price: 10, quantity: 10 }];

describe('price chart marks of a run', () => {
  it('marks the symbol’s round trips by the id the trade tables select, with the P&L on the exit', () => {
    const marks = priceMarkers('AAA', [trade({}), trade({ instrument: 'BBB', entryTs: 2_000 })], FILLS);
    expect(marks.map((m) => [m.tradeId, m.kind, m.side, m.pnl])).toEqual([
      ['AAA@1000', 'entry', 'BUY', null],
      ['AAA@1000', 'exit', 'SELL', 19],
    ]);
  });

  it('gives an open trip no exit mark', () => {
    const marks = priceMarkers('AAA', [trade({ status: 'OPEN', exitTs: 9_000, exitPrice: 11, pnl: null })], FILLS);
    expect(marks.map((m) => m.kind)).toEqual(['entry']);
  });

  it('falls back to the bare fills when no trip of the symbol is loaded', () => {
    expect(priceMarkers('AAA', undefined, FILLS).map((m) => [m.kind, m.tradeId])).toEqual([['fill', null]]);
    expect(priceMarkers('CCC', [trade({})], FILLS).map((m) => m.kind)).toEqual(['fill']);
  });
});
