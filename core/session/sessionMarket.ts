import type { Bar, BarSeries } from '../data/BarSeries';
import { mergeCalendars } from '../data/calendar';
import { GrowingSeries } from '../data/growingSeries';
import type { Timestamp } from '../domain/order';
import { TimeMachine } from '../sim/timeMachine';

/**
 * A live session's market: the warm-up history, then each session's bars as they close. The
 * strategy reads it through the same TimeMachine view as in a backtest, so it can never see a bar
 * before it has closed.
 */
export class SessionMarket {
  readonly series: readonly GrowingSeries[];
  readonly tm: TimeMachine;
  private calendar: Float64Array;

  constructor(symbols: readonly string[], barSeconds: number, warmup: readonly BarSeries[]) {
    const bySymbol = new Map(warmup.map((s) => [s.symbol, s]));
    this.series = symbols.map((symbol) => {
      const history = bySymbol.get(symbol);
      return history ? GrowingSeries.from(history) : new GrowingSeries(symbol, barSeconds);
    });
    this.calendar = mergeCalendars(this.series);
    this.tm = new TimeMachine(this.series, this.calendar, true);
    if (this.calendar.length > 0) this.tm.advanceTo(this.calendar.length - 1);
  }

  /** The last session's stamp: the warm-up's last bar before any live bar; -Infinity with neither. */
  get asOf(): Timestamp {
    return this.tm.asOf;
  }

  /** Sessions so far, warm-up included. */
  get sessions(): number {
    return this.calendar.length;
  }

  /**
   * Adds the bars of session `ts` (symbols without one have no bar this session) and moves the
   * clock to it. Returns false, changing nothing, for a session not after the last one.
   */
  append(ts: Timestamp, bars: ReadonlyMap<string, Bar>): boolean {
    if (!(ts > this.asOf)) return false;
    for (const s of this.series) {
      const bar = bars.get(s.symbol);
      if (bar) s.append({ ...bar, ts });
    }
    const next = new Float64Array(this.calendar.length + 1);
    next.set(this.calendar);
    next[this.calendar.length] = ts;
    this.calendar = next;
    this.tm.extendCalendar(next);
    this.tm.advanceTo(next.length - 1);
    return true;
  }

  /** Copies of the bars seen so far: a shadow backtest's data. */
  snapshot(): BarSeries[] {
    return this.series.map((s) => ({
      symbol: s.symbol,
      barSeconds: s.barSeconds,
      length: s.length,
      ts: s.ts.slice(),
      open: s.open.slice(),
      high: s.high.slice(),
      low: s.low.slice(),
      close: s.close.slice(),
      volume: s.volume.slice(),
      ...(s.tickSize === undefined ? {} : { tickSize: s.tickSize }),
    }));
  }
}
