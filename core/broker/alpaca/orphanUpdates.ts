import type { TradeUpdate } from './schemas';

/**
 * Trade updates about orders the book does not know yet, kept for a while: the legs of a bracket, OCO
 * or OTO get their ids from Alpaca, and their first frames can arrive before the answer that names
 * them. Once the legs are linked, their frames are applied in the order they came. Bounded: frames of
 * orders this app never placed drop out.
 */
export class OrphanUpdates {
  private frames: TradeUpdate[] = [];

  constructor(private readonly limit = 200) {}

  keep(u: TradeUpdate): void {
    this.frames.push(u);
    if (this.frames.length > this.limit) this.frames.shift();
  }

  /** The frames whose order is now known, oldest first; they are no longer kept. */
  takeKnown(known: (u: TradeUpdate) => boolean): TradeUpdate[] {
    if (this.frames.length === 0) return [];
    const taken = this.frames.filter(known);
    if (taken.length > 0) this.frames = this.frames.filter((u) => !taken.includes(u));
    return taken;
  }
}
