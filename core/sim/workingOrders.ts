/** What the working set needs of an entry: its order number, and whether it has left. */
export interface WorkingEntry {
  readonly seq: number;
  done: boolean;
}

/**
 * A broker's working orders, oldest first, found by order number. Entries are added with rising
 * numbers and marked done when they leave; the list drops them lazily, which costs far less than
 * a hash map's insert and delete for each of a backtest's millions of orders.
 */
export class WorkingOrders<W extends WorkingEntry> {
  private list: W[] = [];
  private live = 0;

  get size(): number {
    return this.live;
  }

  add(w: W): void {
    const last = this.list[this.list.length - 1];
    if (last && last.seq >= w.seq) throw new Error(`working order ${w.seq} added after ${last.seq}`);
    const dead = this.list.length - this.live;
    if (dead > 64 && dead > this.live) this.list = this.list.filter((e) => !e.done);
    this.list.push(w);
    this.live++;
  }

  /** Marks the entry done; the list drops it later. */
  remove(w: W): void {
    if (w.done) return;
    w.done = true;
    this.live--;
    if (this.live === 0) this.list.length = 0;
  }

  /** The live entry with this order number, if any (binary search: the list is in number order). */
  get(seq: number): W | undefined {
    const list = this.list;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid].seq;
      if (s === seq) return list[mid].done ? undefined : list[mid];
      if (s < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The live entries, oldest first, as a copy: callers may add and remove while they walk it. */
  snapshot(): W[] {
    if (this.live === 0) return [];
    const out: W[] = [];
    for (const e of this.list) if (!e.done) out.push(e);
    return out;
  }
}
