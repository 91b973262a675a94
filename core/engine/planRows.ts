/**
 * The instruments one plan works over, one row each, gathered once: the targets in their order,
 * then holdings and working orders the targets leave out (target 0). Sizing and the planner read
 * these arrays instead of asking the position, pending and price maps about each instrument again.
 * Reused from plan to plan: valid until the next gather.
 */
export class PlanRows {
  count = 0;
  readonly instruments: string[] = [];
  /** The number the plan's costs know each instrument by (see PlanInput.indexOf). */
  index = new Int32Array(0);
  target = new Float64Array(0);
  /** Signed position; 0 when not held. */
  held = new Float64Array(0);
  /** Signed remaining quantity of working orders; 0 when none. */
  pending = new Float64Array(0);
  /** Sizing price; NaN when not looked up (see gather). */
  price = new Float64Array(0);
  private priceOf: (instrument: string) => number = () => Number.NaN;
  private indexOf: ((instrument: string) => number) | undefined = undefined;

  gather(
    targets: ReadonlyMap<string, number>,
    positions: ReadonlyMap<string, number>,
    pending: ReadonlyMap<string, number>,
    /** Weight targets: every weight and every holding is priced now, for sizing. Otherwise prices wait until asked. */
    weights: boolean,
    priceOf: (instrument: string) => number,
    indexOf: ((instrument: string) => number) | undefined,
    positionAt?: (index: number) => number,
  ): this {
    this.count = 0;
    this.priceOf = priceOf;
    this.indexOf = indexOf;
    const byNumber = indexOf !== undefined && positionAt !== undefined;
    this.ensure(targets.size + positions.size + pending.size);
    const anyPending = pending.size > 0;
    let heldSeen = 0;
    let pendingSeen = 0;
    // forEach, not an entries iterator: no pair allocated per instrument.
    targets.forEach((target, instrument) => {
      const index = this.numberOf(instrument);
      const held = byNumber ? positionAt(index) : positions.get(instrument) ?? 0;
      const onTheWay = anyPending ? pending.get(instrument) : undefined;
      if (held !== 0) heldSeen++;
      if (onTheWay !== undefined) pendingSeen++;
      this.push(instrument, index, target, held, onTheWay ?? 0, weights);
    });
    if (heldSeen < positions.size) {
      positions.forEach((held, instrument) => {
        if (!targets.has(instrument)) this.push(instrument, this.numberOf(instrument), 0, held, anyPending ? pending.get(instrument) ?? 0 : 0, weights);
      });
    }
    if (pendingSeen < pending.size) {
      pending.forEach((onTheWay, instrument) => {
        if (!targets.has(instrument) && !positions.has(instrument)) this.push(instrument, this.numberOf(instrument), 0, 0, onTheWay, weights);
      });
    }
    return this;
  }

  private numberOf(instrument: string): number {
    return this.indexOf === undefined ? this.count : this.indexOf(instrument);
  }

  private push(
    instrument: string,
    index: number,
    target: number,
    held: number,
    onTheWay: number,
    weights: boolean,
  ): void {
    const k = this.count++;
    this.instruments[k] = instrument;
    this.index[k] = index;
    this.target[k] = target;
    this.held[k] = held;
    this.pending[k] = onTheWay;
    this.price[k] = weights && (target !== 0 || held !== 0) ? this.priceOf(instrument) : Number.NaN;
  }

  /** Row `k`'s sizing price, looked up now if gather did not. */
  priceAt(k: number): number {
    if (Number.isNaN(this.price[k])) this.price[k] = this.priceOf(this.instruments[k]);
    return this.price[k];
  }

  private ensure(n: number): void {
    if (this.target.length >= n) return;
    const size = Math.max(n, this.target.length * 2, 64);
    this.index = new Int32Array(size);
    this.target = new Float64Array(size);
    this.held = new Float64Array(size);
    this.pending = new Float64Array(size);
    this.price = new Float64Array(size);
  }
}
