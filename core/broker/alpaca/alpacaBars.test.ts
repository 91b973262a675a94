import type { streaming } from '@alpacahq/alpaca-trade-api';
import { describe, expect, it } from 'vitest';
import type { BrokerBar, BrokerBarsError } from '../../service/trading/tradingBroker';
import { AlpacaBars } from './alpacaBars';
import type { AlpacaDataStream } from './alpacaDataStream';

/** A stand-in for the connection's data stream: records (un)subscriptions and lets the test emit bars. */
function stubStream() {
  let handler: ((b: streaming.StreamBar) => void) | null = null;
  const calls: string[] = [];
  const stream = {
    onBar(fn: (b: streaming.StreamBar) => void) {
      handler = fn;
      return stream;
    },
    subscribeForBars: (symbols: string[]) => calls.push(`+${symbols.join(',')}`),
    unsubscribeFromBars: (symbols: string[]) => calls.push(`-${symbols.join(',')}`),
  };
  const data = { bind: (b: (s: typeof stream) => void) => b(stream), open: () => stream, current: () => stream } as unknown as AlpacaDataStream;
  return { data, calls, emit: (b: Partial<streaming.StreamBar>) => handler?.(b as streaming.StreamBar) };
}

const T0 = Date.UTC(2024, 2, 1, 14, 30);
const raw = (minute: number, over: Partial<streaming.StreamBar> = {}): Partial<streaming.StreamBar> => ({
  symbol: 'AAA', timestamp: new Date(T0 + minute * 60_000), open: 10, high: 11, low: 9, close: 10.5, volume: 1200, ...over,
});

function setup() {
  const log: string[] = [];
  const bars = new AlpacaBars((level, text) => log.push(`${level}: ${text}`));
  const s = stubStream();
  bars.attach(s.data, async (symbol) => symbol !== 'NOPE');
  return { bars, log, ...s };
}

describe('AlpacaBars', () => {
  it('hands on checked minute bars in time order and drops malformed, repeated and older ones with a log line', () => {
    const { bars, log, emit, calls } = setup();
    const got: BrokerBar[] = [];
    bars.subscribe('AAA', (b) => got.push(b));
    expect(calls).toEqual(['+AAA']);
    emit(raw(0));
    emit(raw(1, { high: 8 }));
    emit(raw(1, { close: Number.NaN }));
    emit(raw(1, { timestamp: new Date(Number.NaN) }));
    emit(raw(1, { volume: -5 }));
    emit(raw(0));
    emit(raw(1));
    emit(raw(2, { symbol: 'BBB' }));
    expect(got).toEqual([
      { time: T0, seconds: 60, open: 10, high: 11, low: 9, close: 10.5, volume: 1200 },
      { time: T0 + 60_000, seconds: 60, open: 10, high: 11, low: 9, close: 10.5, volume: 1200 },
    ]);
    expect(log).toEqual([
      'warning: ignored a malformed minute bar of AAA (high: high is below low)',
      expect.stringMatching(/^warning: ignored a malformed minute bar of AAA \(close: /),
      expect.stringMatching(/^warning: ignored a malformed minute bar of AAA \(timestamp: /),
      expect.stringMatching(/^warning: ignored a malformed minute bar of AAA \(volume: /),
      'warning: dropped a minute bar of AAA at 2024-03-01T14:30:00.000Z: not after the last one (2024-03-01T14:30:00.000Z)',
    ]);
  });

  it('isolates a failing listener, and unsubscribes with the last one', () => {
    const { bars, log, emit, calls } = setup();
    const got: number[] = [];
    const offA = bars.subscribe('AAA', () => {
      throw new Error('boom');
    });
    const offB = bars.subscribe('AAA', (b) => got.push(b.time));
    emit(raw(0));
    expect(got).toEqual([T0]);
    expect(log).toEqual(['error: a minute bar listener of AAA failed: boom']);
    offA();
    expect(calls).toEqual(['+AAA']);
    offB();
    expect(calls).toEqual(['+AAA', '-AAA']);
    emit(raw(1));
    expect(got).toEqual([T0]);
  });

  it('tells onError about an unknown symbol; keeps subscriptions across connections and ignores a detached stream', async () => {
    const { bars, log, emit } = setup();
    const errors: BrokerBarsError[] = [];
    bars.subscribe('NOPE', () => undefined, (e) => errors.push(e));
    await new Promise((r) => setImmediate(r));
    expect(errors).toEqual([{ code: null, text: 'Alpaca does not know the symbol NOPE' }]);
    expect(log).toEqual(['error: no minute bars for NOPE: Alpaca does not know the symbol NOPE; asked for again on the next connection']);
    const got: number[] = [];
    bars.subscribe('AAA', (b) => got.push(b.time));
    bars.detach();
    emit(raw(0));
    const next = stubStream();
    bars.attach(next.data, async () => true);
    expect(next.calls).toEqual(['+NOPE', '+AAA']);
    emit(raw(1)); // the old stream
    next.emit(raw(2));
    expect(got).toEqual([T0 + 120_000]);
  });
});
