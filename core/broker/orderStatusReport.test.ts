import { describe, expect, it } from 'vitest';
import { newOrder } from '../domain/newOrder';
import { orderStatusReport } from './orderStatusReport';

const order = (patch: Partial<ReturnType<typeof newOrder>>) => ({
  ...newOrder('O1', 'ref', { instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 10, limitPrice: 5, timeInForce: 'DAY' }, 'BACKTEST', 0),
  ...patch,
});

describe('orderStatusReport', () => {
  it('reports what remains of a working order', () => {
    expect(orderStatusReport(order({ status: 'PARTIALLY_FILLED', filledQuantity: 4, avgFillPrice: 4.9 }))).toEqual({
      orderId: 'O1',
      clientOrderRef: 'ref',
      status: 'PARTIALLY_FILLED',
      filledQuantity: 4,
      remainingQuantity: 6,
      avgFillPrice: 4.9,
      statusReason: null,
    });
  });

  it('reports nothing remaining once the order is terminal, or when more was filled than asked', () => {
    expect(orderStatusReport(order({ status: 'CANCELLED', filledQuantity: 4, statusReason: 'by request' }))).toMatchObject({ remainingQuantity: 0, statusReason: 'by request' });
    expect(orderStatusReport(order({ status: 'PARTIALLY_FILLED', quantity: 3, filledQuantity: 4 })).remainingQuantity).toBe(0);
  });
});
