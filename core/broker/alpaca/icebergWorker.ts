import { isTerminal } from '../../domain/orderState';
import type { AlpacaBook, AlpacaTracked } from './alpacaBook';
import { betweenSlices, nextSliceQuantity, sliceBody, sliceRef, type IcebergSlice } from './iceberg';
import type { Placer } from './placement';

export interface IcebergDeps {
  book: AlpacaBook;
  placer: Placer;
  /** Null when orders may go; else why not (not connected, reconciling). */
  notReady: () => string | null;
  log: (level: 'info' | 'warning' | 'error', text: string) => void;
}

const EPS = 1e-9;

/**
 * Works icebergs at Alpaca (see iceberg.ts): one slice at a time, the next once the previous has
 * filled, and again after a restart when the next never left. Nothing goes while a cancel is
 * requested, the order's fate is unknown, or orders may not go (it resumes once they may).
 */
export class IcebergWorker {
  constructor(private readonly d: IcebergDeps) {}

  /** The first slice of a new iceberg. */
  start(t: AlpacaTracked, s: IcebergSlice): void {
    this.send(t, s);
  }

  /** After a report of the order, or once orders may go again: the next slice when the live one is done. */
  continue(t: AlpacaTracked): void {
    const s = t.slice;
    const l = t.link;
    if (!s || isTerminal(t.order.status) || l.cancelRequested || l.unknown || l.fateUnknown) return;
    if (this.d.placer.isQueued(t.order.id) || this.d.notReady() !== null) return;
    if (betweenSlices(s, l) && t.order.quantity - t.order.filledQuantity > EPS) this.send(t, s);
  }

  private send(t: AlpacaTracked, s: IcebergSlice): void {
    const o = t.order;
    const qty = nextSliceQuantity(o);
    s.ref = sliceRef(o.clientOrderRef, o.filledQuantity);
    s.open = qty;
    s.done = false;
    t.link.alpacaOrderId = null;
    t.link.alpacaStatus = null;
    t.link.leftAt = null;
    t.cancelSent = false;
    this.d.book.addRef(s.ref, t);
    this.d.book.touch(t);
    this.d.log('info', `iceberg ${o.id}: slice ${s.ref} of ${qty} (${o.filledQuantity} of ${o.quantity} filled)`);
    this.d.placer.send({ t, ref: s.ref, body: sliceBody(o, s.ref, qty), legs: [] });
  }
}
