import type { Bar } from '../data/BarSeries';
import type { Timestamp } from '../domain/order';
import type { BarField, DataView } from '../sim/DataView';
import type { StrategyFn, Targets, PortfolioView } from './types';

/** Test-only bars: a close is enough for the built-in strategies; other fields default to it. */
export interface TestBar {
  ts: Timestamp;
  close: number;
}

const DAY_MS = 86_400_000;

/** Daily bars stamped at 00:00 UTC from `start` (YYYY-MM-DD), one per consecutive calendar day. */
export function dailyBars(start: string, closes: readonly number[]): TestBar[] {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return closes.map((close, i) => ({ ts: t0 + i * DAY_MS, close }));
}

/** Bars on explicit dates (YYYY-MM-DD), for calendars with gaps. */
export function barsOn(dates: readonly string[], closes: readonly number[]): TestBar[] {
  if (dates.length !== closes.length) throw new Error('barsOn: dates and closes differ in length');
  return dates.map((d, i) => ({ ts: Date.parse(`${d}T00:00:00Z`), close: closes[i] }));
}

/**
 * A DataView over plain arrays that only ever exposes bars stamped at or before asOf,
 * so strategy tests exercise the same gating the real TimeMachine enforces.
 */
export function testView(
  data: Readonly<Record<string, readonly TestBar[]>>,
  asOf: Timestamp,
  sessionIndex = 0,
): DataView {
  const symbols = Object.keys(data);
  const visible = (symbol: string): readonly TestBar[] => {
    const bars = data[symbol];
    if (!bars) throw new Error(`testView: unknown symbol "${symbol}"`);
    let n = 0;
    while (n < bars.length && bars[n].ts <= asOf) n++;
    return bars.slice(0, n);
  };
  const field = (bar: TestBar, f: BarField): number => (f === 'volume' ? 0 : bar.close);
  const value = (symbol: string, f: BarField, ago = 0): number => {
    if (ago < 0) throw new Error(`testView: look-ahead read of ${symbol} (ago ${ago})`);
    const bars = visible(symbol);
    const bar = bars[bars.length - 1 - ago];
    return bar ? field(bar, f) : NaN;
  };
  return {
    asOf,
    sessionIndex,
    symbols,
    barCount: (symbol) => visible(symbol).length,
    lastTs: (symbol) => {
      const bars = visible(symbol);
      return bars.length ? bars[bars.length - 1].ts : NaN;
    },
    tradingNow: () => {
      const trading = symbols.filter((symbol) => visible(symbol).at(-1)?.ts === asOf);
      return trading.length === symbols.length ? symbols : trading;
    },
    value,
    close: (symbol, ago) => value(symbol, 'close', ago),
    bars: (symbol) => {
      visible(symbol);
      return {
        symbol,
        count: () => visible(symbol).length,
        close: (ago) => value(symbol, 'close', ago),
        value: (f, ago) => value(symbol, f, ago),
      };
    },
    history: (symbol, f, n) => Float64Array.from(visible(symbol).slice(-n), (b) => field(b, f)),
    stamps: (symbol, n) => Float64Array.from(visible(symbol).slice(-n), (b) => b.ts),
    barAt: (symbol, ts): Bar | undefined => {
      if (ts > asOf) throw new Error(`testView: look-ahead barAt of ${symbol}`);
      const bar = visible(symbol).find((b) => b.ts === ts);
      return bar && { ts: bar.ts, open: bar.close, high: bar.close, low: bar.close, close: bar.close, volume: 0 };
    },
  };
}

/** Every distinct bar timestamp across the symbols, ascending: the run's session calendar. */
export function sessionsOf(data: Readonly<Record<string, readonly TestBar[]>>): Timestamp[] {
  const all = new Set<number>();
  for (const bars of Object.values(data)) for (const b of bars) all.add(b.ts);
  return [...all].sort((a, b) => a - b);
}

export const EMPTY_PORTFOLIO: PortfolioView = { cash: 0, equity: 0, positions: new Map() };

/** Calls the strategy once per session, in order, and returns what it decided at each. */
export function runSessions(
  fn: StrategyFn,
  data: Readonly<Record<string, readonly TestBar[]>>,
): { asOf: Timestamp; targets: Targets | null }[] {
  return sessionsOf(data).map((asOf, i) => ({ asOf, targets: fn(asOf, testView(data, asOf, i), EMPTY_PORTFOLIO) }));
}

/** A Targets map as a plain object, for readable toEqual assertions. */
export function plain(targets: Targets | null): { kind: string; values: Record<string, number> } | null {
  return targets && { kind: targets.kind, values: Object.fromEntries(targets.values) };
}
