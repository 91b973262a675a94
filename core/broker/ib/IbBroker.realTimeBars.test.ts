import { afterEach, describe, expect, it } from 'vitest';
import { DIP_BAR, START_BAR, decodeErrors, eventually, startRig, type IbRig } from './testing/ibRig';
import type { RealTimeBar, RealTimeBarsError } from './types';

let rig: IbRig | undefined;
let fakeLog: string[] = [];
afterEach(async () => {
  await rig?.close();
  rig = undefined;
  fakeLog = [];
});

/** A rig whose fake TWS log is kept: it names every real-time bar request and cancel it receives. */
const start = () => startRig({ fake: { log: (l) => fakeLog.push(l) } });

const ready = (r: IbRig) => eventually(() => r.broker.connectionState.state === 'ready', 'the connection to be ready');

/** Request ids of the real-time bar requests the fake received for `symbol`, in order. */
const requests = (symbol: string): number[] =>
  fakeLog.flatMap((l) => {
    const m = new RegExp(`real-time bars (\\d+) for ${symbol} \\(TRADES\\)$`).exec(l);
    return m ? [Number(m[1])] : [];
  });
const cancels = (): string[] => fakeLog.filter((l) => / real-time bars \d+ cancelled$/.test(l));

/** The rig's daily bars (stamped 00:00 UTC from 2020-01-01) as the fake streams them: the last 5-second slice of bar `i`. */
const sliceOf = (i: number): number => Date.UTC(2020, 0, 1 + i, 23, 59, 55);
const aaa = (i: number): RealTimeBar =>
  i === DIP_BAR
    ? { time: sliceOf(i), seconds: 5, open: 100, high: 100, low: 90, close: 100, volume: 1_000_000 }
    : { time: sliceOf(i), seconds: 5, open: 100, high: 101, low: 99, close: 100, volume: 1_000_000 };
const bbb = (i: number): RealTimeBar => ({ time: sliceOf(i), seconds: 5, open: 50, high: 51, low: 49, close: 50, volume: 1_000_000 });

/** Every bar the fake sent before now has arrived: a reconciliation is a round trip on the same socket. */
const drained = (r: IbRig) => r.broker.sync();

