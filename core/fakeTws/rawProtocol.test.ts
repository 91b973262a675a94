import { describe, expect, it } from 'vitest';
import { useHarness } from './testing/harness';
import { rawHandshake, useRawSessions } from './testing/rawClient';
import { cancelOrderFields, contractDetailsFields, executionsFields, placeOrderFields, type RawOrder } from './testing/rawRequests';

const h = useHarness();
const connectAt = useRawSessions(() => h.tws.port);

const MAX_INT = '2147483647';
const DBL_MAX = '1.7976931348623157E308';
const isError = (id: number, code: number) => (f: readonly string[]) => f[0] === '4' && f[2] === String(id) && f[3] === String(code);
const resting = (orderId: number, tif = 'GTC'): RawOrder => ({ orderId, symbol: 'AAA', action: 'BUY', quantity: 10, orderType: 'LMT', lmtPrice: 90, tif });

/** Field counts (message id included) of the messages whose layout changes between 176 and 193, written out per version. */
const LAYOUT = {
  176: { openOrder: 136, statusAt: 94, completedOrder: 101, contractData: 40, execution: 31 },
  178: { openOrder: 135, statusAt: 93, completedOrder: 100, contractData: 40, execution: 32 },
  187: { openOrder: 138, statusAt: 93, completedOrder: 102, contractData: 42, execution: 32 },
  193: { openOrder: 141, statusAt: 93, completedOrder: 102, contractData: 42, execution: 32 },
} as const;

/** The version-dependent tail of OPEN_ORDER after autoCancelParent: PEG BEST/MID attributes, then 183..193 fields. */
const PEG = [MAX_INT, MAX_INT, DBL_MAX, DBL_MAX, DBL_MAX];
const OPEN_ORDER_TAIL: Record<keyof typeof LAYOUT, string[]> = {
  176: ['0', ...PEG],
  178: ['0', ...PEG],
  187: ['0', ...PEG, '', '0', ''], // customerAccount, professionalCustomer, bondAccruedInterest
  193: ['0', ...PEG, '', '0', '', '0', '', MAX_INT], // ..., includeOvernight, extOperator, manualOrderIndicator
};

