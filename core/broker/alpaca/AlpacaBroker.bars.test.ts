import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerBar, BrokerBarsError } from '../../service/trading/tradingBroker';
import { eventually, startAlpacaRig, type AlpacaRig, type RigOptions } from './testing/alpacaRig';

let rig: AlpacaRig | undefined;
let fakeLog: string[] = [];
afterEach(async () => {
  await rig?.close();
  rig = undefined;
  fakeLog = [];
});

/** A rig whose fake logs every market-data subscribe and unsubscribe it receives. */
const start = (opts: RigOptions = {}) => startAlpacaRig({ ...opts, fake: { log: (l) => fakeLog.push(l) } });
const said = (line: string): number => fakeLog.filter((l) => l === `data stream: ${line}`).length;

/** The rig's daily bars (stamped 00:00 UTC from 2020-01-01, the replay at bar 5) as the `bars` channel carries them. */
const START_BAR = 5;
const aaa = (i: number): BrokerBar => ({ time: Date.UTC(2020, 0, 1 + i), seconds: 60, open: 100, high: 101, low: 99, close: 100, volume: 1_000_000 });
const bbb = (i: number): BrokerBar => ({ time: Date.UTC(2020, 0, 1 + i), seconds: 60, open: 50, high: 51, low: 49, close: 50, volume: 1_000_000 });

describe('AlpacaBroker bars', () => {
  it('streams each new bar to every listener from the bars channel of the shared data stream; the last unsubscribe ends it', async () => {
    rig = await start();
    const a: BrokerBar[] = [];
    const b: BrokerBar[] = [];
    const c: BrokerBar[] = [];
    const offA = rig.broker.subscribeBars('AAA', (bar) => a.push(bar));
    const offB = rig.broker.subscribeBars('AAA', (bar) => b.push(bar));
    rig.broker.subscribeBars('BBB', (bar) => c.push(bar));
    rig.broker.subscribeQuotes('AAA', () => undefined);
    await eventually(() => said('subscribe bars AAA') === 1 && said('subscribe bars BBB') === 1 && said('subscribe quotes AAA') === 1, 'the subscriptions', 10_000);
    rig.fake.step(2);
    await eventually(() => a.length === 2 && c.length === 2, 'two bars each', 10_000);
    expect(a).toEqual([aaa(START_BAR + 1), aaa(START_BAR + 2)]);
    expect(b).toEqual(a);
    expect(c).toEqual([bbb(START_BAR + 1), bbb(START_BAR + 2)]);
    offA();
    expect(said('unsubscribe bars AAA')).toBe(0);
    offB();
    await eventually(() => said('unsubscribe bars AAA') === 1, 'the unsubscribe', 10_000);
    rig.fake.step();
    // One frame batch carries a step's bars: BBB's arriving means AAA's would have too.
    await eventually(() => c.length === 3, 'BBB streams on', 10_000);
    expect([a.length, b.length]).toEqual([2, 2]);
    expect(rig.log.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('streams what was subscribed before connecting, and again after the data stream drops and after a reconnect, each bar once', async () => {
    rig = await start({ connect: false });
    const bars: BrokerBar[] = [];
    rig.broker.subscribeBars('AAA', (bar) => bars.push(bar));
    await rig.broker.connect(rig.target());
    await eventually(() => said('subscribe bars AAA') === 1, 'the subscription', 10_000);
    rig.fake.step();
    await eventually(() => bars.length === 1, 'a bar', 10_000);
    rig.fake.faults.dropDataStream();
    // The SDK reconnects (after about a second) and subscribes again.
    await eventually(() => said('subscribe bars AAA') === 2, 'the subscription renewed by the SDK', 10_000);
    rig.fake.step();
    await eventually(() => bars.length === 2, 'a bar after the drop', 10_000);
    rig.broker.disconnect();
    await rig.broker.connect(rig.target());
    await eventually(() => said('subscribe bars AAA') === 3, 'the subscription made again on the new connection', 10_000);
    rig.fake.step();
    await eventually(() => bars.length === 3, 'a bar after the reconnect', 10_000);
    rig.fake.step();
    await eventually(() => bars.length === 4, 'the next bar', 10_000);
    expect(bars).toEqual([1, 2, 3, 4].map((k) => aaa(START_BAR + k)));
  });

  it('tells onError and logs a symbol Alpaca does not know', async () => {
    rig = await start();
    const errors: BrokerBarsError[] = [];
    rig.broker.subscribeBars('NOPE', () => undefined, (e) => errors.push(e));
    await eventually(() => errors.length === 1, 'the refusal', 10_000);
    expect(errors).toEqual([{ code: null, text: 'Alpaca does not know the symbol NOPE' }]);
    expect(rig.log).toContainEqual(expect.objectContaining({ level: 'error', text: 'no minute bars for NOPE: Alpaca does not know the symbol NOPE; asked for again on the next connection' }));
  });
});
