import { describe, expect, it } from 'vitest';
import { useHarness } from './testing/harness';
import { useRawSessions } from './testing/rawClient';
import { placeOrderFields } from './testing/rawRequests';

const h = useHarness();
const connectAt = useRawSessions(() => h.tws.port);

// EXECUTION_DATA: price at 20, cumQty at 24, avgPrice at 25; ORDER_STATUS: avgFillPrice at 5, lastFillPrice at 8.
describe('fill prices on the wire', () => {
  it('an order filled at one price reports that price as its average, digit for digit (not 105.47999999999999)', async () => {
    const tws = await h.start();
    tws.step(4);
    const c = await connectAt(193);
    const quantities = Array.from({ length: 30 }, (_, i) => i + 1);
    for (const q of quantities) c.send(placeOrderFields(193, { orderId: q, symbol: 'AAA', action: q % 2 ? 'BUY' : 'SELL', quantity: q, orderType: 'MKT' }));
    const last = quantities.length;
    await c.next((f) => f[0] === '3' && f[1] === String(last) && f[2] === 'Filled', `order ${last} Filled`);
    const execs = c.all(11);
    expect(execs).toHaveLength(quantities.length);
    for (const e of execs) expect([e[2], e[25]]).toEqual([e[2], e[20]]);
    const filled = c.all(3).filter((f) => f[2] === 'Filled');
    expect(filled.length).toBeGreaterThanOrEqual(quantities.length);
    for (const f of filled) expect([f[1], f[5]]).toEqual([f[1], f[8]]);
  });
});
