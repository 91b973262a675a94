import { barAt, type Bar, type BarSeries } from '../../data/BarSeries';
import type { Instrument } from '../model';
import { conIdFor } from './conId';

/** Default first step: a year of daily bars lies behind "now", for historical requests. */
const DEFAULT_START_BAR = 252;
const DAY_MS = 86_400_000;

/**
 * The fake's market clock over a set of bar series: one step moves to the next timestamp of the union
 * of all series' timestamps. The current bar of each symbol is the last one at or before that time;
 * nothing later is ever visible (historical requests and quotes read only up to it).
 */
export class Market {
  readonly instruments: readonly Instrument[];
  private readonly bySymbol = new Map<string, Instrument>();
  private readonly byConId = new Map<number, Instrument>();
  private calendar: Float64Array;
  private readonly cursor: Int32Array;
  private t: number;
  private stepCount = 0;

  /** `startBar`: calendar step the replay starts at; default 252, or the last step of shorter data. */
  constructor(
    readonly series: readonly BarSeries[],
    startBar?: number,
  ) {
    if (series.length === 0) throw new Error('fake TWS market: no series given');
    const used = new Set<number>();
    this.instruments = series.map((s, index) => {
      if (s.length === 0) throw new Error(`fake TWS market: series ${s.symbol} has no bars`);
      if (this.bySymbol.has(s.symbol)) throw new Error(`fake TWS market: symbol ${s.symbol} appears twice`);
      const inst: Instrument = { symbol: s.symbol, conId: conIdFor(s.symbol, used), index };
      this.bySymbol.set(s.symbol, inst);
      this.byConId.set(inst.conId, inst);
      return inst;
    });
    const all = new Set<number>();
    for (const s of series) for (const ts of s.ts) all.add(ts);
    this.calendar = Float64Array.from([...all].sort((a, b) => a - b));
    startBar ??= Math.min(DEFAULT_START_BAR, this.calendar.length - 1);
    if (!Number.isInteger(startBar) || startBar < 0 || startBar >= this.calendar.length) {
      throw new Error(`fake TWS market: startBar must be an integer in 0..${this.calendar.length - 1}, got ${startBar}`);
    }
    this.t = startBar;
    this.cursor = new Int32Array(series.length).fill(-1);
    this.seek();
  }

  /** Epoch ms of the current market time (the stamp of the latest bar). */
  get time(): number {
    return this.calendar[this.t];
  }

  /** How many steps were taken since the start. */
  get steps(): number {
    return this.stepCount;
  }

  atEnd(): boolean {
    return this.t >= this.calendar.length - 1;
  }

  /** Advances one timestamp; returns the instruments that got a new bar (none at the end of the data). */
  step(): Instrument[] {
    if (this.atEnd()) return [];
    this.t++;
    this.stepCount++;
    const now = this.calendar[this.t];
    const moved: Instrument[] = [];
    for (const inst of this.instruments) {
      const s = this.series[inst.index];
      const next = this.cursor[inst.index] + 1;
      if (next < s.length && s.ts[next] === now) {
        this.cursor[inst.index] = next;
        moved.push(inst);
      }
    }
    return moved;
  }

  /**
   * A market fed live (its series grow, see GrowingSeries): the series already hold the bars of
   * session `ts`, after every earlier one; the next step moves to it.
   */
  extend(ts: number): void {
    if (!(ts > this.calendar[this.calendar.length - 1])) throw new Error(`fake TWS market: a new session must come after the last, got ${new Date(ts).toISOString()}`);
    const next = new Float64Array(this.calendar.length + 1);
    next.set(this.calendar);
    next[this.calendar.length] = ts;
    this.calendar = next;
  }

  /** Case-insensitive, like TWS symbol lookup. */
  lookup(symbol: string): Instrument | undefined {
    return this.bySymbol.get(symbol) ?? this.bySymbol.get(symbol.toUpperCase());
  }

  lookupConId(conId: number): Instrument | undefined {
    return this.byConId.get(conId);
  }

  /** The instrument's current bar, or null before its first bar. */
  bar(inst: Instrument): Bar | null {
    const i = this.cursor[inst.index];
    return i < 0 ? null : barAt(this.series[inst.index], i);
  }

  /** The close before the current bar (IB's "close" tick is the prior session's close); NaN when none. */
  previousClose(inst: Instrument): number {
    const i = this.cursor[inst.index];
    return i < 1 ? Number.NaN : this.series[inst.index].close[i - 1];
  }

  /** Last price: the current bar's close; NaN before the first bar. */
  last(inst: Instrument): number {
    const i = this.cursor[inst.index];
    return i < 0 ? Number.NaN : this.series[inst.index].close[i];
  }

  /** Bars with fromMs < ts <= toMs, never past the current bar. */
  history(inst: Instrument, fromMs: number, toMs: number): Bar[] {
    const s = this.series[inst.index];
    const out: Bar[] = [];
    for (let i = 0; i <= this.cursor[inst.index]; i++) {
      if (s.ts[i] > fromMs && s.ts[i] <= toMs) out.push(barAt(s, i));
    }
    return out;
  }

  /**
   * The current bar closes its session: the series' next bar falls on another (UTC) day, or there is
   * none. Every daily bar does; intraday bars only at the day's last bar. Only the next bar's date is
   * looked at, never its prices.
   */
  isSessionClose(inst: Instrument): boolean {
    const s = this.series[inst.index];
    const i = this.cursor[inst.index];
    if (i < 0) return false;
    if (i + 1 >= s.length) return true;
    return Math.floor(s.ts[i + 1] / DAY_MS) !== Math.floor(s.ts[i] / DAY_MS);
  }

  /** Index of the instrument's current bar in its series; -1 before its first bar. */
  barIndex(inst: Instrument): number {
    return this.cursor[inst.index];
  }

  private seek(): void {
    const now = this.calendar[this.t];
    for (const inst of this.instruments) {
      const ts = this.series[inst.index].ts;
      let i = -1;
      while (i + 1 < ts.length && ts[i + 1] <= now) i++;
      this.cursor[inst.index] = i;
    }
  }
}
