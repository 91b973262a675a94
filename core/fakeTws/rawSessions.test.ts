import { describe, expect, it } from 'vitest';
import { useHarness } from './testing/harness';
import { eventually } from './testing/ibTestClient';
import { useRawSessions } from './testing/rawClient';
import { placeOrderFields, type RawOrder } from './testing/rawRequests';

const h = useHarness();
const connectAt = useRawSessions(() => h.tws.port);

const resting = (orderId: number): RawOrder => ({ orderId, symbol: 'AAA', action: 'BUY', quantity: 10, orderType: 'LMT', lmtPrice: 90, tif: 'GTC' });
const buyNow = (orderId: number): RawOrder => ({ orderId, symbol: 'AAA', action: 'BUY', quantity: 100, orderType: 'MKT' });

describe('reqAccountUpdatesMulti subscriptions', () => {
  it('push rows again after a fill until cancelled (77)', async () => {
    await h.start();
    const c = await connectAt(193);
    c.send([76, 1, 8, '', '', 1]);
    await c.next((f) => f[0] === '74', 'accountUpdateMultiEnd');
    let from = await c.sync();
    c.send(placeOrderFields(193, buyNow(1)));
    await c.next((f) => f[0] === '59', 'commissionReport', from);
    await c.sync();
    const cash = c.all(73, from).find((r) => r[5] === 'TotalCashValue');
    expect(Number(cash?.[6])).toBeLessThan(1_000_000);
    expect(c.all(74, from)).toEqual([]); // the end marker comes once, with the first answer
    c.send([77, 1, 8]);
    from = await c.sync();
    c.send(placeOrderFields(193, buyNow(2)));
    await c.next((f) => f[0] === '59', 'second commissionReport', from);
    await c.sync();
    expect(c.all(73, from)).toEqual([]);
  });

  it('refuses another account with 321 for the request id', async () => {
    await h.start();
    const c = await connectAt(193);
    c.send([76, 1, 8, 'U999', '', 0]);
    const err = await c.next((f) => f[0] === '4' && f[3] === '321', '321');
    expect(err.slice(2, 5)).toEqual(['8', '321', "Error validating request:-'REQ_ACCOUNT_UPDATES_MULTI' : cause - unknown account U999"]);
    expect(c.all(73)).toEqual([]);
  });
});

describe('reqGlobalCancel per version', () => {
  it.each([
    [187, [58, 1]],
    [193, [58, '', 2147483647]],
  ] as const)('at %i cancels every working order', async (version, fields) => {
    await h.start();
    const c = await connectAt(version);
    c.send(placeOrderFields(version, resting(1)));
    c.send(placeOrderFields(version, resting(2)));
    await c.sync();
    c.send(fields);
    await c.sync();
    expect(h.tws.snapshot().orders.map((o) => o.status)).toEqual(['Cancelled', 'Cancelled']);
  });

  it('refuses the other layout with 321 and cancels nothing', async () => {
    await h.start();
    const c = await connectAt(193);
    c.send(placeOrderFields(193, resting(1)));
    await c.sync();
    c.send([58, 1]);
    const err = await c.next((f) => f[0] === '4' && f[3] === '321', '321');
    expect(err[4]).toBe('Error validating request: REQ_GLOBAL_CANCEL: expected 3 fields, got 2');
    expect(h.tws.snapshot().orders[0].status).toBe('Submitted');
  });
});

describe('reconnect at an older version', () => {
  it('re-sends the working orders in the layout of the new session\'s version', async () => {
    await h.start();
    const first = await connectAt(193);
    first.send(placeOrderFields(193, resting(1)));
    await first.sync();
    first.close();
    // The fake keeps a client id until it has seen the socket close.
    await eventually(() => h.tws.clientCount() === 0, 'the fake saw the close');
    const again = await connectAt(176, 9);
    const open = await again.next((f) => f[0] === '5', 'openOrder after START_API');
    expect(open).toHaveLength(136);
    expect(open[94]).toBe('Submitted');
  });
});
