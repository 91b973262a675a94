import type { Bar, BarSeries } from './BarSeries';

const FIELDS = ['ts', 'open', 'high', 'low', 'close', 'volume'] as const;
type Field = (typeof FIELDS)[number];

/**
 * A BarSeries that grows as a live session's bars arrive. Its columns are views of exactly `length`
 * bars over buffers that double when full, so readers (the TimeMachine) always see the bars so far
 * and nothing beyond them.
 */
export class GrowingSeries implements BarSeries {
  private n = 0;
  private readonly buffers: Record<Field, Float64Array>;
  private readonly views: Record<Field, Float64Array>;

  constructor(
    readonly symbol: string,
    readonly barSeconds: number,
    readonly tickSize?: number,
    capacity = 256,
  ) {
    this.buffers = { ts: new Float64Array(capacity), open: new Float64Array(capacity), high: new Float64Array(capacity), low: new Float64Array(capacity), close: new Float64Array(capacity), volume: new Float64Array(capacity) };
    this.views = { ...this.buffers };
    this.refreshViews();
  }

  /** A growing copy of `s`'s bars (a session's warm-up history). */
  static from(s: BarSeries): GrowingSeries {
    const g = new GrowingSeries(s.symbol, s.barSeconds, s.tickSize, Math.max(256, s.length * 2));
    for (let i = 0; i < s.length; i++) g.append({ ts: s.ts[i], open: s.open[i], high: s.high[i], low: s.low[i], close: s.close[i], volume: s.volume[i] });
    return g;
  }

  get length(): number {
    return this.n;
  }
  get ts(): Float64Array {
    return this.views.ts;
  }
  get open(): Float64Array {
    return this.views.open;
  }
  get high(): Float64Array {
    return this.views.high;
  }
  get low(): Float64Array {
    return this.views.low;
  }
  get close(): Float64Array {
    return this.views.close;
  }
  get volume(): Float64Array {
    return this.views.volume;
  }

  /** The stamp of the last bar, or -Infinity when there is none. */
  lastTs(): number {
    return this.n > 0 ? this.buffers.ts[this.n - 1] : Number.NEGATIVE_INFINITY;
  }

  /** Adds a bar after the last one; an earlier or equal stamp is refused. */
  append(bar: Bar): void {
    if (!(bar.ts > this.lastTs())) {
      throw new Error(`${this.symbol}: a bar stamped ${new Date(bar.ts).toISOString()} does not come after the last one (${new Date(this.lastTs()).toISOString()})`);
    }
    if (this.n === this.buffers.ts.length) this.grow();
    const i = this.n;
    this.buffers.ts[i] = bar.ts;
    this.buffers.open[i] = bar.open;
    this.buffers.high[i] = bar.high;
    this.buffers.low[i] = bar.low;
    this.buffers.close[i] = bar.close;
    this.buffers.volume[i] = bar.volume;
    this.n++;
    this.refreshViews();
  }

  private refreshViews(): void {
    for (const f of FIELDS) this.views[f] = this.buffers[f].subarray(0, this.n);
  }

  private grow(): void {
    for (const f of FIELDS) {
      const next = new Float64Array(Math.max(16, this.buffers[f].length * 2));
      next.set(this.buffers[f]);
      this.buffers[f] = next;
    }
  }
}
