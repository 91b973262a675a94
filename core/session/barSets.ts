import type { Bar } from '../data/BarSeries';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const REAL_TIMERS: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) };

/**
 * Gathers the symbols' completed bars into sessions: a session is given out, in stamp order, once
 * every symbol has its bar, or `graceMs` after its first bar arrived (the others have none then:
 * a halted or illiquid symbol must not hold the rest up). A bar for a session already given out is dropped.
 */
export class BarSets {
  private readonly pending = new Map<number, Map<string, Bar>>();
  private readonly timers = new Map<number, unknown>();
  private lastOut = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly symbols: readonly string[],
    private readonly graceMs: number,
    private readonly emit: (ts: number, bars: ReadonlyMap<string, Bar>) => void,
    private readonly clock: Timers = REAL_TIMERS,
  ) {}

  /** Bars dropped because their session had already been given out. */
  late = 0;

  add(symbol: string, bar: Bar): void {
    if (bar.ts <= this.lastOut) {
      this.late++;
      return;
    }
    let set = this.pending.get(bar.ts);
    if (set === undefined) {
      set = new Map();
      this.pending.set(bar.ts, set);
      this.timers.set(bar.ts, this.clock.set(() => this.release(bar.ts), this.graceMs));
    }
    set.set(symbol, bar);
    if (set.size === this.symbols.length) this.release(bar.ts);
  }

  /** Gives out every pending session up to and including `ts`. */
  private release(ts: number): void {
    const due = [...this.pending.keys()].filter((t) => t <= ts).sort((a, b) => a - b);
    for (const t of due) {
      const set = this.pending.get(t) as Map<string, Bar>;
      this.pending.delete(t);
      this.clock.clear(this.timers.get(t));
      this.timers.delete(t);
      this.lastOut = t;
      this.emit(t, set);
    }
  }

  /** Stops the timers; pending bars are dropped. */
  close(): void {
    for (const h of this.timers.values()) this.clock.clear(h);
    this.timers.clear();
    this.pending.clear();
  }
}
