import { EventName, WhatToShow } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { eventually, roundTrip, type TestClient } from './testing/ibTestClient';
import { stock, useHarness } from './testing/harness';
import { useRawSessions } from './testing/rawClient';

const h = useHarness();
const connectAt = useRawSessions(() => h.tws.port);

/** reqId, time (epoch s), open, high, low, close, volume, WAP, count: stoqey's realtimeBar arguments. */
type BarArgs = [number, number, number, number, number, number, number, number, number];

/** The last 5-second slice of the daily bar of 2020-01-`day` (stamped 00:00 UTC): 23:59:55 UTC. */
const sliceOf = (day: number): number => Date.UTC(2020, 0, day, 23, 59, 55) / 1000;

const bars = (c: TestClient, reqId?: number): BarArgs[] =>
  (c.of(EventName.realtimeBar) as BarArgs[]).filter((b) => reqId === undefined || b[0] === reqId);

/** A raw REQ_REAL_TIME_BARS: version 3, reqId, the contract (conId .. tradingClass), barSize, whatToShow, useRTH, options. */
const rawRequest = (reqId: number, symbol = 'AAA', barSize: number | string = 5, whatToShow = 'TRADES'): (string | number)[] => [
  50, 3, reqId, '', symbol, 'STK', '', 0, '', '', 'SMART', '', 'USD', '', '', barSize, whatToShow, 0, '',
];

describe('fake TWS real-time bars', () => {
  it('sends nothing on subscribing, then one bar per step: the new bar as its last 5-second slice; a cancel stops it', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.reqRealTimeBars(41, stock('AAA'), 5, WhatToShow.TRADES, false);
    await roundTrip(c);
    expect(bars(c)).toEqual([]);
    tws.step();
    await eventually(() => bars(c).length === 1, 'the first bar');
    // Bar 2020-01-02: [100, 102, 98, 99, 1,000,000]; WAP = close, count = volume / 100.
    expect(bars(c)).toEqual([[41, sliceOf(2), 100, 102, 98, 99, 1_000_000, 99, 10_000]]);
    tws.step();
    await eventually(() => bars(c).length === 2, 'the second bar');
    expect(bars(c)[1]).toEqual([41, sliceOf(3), 99, 100, 95, 96, 1_000_000, 96, 10_000]);
    c.api.cancelRealTimeBars(41);
    await roundTrip(c);
    tws.step();
    await roundTrip(c);
    expect(bars(c)).toHaveLength(2);
    expect(h.log).toEqual(expect.arrayContaining([expect.stringContaining('real-time bars 41 for AAA (TRADES)'), expect.stringContaining('real-time bars 41 cancelled')]));
    expect(c.decodeErrors()).toEqual([]);
    expect(c.errors).toEqual([]);
  });

  it('gives every subscription its own bar; MIDPOINT, BID and ASK carry quote prices without volume', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.reqRealTimeBars(42, stock('BBB'), 5, WhatToShow.TRADES, false);
    c.api.reqRealTimeBars(43, stock('AAA'), 5, WhatToShow.MIDPOINT, false);
    c.api.reqRealTimeBars(44, stock('AAA'), 5, WhatToShow.BID, true);
    c.api.reqRealTimeBars(45, stock('AAA'), 5, WhatToShow.ASK, false);
    await roundTrip(c);
    tws.step();
    await eventually(() => bars(c).length === 4, 'four bars');
    expect(bars(c, 42)).toEqual([[42, sliceOf(2), 50, 50.5, 49.5, 50, 1_000, 50, 10]]);
    expect(bars(c, 43)).toEqual([[43, sliceOf(2), 100, 102, 98, 99, -1, -1, -1]]);
    // Half the default 2 bp spread below (bid) and above (ask) each price, as the quote ticks.
    const [bid] = bars(c, 44);
    const [ask] = bars(c, 45);
    [100, 102, 98, 99].forEach((p, i) => {
      expect(bid[2 + i]).toBeCloseTo(p * (1 - 1e-4), 9);
      expect(ask[2 + i]).toBeCloseTo(p * (1 + 1e-4), 9);
    });
    expect([bid[1], bid[6], ask[1], ask[6]]).toEqual([sliceOf(2), -1, sliceOf(2), -1]);
    expect(c.decodeErrors()).toEqual([]);
  });

  it('sends no bar after the end of the data', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.reqRealTimeBars(41, stock('AAA'), 5, WhatToShow.TRADES, false);
    await roundTrip(c);
    tws.step(8); // 5 bars to the last one (2020-01-06), then nothing moves
    await eventually(() => c.infos.some((n) => n.code === 2199), 'end of data notice');
    await roundTrip(c);
    expect(bars(c).map((b) => b[1])).toEqual([2, 3, 4, 5, 6].map(sliceOf));
    expect(bars(c)[4]).toEqual([41, sliceOf(6), 105, 107, 104, 106, 1_000_000, 106, 10_000]);
  });

  it('1101 (data lost) forgets the subscriptions, 1102 keeps them', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.reqRealTimeBars(41, stock('AAA'), 5, WhatToShow.TRADES, false);
    await roundTrip(c);
    tws.faults.connectivityRestored(false);
    tws.step();
    await eventually(() => bars(c).length === 1, 'a bar after 1102');
    tws.faults.connectivityRestored(true);
    await eventually(() => c.infos.some((n) => n.code === 1101), '1101');
    tws.step();
    await roundTrip(c);
    expect(bars(c)).toHaveLength(1);
    // Renewed (the old id is free again): the next step streams once.
    c.api.reqRealTimeBars(41, stock('AAA'), 5, WhatToShow.TRADES, false);
    await roundTrip(c);
    tws.step();
    await eventually(() => bars(c).length === 2, 'a bar after renewing');
    expect(bars(c)[1][1]).toBe(sliceOf(4));
    expect(c.errors).toEqual([]);
  });

  it('subscriptions end with their connection: after a restart the same id subscribes afresh and streams once', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.reqRealTimeBars(41, stock('AAA'), 5, WhatToShow.TRADES, false);
    await roundTrip(c);
    await tws.faults.restart();
    await eventually(() => c.disconnected() && tws.clientCount() === 0, 'the drop');
    const again = await h.connect();
    tws.step();
    await roundTrip(again);
    expect(bars(again)).toEqual([]);
    again.api.reqRealTimeBars(41, stock('AAA'), 5, WhatToShow.TRADES, false);
    await roundTrip(again);
    tws.step();
    await eventually(() => bars(again).length === 1, 'a bar on the new connection');
    expect(bars(again)).toEqual([[41, sliceOf(3), 99, 100, 95, 96, 1_000_000, 96, 10_000]]);
    expect(again.errors).toEqual([]);
  });

  it('refuses other bar sizes and kinds (321 naming the field), unknown contracts (200), a duplicate id (322), and without permission (420)', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.reqRealTimeBars(46, stock('AAA'), 10, WhatToShow.TRADES, false);
    c.api.reqRealTimeBars(47, stock('AAA'), 5, 'TRADEZ' as WhatToShow, false);
    c.api.reqRealTimeBars(48, stock('ZZZ'), 5, WhatToShow.TRADES, false);
    c.api.reqRealTimeBars(49, stock('AAA'), 5, WhatToShow.TRADES, false);
    c.api.reqRealTimeBars(49, stock('BBB'), 5, WhatToShow.TRADES, false);
    await roundTrip(c);
    tws.faults.marketDataNotSubscribed();
    c.api.reqRealTimeBars(50, stock('AAA'), 5, WhatToShow.TRADES, false);
    await eventually(() => c.errors.length === 5, 'five errors');
    expect(c.errors.map((e) => [e.id, e.code])).toEqual([[46, 321], [47, 321], [48, 200], [49, 322], [50, 420]]);
    expect(c.errors[0].message).toContain('REQ_REAL_TIME_BARS: field 15 (barSize) must be 5');
    expect(c.errors[0].message).toContain('got 10');
    expect(c.errors[1].message).toContain('REQ_REAL_TIME_BARS: field 16 (whatToShow) must be one of TRADES, MIDPOINT, BID, ASK, got "TRADEZ"');
    expect(c.errors[4].message).toMatch(/No market data permissions/);
    tws.step();
    await eventually(() => bars(c).length === 1, 'the one valid subscription');
    expect(bars(c)[0].slice(0, 3)).toEqual([49, sliceOf(2), 100]); // AAA's, not the duplicate's BBB
    expect(c.decodeErrors()).toEqual([]);
  });

  it('malformedRealTimeBarNext sends one bar with high and low swapped', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.reqRealTimeBars(41, stock('AAA'), 5, WhatToShow.TRADES, false);
    await roundTrip(c);
    tws.faults.malformedRealTimeBarNext();
    tws.step(2);
    await eventually(() => bars(c).length === 2, 'two bars');
    expect(bars(c).map((b) => [b[3], b[4]])).toEqual([[98, 102], [100, 95]]);
  });
});

