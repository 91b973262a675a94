import { describe, expect, it } from 'vitest';
import { sampleOrder } from '../testing/fixtures';
import type { ReconciliationReport } from '../types';
import { differencesOf } from './differencesOf';

const report: ReconciliationReport = {
  at: 5,
  trigger: 'reconnect',
  account: 'DU1',
  orders: [],
  fills: [{ execId: 'e1', orderId: 'O1', instrument: 'AAA', side: 'BUY', quantity: 3, price: 99 }],
  positions: [
    { instrument: 'AAA', before: 10, after: 0 },
    { instrument: 'BBB', before: null, after: 4 },
  ],
  unknownOrders: [],
  externalOrders: [{ permId: 42, instrument: 'CCC', side: 'SELL', quantity: 2, status: 'Submitted' }],
  accountValues: {},
};

describe('differencesOf', () => {
  it('lists every position, unseen fill, unknown and external order once the app has a record', () => {
    const order = sampleOrder();
    const diffs = differencesOf(report, true, [order]);
    expect(diffs.map((d) => [d.kind, d.key, d.ours, d.broker])).toEqual([
      ['position', 'AAA', 10, 0],
      ['position', 'BBB', 0, 4],
      ['unknown_order', order.id, null, null],
      ['external_order', '42', null, 2],
      ['unseen_fill', 'e1', null, 3],
    ]);
    expect(diffs[0]?.detail).toBe('position 10 in our records (last snapshot plus the fills since), 0 at the broker');
  });

  it('adopts the account on a first connect: no position or fill differences, orders still', () => {
    expect(differencesOf(report, false, []).map((d) => d.kind)).toEqual(['external_order']);
  });
});
