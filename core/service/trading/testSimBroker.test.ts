import { describe, expect, it } from 'vitest';
import { TestSimBroker } from './testSimBroker';
import type { BrokerBar, BrokerBarsError, BrokerLogEntry } from './tradingBroker';

const SETTINGS = { broker: 'ib', mode: 'PAPER', target: { host: '127.0.0.1', port: 7497, clientId: 1 } } as const;

/** The last 5-second slice of the daily bar of 2020-01-`day` (stamped 00:00 UTC). */
const sliceOf = (day: number): number => Date.UTC(2020, 0, day, 23, 59, 55);
const bar = (day: number, price: number): BrokerBar => ({ time: sliceOf(day), seconds: 5, open: price, high: price, low: price, close: price, volume: 1e9 });

describe('TestSimBroker bars', () => {
  it('sends each new bar, as the fake TWS does, to every listener while ready; nothing on subscribing, nothing after unsubscribing', async () => {
    const b = new TestSimBroker(SETTINGS, { AAA: [10, 11, 12, 13, 14], BBB: [20, 21, 22, 23, 24] });
    await b.connect(SETTINGS.target);
    const a: BrokerBar[] = [];
    const a2: BrokerBar[] = [];
    const bb: BrokerBar[] = [];
    const offA = b.subscribeBars('AAA', (x) => a.push(x));
    b.subscribeBars('AAA', (x) => a2.push(x));
    b.subscribeBars('BBB', (x) => bb.push(x));
    expect([a, a2, bb]).toEqual([[], [], []]);
    expect(b.barSubscribers('AAA')).toBe(2);
    b.step();
    b.step();
    expect(a).toEqual([bar(2, 11), bar(3, 12)]);
    expect(a2).toEqual(a);
    expect(bb).toEqual([bar(2, 21), bar(3, 22)]);
    offA();
    b.setState('reconnecting', 'connection lost');
    b.step(); // missed, as from a broker during an outage
    b.setState('ready');
    b.step();
    expect(a).toHaveLength(2);
    expect(a2).toEqual([bar(2, 11), bar(3, 12), bar(5, 14)]);
    expect(b.barSubscribers('AAA')).toBe(1);
  });

  it('tells onError and logs an unknown symbol', () => {
    const b = new TestSimBroker(SETTINGS, { AAA: [10, 11] });
    const log: BrokerLogEntry[] = [];
    b.onLog((e) => log.push(e));
    const errors: BrokerBarsError[] = [];
    b.subscribeBars('ZZZ', () => undefined, (e) => errors.push(e));
    expect(errors).toEqual([{ code: null, text: 'IB knows no US stock ZZZ' }]);
    expect(log).toEqual([expect.objectContaining({ level: 'error', text: 'no real-time bars for ZZZ: IB knows no US stock ZZZ' })]);
    expect(b.barSubscribers('ZZZ')).toBe(0);
  });
});
