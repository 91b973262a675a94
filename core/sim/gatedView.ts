import { barAt, type Bar, type BarSeries } from '../data/BarSeries';
import type { Timestamp } from '../domain/order';
import type { BarField, DataView, SymbolBars } from './DataView';

/** What a view reads of its TimeMachine: the live clock, how many bars each series has at asOf, and the look-ahead rule. */
export interface ViewClock {
  readonly series: readonly BarSeries[];
  readonly asOf: Timestamp;
  readonly sessionIndex: number;
  /** Per series: number of bars stamped at or before asOf. */
  readonly barCounts: Int32Array;
  indexOf(symbol: string): number;
  tradingSymbols(all: readonly string[]): readonly string[];
  /** Throws in strict mode; otherwise counts the attempt. */
  lookAhead(symbol: string, requested: string): void;
}

/** Named loads, one per field: s[field] is a keyed load the compiler cannot make cheap across fields. */
function column(s: BarSeries, field: BarField): Float64Array {
  switch (field) {
    case 'close':
      return s.close;
    case 'open':
      return s.open;
    case 'high':
      return s.high;
    case 'low':
      return s.low;
    case 'volume':
      return s.volume;
  }
}

/*
 * Classes, not object literals of closures: every run makes a new view, and closures made per run are new
 * functions to the compiler each time, so a sweep's thousand runs could never inline a strategy's reads.
 * The machine sits in a private field, out of a strategy's reach: it only ever sees gated reads.
 */

class GatedSymbolBars implements SymbolBars {
  readonly #clock: ViewClock;
  readonly #s: number;
  readonly #series: BarSeries;

  constructor(
    clock: ViewClock,
    s: number,
    readonly symbol: string,
  ) {
    this.#clock = clock;
    this.#s = s;
    this.#series = clock.series[s];
    Object.freeze(this);
  }

  count(): number {
    return this.#clock.barCounts[this.#s];
  }

  close(ago = 0): number {
    if (ago < 0) {
      this.#clock.lookAhead(this.symbol, `close ${-ago} bar(s) ahead`);
      return Number.NaN;
    }
    const i = this.#clock.barCounts[this.#s] - 1 - ago;
    return i >= 0 ? this.#series.close[i] : Number.NaN;
  }

  value(field: BarField, ago = 0): number {
    if (ago < 0) {
      this.#clock.lookAhead(this.symbol, `${field} ${-ago} bar(s) ahead`);
      return Number.NaN;
    }
    const i = this.#clock.barCounts[this.#s] - 1 - ago;
    return i >= 0 ? column(this.#series, field)[i] : Number.NaN;
  }
}

export class GatedView implements DataView {
  readonly #clock: ViewClock;
  readonly #bars: SymbolBars[] = [];

  constructor(
    clock: ViewClock,
    readonly symbols: readonly string[],
  ) {
    this.#clock = clock;
    Object.freeze(this);
  }

  get asOf(): Timestamp {
    return this.#clock.asOf;
  }

  get sessionIndex(): number {
    return this.#clock.sessionIndex;
  }

  tradingNow(): readonly string[] {
    return this.#clock.tradingSymbols(this.symbols);
  }

  barCount(symbol: string): number {
    const clock = this.#clock;
    return clock.barCounts[clock.indexOf(symbol)];
  }

  lastTs(symbol: string): Timestamp {
    const clock = this.#clock;
    const s = clock.indexOf(symbol);
    const c = clock.barCounts[s];
    return c > 0 ? clock.series[s].ts[c - 1] : Number.NaN;
  }

  value(symbol: string, field: BarField, ago = 0): number {
    const clock = this.#clock;
    const s = clock.indexOf(symbol);
    if (ago < 0) {
      clock.lookAhead(symbol, `${field} ${-ago} bar(s) ahead`);
      return Number.NaN;
    }
    const i = clock.barCounts[s] - 1 - ago;
    return i >= 0 ? column(clock.series[s], field)[i] : Number.NaN;
  }

  close(symbol: string, ago = 0): number {
    const clock = this.#clock;
    const s = clock.indexOf(symbol);
    if (ago < 0) {
      clock.lookAhead(symbol, `close ${-ago} bar(s) ahead`);
      return Number.NaN;
    }
    // value(symbol, 'close', ago) without the field switch: strategies read closes most.
    const i = clock.barCounts[s] - 1 - ago;
    return i >= 0 ? clock.series[s].close[i] : Number.NaN;
  }

  bars(symbol: string): SymbolBars {
    const clock = this.#clock;
    const s = clock.indexOf(symbol);
    return (this.#bars[s] ??= new GatedSymbolBars(clock, s, this.symbols[s]));
  }

  history(symbol: string, field: BarField, n: number): Float64Array {
    const clock = this.#clock;
    const s = clock.indexOf(symbol);
    const end = clock.barCounts[s];
    // A copy, not a subarray: a view's .buffer would expose the bars after asOf.
    return column(clock.series[s], field).slice(Math.max(0, end - Math.max(0, n)), end);
  }

  stamps(symbol: string, n: number): Float64Array {
    const clock = this.#clock;
    const s = clock.indexOf(symbol);
    const end = clock.barCounts[s];
    return clock.series[s].ts.slice(Math.max(0, end - Math.max(0, n)), end);
  }

  barAt(symbol: string, ts: Timestamp): Bar | undefined {
    const clock = this.#clock;
    const s = clock.indexOf(symbol);
    if (ts > clock.asOf) {
      clock.lookAhead(symbol, `the bar at ${new Date(ts).toISOString()}`);
      return undefined;
    }
    const series = clock.series[s];
    let lo = 0;
    let hi = clock.barCounts[s] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = series.ts[mid];
      if (t === ts) return barAt(series, mid);
      if (t < ts) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}
