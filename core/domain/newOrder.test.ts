import { describe, expect, it } from 'vitest';
import { newOrder } from './newOrder';

describe('newOrder', () => {
  it('copies the request, nulls the prices and metadata it lacks, and starts PENDING with nothing filled', () => {
    const o = newOrder('O1', 'ref-1', { instrument: 'AAA', side: 'SELL', type: 'MARKET', quantity: 5, timeInForce: 'IOC' }, 'PAPER', 42);
    expect(o).toEqual({
      id: 'O1',
      clientOrderRef: 'ref-1',
      instrument: 'AAA',
      side: 'SELL',
      type: 'MARKET',
      quantity: 5,
      limitPrice: null,
      stopPrice: null,
      timeInForce: 'IOC',
      createdAt: 42,
      mode: 'PAPER',
      metadata: null,
      extras: null,
      status: 'PENDING',
      filledQuantity: 0,
      avgFillPrice: 0,
      commission: 0,
      triggered: false,
      statusReason: null,
      updatedAt: 42,
    });
  });

  it('keeps the prices and metadata a request gives', () => {
    const o = newOrder('O2', 'r', { instrument: 'B', side: 'BUY', type: 'STOP_LIMIT', quantity: 1, limitPrice: 10, stopPrice: 9, timeInForce: 'GTC', metadata: { action: 'INCREASE' } }, 'BACKTEST', 1);
    expect([o.limitPrice, o.stopPrice, o.metadata]).toEqual([10, 9, { action: 'INCREASE' }]);
  });
});
