import type { BrokerEvent } from '../../events';
import type { Fill } from '../../../domain/order';

type FillEvent = Extract<BrokerEvent, { type: 'OrderFilled' | 'OrderPartiallyFilled' }>;

interface Held {
  execId: string;
  event: FillEvent;
  ready: boolean;
  timer: NodeJS.Timeout;
}

/**
 * Holds a fill's event until its commission report arrives (TWS sends it right after the
 * execution), so listeners get complete fills. Per order the events keep their order: a fill waits
 * behind an earlier one, any other event of the order first releases what is held, and after
 * `graceMs` a fill goes out with the commission known so far (the stored fill gets it later).
 */
export class FillEventQueue {
  private readonly queues = new Map<string, Held[]>();

  constructor(
    private readonly emit: (e: BrokerEvent) => void,
    private readonly graceMs: number,
  ) {}

  hold(execId: string, event: FillEvent, commissionKnown: boolean): void {
    const orderId = event.order.id;
    let q = this.queues.get(orderId);
    if (!q) this.queues.set(orderId, (q = []));
    const timer = setTimeout(() => this.release(orderId, execId), this.graceMs);
    timer.unref();
    q.push({ execId, event, ready: commissionKnown, timer });
    this.drain(orderId);
  }

  /** The commission report of a held fill: it goes out now if nothing of its order is waiting before it. */
  commission(orderId: string, execId: string, fill: Fill): void {
    const h = this.queues.get(orderId)?.find((x) => x.execId === execId);
    if (!h) return;
    h.event = { ...h.event, fill };
    h.ready = true;
    this.drain(orderId);
  }

  /** True while a fill event of `orderId` waits for its commission. */
  pending(orderId: string): boolean {
    return this.queues.has(orderId);
  }

  /** Sends everything held for `orderId` (before another event of that order). */
  flush(orderId: string): void {
    const q = this.queues.get(orderId);
    if (!q) return;
    this.queues.delete(orderId);
    for (const h of q) {
      clearTimeout(h.timer);
      this.emit(h.event);
    }
  }

  /** Grace over for `execId`: it goes out, with whatever waits before it. */
  private release(orderId: string, execId: string): void {
    const q = this.queues.get(orderId);
    const i = q?.findIndex((h) => h.execId === execId) ?? -1;
    if (!q || i < 0) return;
    for (const h of q.splice(0, i + 1)) {
      clearTimeout(h.timer);
      this.emit(h.event);
    }
    if (q.length === 0) this.queues.delete(orderId);
    else this.drain(orderId);
  }

  private drain(orderId: string): void {
    const q = this.queues.get(orderId);
    if (!q) return;
    while (q.length > 0 && q[0].ready) {
      const h = q.shift() as Held;
      clearTimeout(h.timer);
      this.emit(h.event);
    }
    if (q.length === 0) this.queues.delete(orderId);
  }
}