describe.each([176, 178, 187, 193] as const)('raw socket at negotiated version %i', (version) => {
  const layout = LAYOUT[version];

  it('handshake: answers the client maximum and the connection time in one frame, then nextValidId and managedAccounts', async () => {
    await h.start();
    const c = await connectAt(version);
    expect(c.received[0]).toEqual([String(version), expect.stringMatching(/^\d{8} \d\d:\d\d:\d\d UTC$/)]);
    expect(c.all(9)[0]).toEqual(['9', '1', '1']);
    expect(c.all(15)[0]).toEqual(['15', '1', 'DU1234567']);
    expect(h.log.some((l) => l.includes(`offers versions 100..${version}; speaking version ${version}`))).toBe(true);
  });

  it('placeOrder in its layout: openOrder with this version\'s fields, then orderStatus', async () => {
    await h.start();
    const c = await connectAt(version);
    c.send(placeOrderFields(version, { ...resting(1), orderRef: 'raw-1' }));
    const open = await c.next((f) => f[0] === '5', 'openOrder');
    expect(open).toHaveLength(layout.openOrder);
    expect(open.slice(1, 4)).toEqual(['1', expect.any(String), 'AAA']);
    expect(open[layout.statusAt]).toBe('Submitted');
    expect(open[layout.statusAt - 1]).toBe('0'); // whatIf
    expect(open.slice(-OPEN_ORDER_TAIL[version].length)).toEqual(OPEN_ORDER_TAIL[version]);
    const status = await c.next((f) => f[0] === '3', 'orderStatus');
    expect(status).toEqual(['3', '1', 'Submitted', '0', '10', '0', expect.any(String), '0', '0', '9', '', '0']);
    expect(h.tws.snapshot().orders).toMatchObject([{ orderId: 1, orderRef: 'raw-1', lmtPrice: 90, tif: 'GTC', status: 'Submitted' }]);
  });

  it('cancelOrder in its layout cancels the named order, not the one its version field would name', async () => {
    await h.start();
    const c = await connectAt(version);
    c.send(placeOrderFields(version, resting(1)));
    c.send(placeOrderFields(version, resting(5)));
    const from = await c.sync();
    c.send(cancelOrderFields(version, 5));
    await c.next(isError(5, 202), '202 for order 5', from);
    const status = await c.next((f) => f[0] === '3' && f[1] === '5', 'orderStatus of 5', from);
    expect(status[2]).toBe('Cancelled');
    await c.sync();
    expect(c.all(4, from).filter((f) => f[2] === '1')).toEqual([]);
    expect(h.tws.snapshot().orders.map((o) => [o.orderId, o.status])).toEqual([[1, 'Submitted'], [5, 'Cancelled']]);
  });

  it('a cancelOrder in the other versions\' layout is refused with 321 and cancels nothing', async () => {
    await h.start();
    const c = await connectAt(version);
    c.send(placeOrderFields(version, resting(1)));
    c.send(placeOrderFields(version, resting(5)));
    const from = await c.sync();
    // Before 192 the modern layout, from 192 the old one whose field 1 is the version (1).
    c.send(version >= 192 ? [4, 1, 5, ''] : [4, 5, '', '', MAX_INT]);
    const err = await c.next((f) => f[0] === '4' && f[3] === '321', '321', from);
    expect(err[2]).toBe('-1');
    expect(err[4]).toMatch(/^Error validating request: CANCEL_ORDER: expected \d fields, got \d$/);
    await c.sync();
    expect(h.tws.snapshot().orders.map((o) => o.status)).toEqual(['Submitted', 'Submitted']);
  });

  it('a placeOrder one field short is refused with 321 for its order id and never placed', async () => {
    await h.start();
    const c = await connectAt(version);
    const fields = placeOrderFields(version, resting(3));
    c.send(fields.slice(0, -1));
    const err = await c.next((f) => f[0] === '4' && f[3] === '321', '321');
    expect(err[2]).toBe('3');
    expect(err[4]).toContain(`PLACE_ORDER: expected ${fields.length} fields for a plain order at version ${version}`);
    expect(err[4]).toContain(`got ${fields.length - 1}`);
    await c.sync();
    expect(h.tws.snapshot().orders).toEqual([]);
  });

  it('completedOrder after a cancel: this version\'s field count, status and completed status', async () => {
    await h.start();
    const c = await connectAt(version);
    c.send(placeOrderFields(version, resting(1)));
    c.send(cancelOrderFields(version, 1));
    const from = await c.sync();
    c.send([99, 0]);
    await c.next((f) => f[0] === '102', 'completedOrdersEnd', from);
    const [done] = c.all(101, from);
    expect(done).toHaveLength(layout.completedOrder);
    expect(done.slice(1, 3)).toEqual([expect.any(String), 'AAA']);
    expect(done).toContain('Cancelled by Trader');
    expect(c.all(102, from)).toEqual([['102']]);
  });

  it('contractDetails: lastTradeDate from 182, ineligibility reasons from 186, evMultiplier empty', async () => {
    await h.start();
    const c = await connectAt(version);
    c.send(contractDetailsFields(42, 'AAA'));
    const end = await c.next((f) => f[0] === '52', 'contractDetailsEnd');
    expect(end).toEqual(['52', '1', '42']);
    const [cd] = c.all(10);
    expect(cd).toHaveLength(layout.contractData);
    expect(cd.slice(0, 5)).toEqual(['10', '42', 'AAA', 'STK', '']);
    // strike follows lastTradeDateOrContractMonth, and lastTradeDate when the version carries it.
    expect(cd[version >= 182 ? 6 : 5]).toBe('0');
    const tail = version >= 186 ? ['1', '1', '100', '0'] : ['1', '1', '100'];
    expect(cd.slice(-tail.length)).toEqual(tail);
    expect(cd).not.toContain(DBL_MAX);
    const evRuleAt = cd.indexOf('UTC') + 3; // timeZoneId, tradingHours, liquidHours, evRule
    expect(cd.slice(evRuleAt, evRuleAt + 2)).toEqual(['', '']);
  });

  it('executions: a live fill and the reqExecutions replay, pendingPriceRevision from 178, evMultiplier empty', async () => {
    await h.start();
    const c = await connectAt(version);
    c.send(placeOrderFields(version, { orderId: 1, symbol: 'AAA', action: 'BUY', quantity: 100, orderType: 'MKT' }));
    const live = await c.next((f) => f[0] === '11', 'live execDetails');
    expect(live).toHaveLength(layout.execution);
    expect(live.slice(0, 5)).toEqual(['11', '-1', '1', expect.any(String), 'AAA']);
    expect(live[28]).toBe(''); // evMultiplier
    expect(live.slice(30)).toEqual(version >= 178 ? ['1', '0'] : ['1']); // lastLiquidity, pendingPriceRevision
    const commission = await c.next((f) => f[0] === '59', 'commissionReport');
    expect(commission[2]).toBe(live[14]);
    const from = await c.sync();
    c.send(executionsFields(77));
    await c.next((f) => f[0] === '55', 'execDetailsEnd', from);
    const replay = c.all(11, from);
    expect(replay).toHaveLength(1);
    expect(replay[0]).toEqual(['11', '77', ...live.slice(2)]);
    expect(c.all(59, from)).toHaveLength(1);
  });

  it('reqAccountUpdatesMulti (76): accountUpdateMulti rows, then accountUpdateMultiEnd', async () => {
    await h.start();
    const c = await connectAt(version);
    c.send([76, 1, 31, 'DU1234567', '', 0]);
    await c.next((f) => f[0] === '74', 'accountUpdateMultiEnd');
    const rows = c.all(73);
    expect(rows.map((r) => r.length)).toEqual(rows.map(() => 8));
    expect(rows.find((r) => r[5] === 'NetLiquidation')).toEqual(['73', '1', '31', 'DU1234567', '', 'NetLiquidation', '1000000.00', 'USD']);
    expect(rows.some((r) => r[5] === 'BuyingPower')).toBe(true);
    expect(c.all(74)).toEqual([['74', '1', '31']]);
  });

  it('what-if: openOrder with whatIf=1, the margin and commission preview, and no execution', async () => {
    await h.start();
    const c = await connectAt(version);
    c.send(placeOrderFields(version, { orderId: 4, symbol: 'AAA', action: 'BUY', quantity: 100, orderType: 'MKT', whatIf: true }));
    const open = await c.next((f) => f[0] === '5', 'what-if openOrder');
    const at = layout.statusAt;
    expect(open).toHaveLength(layout.openOrder);
    expect(open[at - 1]).toBe('1');
    const [initBefore, maintBefore, ewlBefore, initChange, maintChange, ewlChange, initAfter, maintAfter, ewlAfter, commission, minCom, maxCom] =
      open.slice(at + 1, at + 13).map(Number);
    expect([initBefore, maintBefore, ewlBefore]).toEqual([0, 0, 1_000_000]);
    expect(initAfter).toBeGreaterThan(0);
    expect(maintAfter).toBeGreaterThan(0);
    expect([initChange, maintChange]).toEqual([initAfter, maintAfter]);
    expect(commission).toBeGreaterThan(0);
    expect([minCom, maxCom]).toEqual([commission, commission]);
    expect(ewlAfter).toBeCloseTo(1_000_000 - commission, 6);
    expect(ewlChange).toBeCloseTo(-commission, 6);
    expect(open[at + 13]).toBe('USD');
    await c.sync();
    expect(c.all(3)).toEqual([]);
    expect(c.all(11)).toEqual([]);
    expect(h.tws.snapshot()).toMatchObject({ orders: [], executions: [], cash: 1_000_000 });
    // Its id is used up all the same.
    const from = c.received.length;
    c.send([8, 1, 1]);
    expect(await c.next((f) => f[0] === '9', 'nextValidId', from)).toEqual(['9', '1', '5']);
  });
});

