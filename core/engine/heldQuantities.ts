import { SymbolIndex } from '../domain/symbolIndex';

/**
 * The portfolio's positions as a read-only map from symbol to signed quantity, read straight from
 * its arrays: a fill writes one number instead of a string-keyed map entry (a third of a fill's cost
 * in a 500-symbol daily rebalance). Iterates in the order the positions were opened, like a Map.
 */
export class HeldQuantities implements ReadonlyMap<string, number> {
  private readonly index: SymbolIndex;

  constructor(
    private readonly instruments: readonly string[],
    private readonly qty: Float64Array,
    private readonly held: ReadonlySet<number>,
  ) {
    this.index = new SymbolIndex(instruments);
  }

  get size(): number {
    return this.held.size;
  }

  get(symbol: string): number | undefined {
    const i = this.index.lookup(symbol);
    return i < 0 || this.qty[i] === 0 ? undefined : this.qty[i];
  }

  has(symbol: string): boolean {
    return this.get(symbol) !== undefined;
  }

  forEach(fn: (quantity: number, symbol: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (const i of this.held) fn.call(thisArg, this.qty[i], this.instruments[i], this);
  }

  *entries(): MapIterator<[string, number]> {
    for (const i of this.held) yield [this.instruments[i], this.qty[i]];
  }

  *keys(): MapIterator<string> {
    for (const i of this.held) yield this.instruments[i];
  }

  *values(): MapIterator<number> {
    for (const i of this.held) yield this.qty[i];
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}
