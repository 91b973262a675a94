/** Collects bars into typed arrays that double when full, so a parse allocates O(log n) times, not per row. */
export class BarColumnsBuilder {
  length = 0;
  private capacity: number;
  private ts: Float64Array;
  private open: Float64Array;
  private high: Float64Array;
  private low: Float64Array;
  private close: Float64Array;
  private volume: Float64Array;
  private adjClose: Float64Array | undefined;

  constructor(initialCapacity: number, withAdjClose: boolean) {
    this.capacity = Math.max(16, Math.ceil(initialCapacity));
    this.ts = new Float64Array(this.capacity);
    this.open = new Float64Array(this.capacity);
    this.high = new Float64Array(this.capacity);
    this.low = new Float64Array(this.capacity);
    this.close = new Float64Array(this.capacity);
    this.volume = new Float64Array(this.capacity);
    this.adjClose = withAdjClose ? new Float64Array(this.capacity) : undefined;
  }

  push(ts: number, open: number, high: number, low: number, close: number, volume: number, adjClose: number): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.ts[i] = ts;
    this.open[i] = open;
    this.high[i] = high;
    this.low[i] = low;
    this.close[i] = close;
    this.volume[i] = volume;
    if (this.adjClose !== undefined) this.adjClose[i] = adjClose;
  }

  /** Arrays trimmed to the pushed length (copies, so the spare capacity is released). */
  finish(): {
    ts: Float64Array;
    open: Float64Array;
    high: Float64Array;
    low: Float64Array;
    close: Float64Array;
    volume: Float64Array;
    adjClose: Float64Array | undefined;
  } {
    const n = this.length;
    return {
      ts: this.ts.slice(0, n),
      open: this.open.slice(0, n),
      high: this.high.slice(0, n),
      low: this.low.slice(0, n),
      close: this.close.slice(0, n),
      volume: this.volume.slice(0, n),
      adjClose: this.adjClose?.slice(0, n),
    };
  }

  private grow(): void {
    this.capacity *= 2;
    this.ts = enlarge(this.ts, this.capacity);
    this.open = enlarge(this.open, this.capacity);
    this.high = enlarge(this.high, this.capacity);
    this.low = enlarge(this.low, this.capacity);
    this.close = enlarge(this.close, this.capacity);
    this.volume = enlarge(this.volume, this.capacity);
    if (this.adjClose !== undefined) this.adjClose = enlarge(this.adjClose, this.capacity);
  }
}

function enlarge(array: Float64Array, capacity: number): Float64Array {
  const bigger = new Float64Array(capacity);
  bigger.set(array);
  return bigger;
}
