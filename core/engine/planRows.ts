/**
 * The instruments one plan works over, one row each, gathered once: the targets in their order,
 * then holdings and working orders the targets leave out (target 0). Sizing and the planner read
 * these arrays instead of asking the position, pending and price maps about each instrument again.
 * Reused from plan to plan: valid until the next gather.
 */
export class PlanRows {
  count = 0;
  readonly instruments: string[] = [];
  target = new Float64Array(0);
  /** Signed position; 0 when not held. */
  held = new Float64Array(0);
  /** Signed remaining quantity of working orders; 0 when none. */
  pending = new Float64Array(0);
  /** Sizing price; NaN when not looked up (see gather). */
  price = new Float64Array(0);

  gather(
    targets: ReadonlyMap<string, number>,
    positions: ReadonlyMap<string, number>,
    pending: ReadonlyMap<string, number>,
    /** Weight targets: every weight and every holding is priced now, for sizing. Otherwise prices wait until asked. */
    weights: boolean,
    priceOf: (instrument: string) => number,
  ): this {
    this.count = 0;
    this.ensure(targets.size + positions.size + pending.size);
    const anyPending = pending.size > 0;
    let heldSeen = 0;
    let pendingSeen = 0;
    // forEach, not an entries iterator: no pair allocated per instrument.
    targets.forEach((target, instrument) => {
      const held = positions.get(instrument);
      const onTheWay = anyPending ? pending.get(instrument) : undefined;
      if (held !== undefined) heldSeen++;
      if (onTheWay !== undefined) pendingSeen++;
      this.push(instrument, target, held ?? 0, onTheWay ?? 0, weights, priceOf);
    });
    if (heldSeen < positions.size) {
      positions.forEach((held, instrument) => {
        if (!targets.has(instrument)) this.push(instrument, 0, held, anyPending ? pending.get(instrument) ?? 0 : 0, weights, priceOf);
      });
    }
    if (pendingSeen < pending.size) {
      pending.forEach((onTheWay, instrument) => {
        if (!targets.has(instrument) && !positions.has(instrument)) this.push(instrument, 0, 0, onTheWay, weights, priceOf);
      });
    }
    return this;
  }

  private push(
    instrument: string,
    target: number,
    held: number,
    onTheWay: number,
    weights: boolean,
    priceOf: (instrument: string) => number,
  ): void {
    const k = this.count++;
    this.instruments[k] = instrument;
    this.target[k] = target;
    this.held[k] = held;
    this.pending[k] = onTheWay;
    this.price[k] = weights && (target !== 0 || held !== 0) ? priceOf(instrument) : Number.NaN;
  }

  private ensure(n: number): void {
    if (this.target.length >= n) return;
    const size = Math.max(n, this.target.length * 2, 64);
    this.target = new Float64Array(size);
    this.held = new Float64Array(size);
    this.pending = new Float64Array(size);
    this.price = new Float64Array(size);
  }
}