describe('version negotiation', () => {
  it('answers 193 to a client whose range goes beyond it', async () => {
    await h.start();
    const c = await connectAt('v100..213');
    expect(c.version).toBe(193);
  });

  it.each([
    ['v100..175', 'below 176'],
    ['v194..213', 'above 193'],
  ])('refuses %s with a log line and closes', async (range, why) => {
    await h.start();
    const r = await rawHandshake(h.tws.port, range);
    expect(r).toEqual({ refused: true });
    expect(h.log.some((l) => l.includes(`refused: it offers protocol versions ${range.slice(1)}`) && l.includes(why))).toBe(true);
  });
});

describe('requests the fake does not support', () => {
  it('are answered with 321 naming the request, for its request id', async () => {
    await h.start();
    const c = await connectAt(193);
    c.send([10, 5, 12, '', 'AAA', 'STK', '', '', '', '', 'SMART', '', 'USD', '', '', 5, 0, '']);
    const err = await c.next(isError(12, 321), '321 for reqMktDepth');
    expect(err[4]).toBe("Error validating request:-'REQ_MKT_DEPTH' : cause - REQ_MKT_DEPTH (message 10) is not supported by the fake TWS");
    c.send([80]);
    const fam = await c.next((f) => f[0] === '4' && f[4].includes('REQ_FAMILY_CODES'), '321 for reqFamilyCodes');
    expect(fam.slice(2, 4)).toEqual(['-1', '321']);
  });
});
