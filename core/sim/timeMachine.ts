import type { BarSeries } from '../data/BarSeries';
import type { Timestamp } from '../domain/order';
import { SymbolIndex } from '../domain/symbolIndex';
import { LookAheadError, type DataView } from './DataView';
import { GatedView, type ViewClock } from './gatedView';

/** One value per instrument for the current session. */
export interface SessionBars {
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/**
 * Holds the run's `asOf` and walks the sessions of the data's own calendar. Strategies get `view`,
 * a gate over the series: they never hold the raw arrays, and every read is checked against asOf.
 * The engine (simulator, planner) reads the current bar through `barIndex`.
 */
export class TimeMachine implements ViewClock {
  readonly series: readonly BarSeries[];
  private sessionsCalendar: Float64Array;
  readonly view: DataView;
  /** Reads of later data attempted in non-strict mode (each returned NaN/undefined instead). */
  violations = 0;
  private session = -1;
  /** Instruments with a bar stamped exactly at asOf. */
  private trading = 0;
  /** Per series: number of bars stamped <= asOf. The per-date cache every read starts from (engine- and view-side). */
  readonly barCounts: Int32Array;
  /** Per series: index of the bar stamped exactly at asOf, or -1. */
  private readonly current: Int32Array;
  private readonly index: SymbolIndex;
  private readonly symbols: readonly string[];
  /** What view.tradingNow() last answered, and the session it was for. */
  private tradingList: readonly string[] = [];
  private tradingListSession = -1;
  /**
   * Engine-side: this session's bar of every instrument, side by side (NaN where it has none).
   * Copied once per session so the simulator, planner and marks read a few contiguous cache lines
   * instead of six scattered arrays per instrument: that scatter cost a third of a 500-symbol run.
   */
  readonly now: SessionBars;
  /** Engine-side: per instrument, the close of its latest bar at or before asOf (NaN before its first). */
  readonly lastClose: Float64Array;

  constructor(
    series: readonly BarSeries[],
    calendar: Float64Array,
    readonly strict = true,
  ) {
    this.series = series;
    this.symbols = series.map((s) => s.symbol);
    this.sessionsCalendar = calendar;
    this.barCounts = new Int32Array(series.length);
    this.current = new Int32Array(series.length).fill(-1);
    const column = (): Float64Array => new Float64Array(series.length).fill(Number.NaN);
    this.now = { open: column(), high: column(), low: column(), close: column(), volume: column() };
    this.lastClose = column();
    const seen = new Set<string>();
    for (const symbol of this.symbols) {
      if (seen.has(symbol)) throw new Error(`duplicate symbol ${symbol} in the data`);
      seen.add(symbol);
    }
    this.index = new SymbolIndex(this.symbols);
    this.view = new GatedView(this, this.symbols);
  }

  /** The sessions, ascending: the data's own calendar, or what a live session has seen so far. */
  get calendar(): Float64Array {
    return this.sessionsCalendar;
  }

  /**
   * A live session's market grows: `next` is the calendar with later sessions appended (its
   * series have grown with them). Sessions already walked cannot change.
   */
  extendCalendar(next: Float64Array): void {
    const old = this.sessionsCalendar;
    if (next.length < old.length) throw new Error(`TimeMachine: a calendar of ${next.length} sessions cannot replace one of ${old.length}`);
    for (let i = 0; i < old.length; i++) {
      if (next[i] !== old[i]) throw new Error(`TimeMachine: session ${i} changed from ${old[i]} to ${next[i]}`);
    }
    if (next.length > old.length && old.length > 0 && !(next[old.length] > old[old.length - 1])) {
      throw new Error('TimeMachine: appended sessions must come after the last one');
    }
    this.sessionsCalendar = next;
  }

  get asOf(): Timestamp {
    return this.session < 0 ? Number.NEGATIVE_INFINITY : this.calendar[this.session];
  }

  get sessionIndex(): number {
    return this.session;
  }

  get sessions(): number {
    return this.calendar.length;
  }

  indexOf(symbol: string): number {
    const i = this.lookup(symbol);
    if (i < 0) throw new Error(`unknown symbol "${symbol}"`);
    return i;
  }

  /** Like indexOf, but -1 for a symbol the data does not have. */
  lookup(symbol: string): number {
    return this.index.lookup(symbol);
  }

  /** Moves asOf forward to session `index`; time never runs backwards. */
  advanceTo(index: number): void {
    if (index < this.session) throw new Error(`TimeMachine cannot go back from session ${this.session} to ${index}`);
    if (index >= this.calendar.length) throw new Error(`session ${index} is past the calendar's end`);
    this.session = index;
    const asOf = this.calendar[index];
    let trading = 0;
    const { open, high, low, close, volume } = this.now;
    const { series: all, barCounts: count, current, lastClose } = this;
    for (let s = 0; s < all.length; s++) {
      const series = all[s];
      const ts = series.ts;
      let c = count[s];
      while (c < ts.length && ts[c] <= asOf) c++;
      count[s] = c;
      const b = c - 1;
      if (b >= 0 && ts[b] === asOf) {
        trading++;
        current[s] = b;
        open[s] = series.open[b];
        high[s] = series.high[b];
        low[s] = series.low[b];
        close[s] = series.close[b];
        volume[s] = series.volume[b];
        lastClose[s] = close[s];
      } else {
        current[s] = -1;
        open[s] = high[s] = low[s] = close[s] = volume[s] = Number.NaN;
        if (b >= 0) lastClose[s] = series.close[b];
      }
    }
    this.trading = trading;
  }

  /** How many instruments have a bar this session (all of them on most days). */
  get tradingCount(): number {
    return this.trading;
  }

  /** The symbols with a bar this session (see DataView.tradingNow). */
  tradingSymbols(all: readonly string[]): readonly string[] {
    if (this.trading === all.length) return all;
    if (this.tradingListSession !== this.session) {
      const list = all.filter((_, s) => this.current[s] >= 0);
      const prev = this.tradingList;
      if (list.length !== prev.length || list.some((sym, k) => sym !== prev[k])) this.tradingList = list;
      this.tradingListSession = this.session;
    }
    return this.tradingList;
  }

  /** Engine-side: index of series `s`'s bar stamped at asOf, or -1 when it has none this session. */
  barIndex(s: number): number {
    return this.current[s];
  }

  /** A read of data after asOf: refused in strict mode, counted otherwise. */
  lookAhead(symbol: string, requested: string): void {
    if (this.strict) throw new LookAheadError(symbol, this.asOf, requested);
    this.violations++;
  }
}
