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
  // 503, not 321: ib_async counts 321 as a warning and would leave the request waiting for its timeout.
  it('are answered with 503 naming the request, for its request id', async () => {
    await h.start();
    const c = await connectAt(193);
    c.send([10, 5, 12, '', 'AAA', 'STK', '', '', '', '', 'SMART', '', 'USD', '', '', 5, 0, '']);
    const err = await c.next(isError(12, 503), '503 for reqMktDepth');
    expect(err).toEqual(['4', '2', '12', '503', 'REQ_MKT_DEPTH (message 10) is not supported by the fake TWS', '']);
    c.send([80]);
    const fam = await c.next((f) => f[0] === '4' && f[4].includes('REQ_FAMILY_CODES'), '503 for reqFamilyCodes');
    expect(fam).toEqual(['4', '2', '-1', '503', 'REQ_FAMILY_CODES (message 80) is not supported by the fake TWS', '']);
  });

  /** REQ_HISTORICAL_DATA for AAA (daily bars): reqId, contract, end, bar size, duration, RTH, TRADES, formatDate 1, keepUpToDate, chart options. */
  const history = (reqId: number, barSize: string, keepUpToDate: 0 | 1) =>
    [20, reqId, '', 'AAA', 'STK', '', '', '', '', 'SMART', '', 'USD', '', '', 0, '', barSize, '1 M', 1, 'TRADES', 1, keepUpToDate, ''];

  it('keepUpToDate and bar sizes it does not replay get 503 for the request id; a well-formed request still gets its bars', async () => {
    const tws = await h.start();
    tws.step(5);
    const c = await connectAt(193);
    c.send(history(41, '1 day', 1));
    expect(await c.next(isError(41, 503), '503 for keepUpToDate')).toEqual(
      ['4', '2', '41', '503', 'REQ_HISTORICAL_DATA with keepUpToDate is not supported by the fake TWS', '']);
    c.send(history(42, '1 hour', 0));
    expect(await c.next(isError(42, 503), '503 for 1 hour bars')).toEqual(
      ['4', '2', '42', '503', 'REQ_HISTORICAL_DATA with bar size "1 hour" is not supported by the fake TWS (it replays AAA in its native bar size, 86400 s, and intraday multiples of it)', '']);
    c.send(history(43, 'fortnightly', 0));
    expect((await c.next(isError(43, 321), '321 for a bar size IB does not have'))[4]).toBe(
      "Error validating request:-'bP' : cause - invalid bar size \"fortnightly\"");
    c.send(history(44, '1 day', 0));
    const bars = await c.next((f) => f[0] === '17' && f[1] === '44', 'the bars of a well-formed request');
    expect(Number(bars[4])).toBeGreaterThan(0);
  });
});

describe('reqMarketRule', () => {
  it('answers the rule contract details name (26) with its one increment, and refuses other ids with 321', async () => {
    await h.start();
    const c = await connectAt(176);
    c.send(contractDetailsFields(7, 'AAA'));
    const details = await c.next((f) => f[0] === '10' && f[1] === '7', 'contract details');
    expect(details[34]).toBe('26'); // marketRuleIds, at 176 (no lastTradeDate field)
    c.send([91, 26]);
    expect(await c.next((f) => f[0] === '93', 'MARKET_RULE')).toEqual(['93', '26', '1', '0', '0.01']);
    c.send([91, 635]);
    expect(await c.next(isError(-1, 321), '321 for an unknown rule')).toEqual(
      ['4', '2', '-1', '321', "Error validating request:-'REQ_MARKET_RULE' : cause - unknown market rule id 635", '']);
    c.send([91, 26, 1]);
    expect((await c.next(isError(26, 321), '321 for a malformed request'))[4]).toMatch(/REQ_MARKET_RULE.*expected 2 fields, got 3/);
  });
});

describe('requests without a request id that the fake answers empty', () => {
  // An error to id -1 cannot end a client's wait for these; "none" is the truthful answer of a fake without news or depth.
  it.each([176, 193] as const)('at %i: reqNewsProviders gets no providers and reqMktDepthExchanges no exchanges', async (version) => {
    await h.start();
    const c = await connectAt(version);
    c.send([85]);
    expect(await c.next((f) => f[0] === '85', 'NEWS_PROVIDERS')).toEqual(['85', '0']);
    c.send([82]);
    expect(await c.next((f) => f[0] === '80', 'MKT_DEPTH_EXCHANGES')).toEqual(['80', '0']);
    c.send([85, 1]);
    expect((await c.next(isError(-1, 321), '321 for a malformed request'))[4]).toMatch(/REQ_NEWS_PROVIDERS.*expected 1 fields, got 2/);
  });
});