describe('IbBroker real-time bars', () => {
  it('streams each new bar once to every listener over one TWS request per symbol; the last unsubscribe cancels it', async () => {
    rig = await start();
    const a: RealTimeBar[] = [];
    const b: RealTimeBar[] = [];
    const c: RealTimeBar[] = [];
    const offA = rig.broker.subscribeBars('AAA', (bar) => a.push(bar));
    const offB = rig.broker.subscribeBars('AAA', (bar) => b.push(bar));
    rig.broker.subscribeBars('BBB', (bar) => c.push(bar));
    await eventually(() => requests('AAA').length === 1 && requests('BBB').length === 1, 'the two requests');
    await drained(rig);
    expect([a, b, c]).toEqual([[], [], []]); // nothing on subscribing
    rig.tws.step(DIP_BAR - START_BAR);
    await eventually(() => a.length === 3 && c.length === 3, 'three bars');
    const want = [START_BAR + 1, START_BAR + 2, DIP_BAR];
    expect(a).toEqual(want.map(aaa));
    expect(b).toEqual(a);
    expect(c).toEqual(want.map(bbb));
    offA();
    rig.tws.step();
    await eventually(() => b.length === 4, 'the other listener still streams');
    expect(cancels()).toEqual([]);
    offB();
    await eventually(() => cancels().length === 1, 'the cancel');
    rig.tws.step();
    await eventually(() => c.length === 5, 'BBB streams on');
    await drained(rig);
    expect([a.length, b.length]).toEqual([3, 4]);
    expect(requests('AAA')).toHaveLength(1);
    expect(decodeErrors(rig)).toEqual([]);
    expect(rig.log.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('asks for a stream subscribed before connecting once the connection is ready', async () => {
    rig = await startRig({ connect: false, fake: { log: (l) => fakeLog.push(l) } });
    const bars: RealTimeBar[] = [];
    rig.broker.subscribeBars('BBB', (bar) => bars.push(bar));
    await rig.broker.connect({ host: '127.0.0.1', port: rig.tws.port, clientId: rig.clientId });
    await eventually(() => requests('BBB').length === 1, 'the request');
    rig.tws.step();
    await eventually(() => bars.length === 1, 'a bar');
    await drained(rig);
    expect(bars).toEqual([bbb(START_BAR + 1)]);
    expect(requests('BBB')).toHaveLength(1);
  });

  it('renews the request with a fresh id after a restart and after dropped connections, streaming each bar once', async () => {
    rig = await start();
    const bars: RealTimeBar[] = [];
    rig.broker.subscribeBars('AAA', (bar) => bars.push(bar));
    await eventually(() => requests('AAA').length === 1, 'the request');
    await rig.tws.faults.restart({ downMs: 50 });
    await eventually(() => requests('AAA').length === 2, 'the request renewed after the restart');
    await ready(rig);
    rig.tws.step();
    await eventually(() => bars.length === 1, 'a bar');
    rig.tws.faults.dropConnections();
    await eventually(() => requests('AAA').length === 3, 'the request renewed after the drop');
    await ready(rig);
    rig.tws.step();
    await eventually(() => bars.length === 2, 'another bar');
    await drained(rig);
    expect(bars).toEqual([aaa(START_BAR + 1), aaa(START_BAR + 2)]);
    const ids = requests('AAA');
    expect(new Set(ids).size).toBe(3);
  });

  it('1101 (data lost) renews the request with a fresh id; 1102 keeps it', async () => {
    rig = await start();
    const bars: RealTimeBar[] = [];
    rig.broker.subscribeBars('AAA', (bar) => bars.push(bar));
    await eventually(() => requests('AAA').length === 1, 'the request');
    rig.tws.faults.connectivityLost();
    await eventually(() => rig?.broker.connectionState.state === 'degraded', 'degraded');
    rig.tws.faults.connectivityRestored(false);
    await ready(rig);
    await drained(rig);
    rig.tws.step();
    await eventually(() => bars.length === 1, 'a bar after 1102');
    expect(requests('AAA')).toHaveLength(1);
    rig.tws.faults.connectivityLost();
    await eventually(() => rig?.broker.connectionState.state === 'degraded', 'degraded again');
    rig.tws.faults.connectivityRestored(true);
    await eventually(() => requests('AAA').length === 2, 'the request renewed after 1101');
    await ready(rig);
    rig.tws.step();
    await eventually(() => bars.length === 2, 'a bar after 1101');
    await drained(rig);
    expect(bars).toEqual([aaa(START_BAR + 1), aaa(START_BAR + 2)]);
    expect(requests('AAA')[1]).not.toBe(requests('AAA')[0]);
  });

  it('logs a refused stream naming the symbol, tells onError, and asks again on the next connection', async () => {
    rig = await start();
    rig.tws.faults.marketDataNotSubscribed(true);
    const bars: RealTimeBar[] = [];
    const errors: RealTimeBarsError[] = [];
    rig.broker.subscribeBars('AAA', (bar) => bars.push(bar), (e) => errors.push(e));
    await eventually(() => errors.length === 1, 'the refusal');
    expect(errors[0]).toEqual({ code: 420, text: expect.stringMatching(/No market data permissions/) });
    expect(rig.log).toContainEqual(expect.objectContaining({ level: 'error', text: expect.stringMatching(/^no real-time bars for AAA \(420\): Invalid Real-time Query/) }));
    rig.tws.step();
    await drained(rig);
    expect(bars).toEqual([]);
    rig.tws.faults.marketDataNotSubscribed(false);
    rig.tws.faults.dropConnections();
    await eventually(() => requests('AAA').length === 1, 'the request made again on the new connection');
    await ready(rig);
    rig.tws.step();
    await eventually(() => bars.length === 1, 'a bar');
    expect(bars).toEqual([aaa(START_BAR + 2)]);
    expect(errors).toHaveLength(1);
  });

  it('tells onError and logs when the symbol is unknown to TWS', async () => {
    rig = await start();
    const errors: RealTimeBarsError[] = [];
    rig.broker.subscribeBars('ZZZ', () => undefined, (e) => errors.push(e));
    await eventually(() => errors.length === 1, 'the look-up failure');
    expect(errors[0]).toEqual({ code: null, text: expect.stringMatching(/looking up ZZZ: TWS error 200/) });
    expect(rig.log).toContainEqual(expect.objectContaining({ level: 'error', text: expect.stringMatching(/^no real-time bars for ZZZ: /) }));
    expect(requests('ZZZ')).toEqual([]);
  });

  it('logs and drops a malformed bar, then streams on', async () => {
    rig = await start();
    const bars: RealTimeBar[] = [];
    rig.broker.subscribeBars('AAA', (bar) => bars.push(bar));
    await eventually(() => requests('AAA').length === 1, 'the request');
    rig.tws.faults.malformedRealTimeBarNext();
    rig.tws.step();
    await eventually(() => rig?.log.some((e) => /ignored a malformed realTimeBar from TWS \(high: high is below low\)/.test(e.text)), 'the malformed bar logged');
    rig.tws.step();
    await eventually(() => bars.length === 1, 'the next bar');
    expect(bars).toEqual([aaa(START_BAR + 2)]);
  });
});