describe.each([176, 193] as const)('fake TWS real-time bars, raw socket at negotiated version %i', (version) => {
  it('reads the 19-field request and sends REAL_TIME_BARS field by field; cancels with CANCEL_REAL_TIME_BARS', async () => {
    const tws = await h.start();
    const c = await connectAt(version);
    c.send(rawRequest(41));
    let from = await c.sync();
    tws.step();
    await c.next((f) => f[0] === '50', 'realtime bar', from);
    expect(c.all(50, from)).toEqual([['50', '3', '41', String(sliceOf(2)), '100', '102', '98', '99', '1000000', '99', '10000']]);
    c.send([51, 1, 41]);
    from = await c.sync();
    tws.step();
    await c.sync();
    expect(c.all(50, from)).toEqual([]);
    expect(c.all(4).filter((f) => f[2] !== '-1')).toEqual([]);
  });

  it('a request of the wrong length, or a bar size as text, is refused with 321 for its id', async () => {
    const tws = await h.start();
    const c = await connectAt(version);
    c.send(rawRequest(41).slice(0, -1));
    c.send([...rawRequest(42), '']);
    c.send(rawRequest(43, 'AAA', '5 secs'));
    c.send([51, 1]);
    const from = await c.sync();
    const errors = c.all(4).filter((f) => f[3] === '321');
    expect(errors.map((f) => [f[2], f[4]])).toEqual([
      ['41', 'Error validating request: REQ_REAL_TIME_BARS: expected 19 fields, got 18'],
      ['42', 'Error validating request: REQ_REAL_TIME_BARS: expected 19 fields, got 20'],
      ['43', 'Error validating request: REQ_REAL_TIME_BARS: field 15 (barSize) must be an integer, got "5 secs"'],
      ['-1', 'Error validating request: CANCEL_REAL_TIME_BARS: expected 3 fields, got 2'],
    ]);
    tws.step();
    await c.sync();
    expect(c.all(50, from)).toEqual([]);
  });
});
