import type { TimeMachine } from '../sim/timeMachine';

/**
 * Buy-and-hold of the same data with the same cash: an equal share of the cash goes into each
 * instrument at the close of its first bar in the run, with no costs, and is held to the end.
 */
export class BuyAndHoldBenchmark {
  private readonly shares: Float64Array;
  private readonly bought: Uint8Array;
  private idle: number;
  private readonly slice: number;

  constructor(
    private readonly tm: TimeMachine,
    initialCash: number,
  ) {
    const n = tm.series.length;
    this.shares = new Float64Array(n);
    this.bought = new Uint8Array(n);
    this.idle = initialCash;
    this.slice = initialCash / n;
  }

  /** Value at the current session's close; buys what starts trading this session. */
  value(): number {
    const { lastClose, now } = this.tm;
    let v = this.idle;
    for (let i = 0; i < this.shares.length; i++) {
      const close = lastClose[i];
      if (Number.isNaN(close)) continue;
      if (!this.bought[i] && !Number.isNaN(now.close[i])) {
        this.bought[i] = 1;
        this.shares[i] = this.slice / close;
        this.idle -= this.slice;
        v -= this.slice;
      }
      v += this.shares[i] * close;
    }
    return v;
  }
}
