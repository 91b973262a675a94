import { afterEach, describe, expect, it } from 'vitest';
import { leavingOrderRef } from './alpacaRest';
import { keyRedactor } from './redact';
import { startAlpacaRig, type AlpacaRig } from './testing/alpacaRig';
import { openTradeUpdates } from './tradeUpdatesStream';
import type { TradeUpdate } from './schemas';

let rig: AlpacaRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe('openTradeUpdates', () => {
  it('resolves once Alpaca confirmed the subscription, and delivers checked trade updates', async () => {
    rig = await startAlpacaRig();
    const updates: TradeUpdate[] = [];
    const problems: string[] = [];
    const session = await openTradeUpdates(rig.target(), { update: (u) => updates.push(u), problem: (t) => problems.push(t) }, (t) => t, 5_000);
    rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 1, timeInForce: 'DAY' });
    await expect.poll(() => updates.map((u) => u.event), { timeout: 10_000 }).toContain('fill');
    expect(updates.find((u) => u.event === 'fill')).toMatchObject({ qty: 1, order: { symbol: 'AAA', filled_qty: 1 } });
    expect(problems).toEqual([]);
    session.close();
    await expect(session.closed).resolves.toMatch(/closed/);
  });

  it('rejects refused keys without naming them', async () => {
    rig = await startAlpacaRig({ connect: false });
    const secret = 'not-the-secret-77';
    const err = await openTradeUpdates({ ...rig.target(), secretKey: secret }, { update: () => undefined, problem: () => undefined }, keyRedactor([secret]), 5_000).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).not.toContain(secret);
  });
});

describe('leavingOrderRef', () => {
  it('names the client_order_id of an order POST only', () => {
    const body = JSON.stringify({ symbol: 'AAA', client_order_id: 'ref-1' });
    expect(leavingOrderRef('http://h/v2/orders', { method: 'POST', body })).toBe('ref-1');
    expect(leavingOrderRef('http://h/v2/orders', { method: 'GET', body })).toBeNull();
    expect(leavingOrderRef('http://h/v2/orders/abc', { method: 'POST', body })).toBeNull();
    expect(leavingOrderRef('http://h/v2/orders', { method: 'POST', body: '{' })).toBeNull();
  });
});
