/**
 * Per instrument number, its items (working orders) oldest first. A list keeps its storage when it
 * empties: a daily rebalance empties and refills every instrument's list every session, and an
 * array popped to empty gives its storage back, so each refill would allocate it anew.
 */
export class InstrumentQueues<T> {
  private readonly lists: (T | undefined)[][];
  private readonly sizes: Int32Array;

  constructor(instruments: number) {
    this.lists = Array.from({ length: instruments }, () => []);
    this.sizes = new Int32Array(instruments);
  }

  get instruments(): number {
    return this.lists.length;
  }

  size(inst: number): number {
    return this.sizes[inst];
  }

  /** The `k`-th oldest item of `inst` (k < size). */
  at(inst: number, k: number): T {
    return this.lists[inst][k] as T;
  }

  push(inst: number, item: T): void {
    this.lists[inst][this.sizes[inst]++] = item;
  }

  /** Removes `item` from `inst`'s list, keeping the others in order; nothing if it is not there. */
  remove(inst: number, item: T): void {
    const list = this.lists[inst];
    const n = this.sizes[inst];
    let i = 0;
    while (i < n && list[i] !== item) i++;
    if (i === n) return;
    for (; i < n - 1; i++) list[i] = list[i + 1];
    list[n - 1] = undefined;
    this.sizes[inst] = n - 1;
  }

  /** A copy of `inst`'s items, oldest first: safe to walk while items are removed. */
  snapshot(inst: number): T[] {
    return this.lists[inst].slice(0, this.sizes[inst]) as T[];
  }
}
