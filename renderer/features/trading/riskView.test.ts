import { describe, expect, it } from 'vitest';
import type { BreakerDto } from '../../../core/ipc/contract/trading';
import { breakerView, checksToShow, killSwitchLines } from './riskView';

const breaker: BreakerDto = { enabled: true, tripped: false, since: null, reason: null, recentCount: 2, maxRejections: 5, windowSeconds: 300, recent: [] };

describe('risk view', () => {
  it('puts failed checks first and leaves out checks without a limit', () => {
    const shown = checksToShow([
      { check: 'symbol', status: 'pass', detail: 'SYN001 allowed' },
      { check: 'max_quantity', status: 'off', detail: 'no limit' },
      { check: 'order_notional', status: 'fail', detail: 'order 1,000,000 > 25,000' },
      { check: 'position', status: 'skipped', detail: 'needs a price' },
    ]);
    expect(shown.map((c) => c.check)).toEqual(['order_notional', 'symbol', 'position']);
  });

  it('shows how near the breaker is to tripping, and why it tripped', () => {
    expect(breakerView(breaker)).toEqual({ label: 'Armed', tone: 'ok', detail: '2 of 5 refusals within 300 s before it halts trading.' });
    expect(breakerView({ ...breaker, tripped: true, since: 1, reason: '5 rejections within 300 s' })).toMatchObject({ label: 'Tripped', tone: 'bad', detail: '5 rejections within 300 s' });
    expect(breakerView({ ...breaker, enabled: false }).label).toBe('Off');
  });

  it('tells what the kill switch did, counting each outcome the broker reported', () => {
    expect(killSwitchLines({ at: 1, cancelled: [], flatten: [] })).toEqual(['No open order to cancel.']);
    const c = { clientOrderRef: 'r', instrument: 'SYN001', side: 'BUY' as const, quantity: 1, detail: null };
    expect(
      killSwitchLines({
        at: 1,
        cancelled: [
          { ...c, orderId: '5', accepted: true, reason: null, outcome: 'confirmed' },
          { ...c, orderId: '6', accepted: true, reason: null, outcome: 'never_sent' },
          { ...c, orderId: '7', accepted: true, reason: null, outcome: 'confirmed' },
          { ...c, orderId: '8', accepted: false, reason: 'already filled', outcome: 'not_requested' },
          { ...c, orderId: '9', accepted: true, reason: null, outcome: 'not_found', detail: 'not found (10147)' },
        ],
        flatten: [
          { instrument: 'SYN001', side: 'SELL', quantity: 10, accepted: true, orderId: '9', reason: null },
          { instrument: 'SYN002', side: 'BUY', quantity: 5, accepted: false, orderId: '', reason: 'not connected' },
        ],
      }),
    ).toEqual([
      '5 open orders: 2 cancel confirmed by the broker, 1 never left the app (withdrawn before sending), 1 not known to the broker, 1 not cancelled here.',
      'Order 8 not cancelled: already filled.',
      'Flatten: SELL 10 SYN001 at market sent (order 9).',
      'Flatten: BUY 5 SYN002 at market refused: not connected.',
    ]);
  });
});
