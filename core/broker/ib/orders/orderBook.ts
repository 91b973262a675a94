import type { BrokerEvent } from '../../events';
import type { OrderStatus } from '../../../domain/enums';
import type { Fill, Timestamp } from '../../../domain/order';
import { canTransition, isTerminal, transition } from '../../../domain/orderState';
import type { ExecutionRecord } from '../store/ibStore';
import { FillEventQueue } from './fillEventQueue';
import { slippageOf } from './referencePrice';
import type { StatusTarget } from './statusMapping';
import type { TrackedOrder } from './trackedOrder';

/** Quantities are decimals on the wire: compare with a tolerance. */
const EPS = 1e-9;

/** Where the book's changes go: the store first, then the listeners. */
export interface OrderSink {
  orderChanged(t: TrackedOrder): void;
  fillAdded(owner: TrackedOrder | null, fill: Fill, exec: ExecutionRecord): void;
  commissionAdded(owner: TrackedOrder | null, execId: string, fill: Fill): void;
  emit(event: BrokerEvent): void;
}

export interface NewExecution {
  execId: string;
  instrument: string;
  side: 'BUY' | 'SELL';
  quantity: number;
  price: number;
  timestamp: Timestamp;
  permId: number | null;
  ibOrderId: number | null;
  account: string;
}

interface FillEntry {
  fill: Fill;
  owner: TrackedOrder | null;
  commissionKnown: boolean;
}

const ibKey = (clientId: number, ibOrderId: number): string => `${clientId}:${ibOrderId}`;

/**
 * The adapter's orders and fills, indexed the ways TWS names them (order ref, permId, client and
 * order id), and the rules that move them: statuses only forward through the domain state machine
 * (duplicates and late statuses are ignored), fills de-duplicated by execId, commissions joined
 * to their fill whichever arrives first (a fill's event waits briefly for its commission), and a
 * final status held back until the fills it counts have arrived. Every change goes to the sink:
 * persisted, then emitted.
 */
export class OrderBook {
  private readonly byId = new Map<string, TrackedOrder>();
  private readonly byRef = new Map<string, TrackedOrder>();
  private readonly byIb = new Map<string, TrackedOrder>();
  private readonly byPerm = new Map<number, TrackedOrder>();
  /** Members of each order list, in the list's order. */
  private readonly byList = new Map<string, TrackedOrder[]>();
  /** Fills by time; executions by id. */
  private readonly entries: FillEntry[] = [];
  private readonly byExec = new Map<string, FillEntry>();
  /** Commission reports that arrived before their execution. */
  private readonly earlyCommissions = new Map<string, number>();
  private readonly fillEvents: FillEventQueue;

  constructor(
    private readonly sink: OrderSink,
    private readonly now: () => Timestamp,
    commissionGraceMs = 1_000,
  ) {
    this.fillEvents = new FillEventQueue((e) => sink.emit(e), commissionGraceMs);
  }

  add(t: TrackedOrder): void {
    this.byId.set(t.order.id, t);
    this.byRef.set(t.order.clientOrderRef, t);
    const listId = t.order.extras?.link?.listId;
    if (listId !== undefined) this.byList.set(listId, [...(this.byList.get(listId) ?? []), t]);
    this.reindex(t);
  }

  /** The orders of one submitted list, in its order. */
  listMembers(listId: string): readonly TrackedOrder[] {
    return this.byList.get(listId) ?? [];
  }

  /** Indexes the IB ids a link has gained (order id once allocated, permId once TWS reported it). */
  reindex(t: TrackedOrder): void {
    const { clientId, ibOrderId, permId } = t.link;
    if (clientId !== null && ibOrderId !== null) this.byIb.set(ibKey(clientId, ibOrderId), t);
    if (permId !== null && permId > 0) this.byPerm.set(permId, t);
  }

  /** A stored fill, as loaded at start-up. */
  restoreFill(fill: Fill, commissionKnown: boolean, execId: string): void {
    const owner = this.byId.get(fill.orderId) ?? null;
    this.insertEntry({ fill, owner, commissionKnown }, execId);
  }

  get(id: string): TrackedOrder | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<TrackedOrder> {
    return this.byId.values();
  }

  /** The order TWS means, by our ref first, then permId, then (client id, order id). */
  find(ref: string | undefined, permId: number | undefined, clientId: number | undefined, ibOrderId: number | undefined): TrackedOrder | undefined {
    if (ref) {
      const t = this.byRef.get(ref);
      if (t) return t;
    }
    if (permId !== undefined && permId > 0) {
      const t = this.byPerm.get(permId);
      if (t) return t;
    }
    if (clientId !== undefined && ibOrderId !== undefined && ibOrderId > 0) return this.byIb.get(ibKey(clientId, ibOrderId));
    return undefined;
  }

  hasRef(ref: string): boolean {
    return this.byRef.has(ref);
  }

  /** True while a fill of the order has not been announced yet (its event waits for the commission). */
  fillEventPending(orderId: string): boolean {
    return this.fillEvents.pending(orderId);
  }

  hasExecution(execId: string): boolean {
    return this.byExec.has(execId);
  }

  fills(since?: Timestamp): Fill[] {
    const out: Fill[] = [];
    for (const e of this.entries) if (since === undefined || e.fill.timestamp >= since) out.push(e.fill);
    return out;
  }

  /** The latest fill time known (0 when none): executions are fetched from a little before it. */
  lastFillTime(): Timestamp {
    return this.entries.length === 0 ? 0 : this.entries[this.entries.length - 1].fill.timestamp;
  }

  totalCommissions(): number {
    let sum = 0;
    for (const e of this.entries) sum += e.fill.commission;
    return sum;
  }

  /**
   * Moves an order where TWS's status says. A final status waits while TWS counts more filled
   * than the fills received; a rejection after fills becomes a cancel (the state machine forbids
   * PARTIALLY_FILLED -> REJECTED). Returns the status before, when it changed.
   */
  applyStatus(t: TrackedOrder, target: StatusTarget): OrderStatus | null {
    const o = t.order;
    if (isTerminal(target.status) && t.ibFilled > o.filledQuantity + EPS) {
      t.pendingTerminal = target;
      return null;
    }
    const to = target.status === 'REJECTED' && o.filledQuantity > EPS ? 'CANCELLED' : target.status;
    if (!canTransition(o.status, to)) return null;
    const before = o.status;
    this.move(t, to, target.reason);
    return before;
  }

  /** Persists a change of link or terms that moved no status. */
  touch(t: TrackedOrder): void {
    t.order.updatedAt = this.now();
    this.sink.orderChanged(t);
  }

  /**
   * Adds an execution once (replays and duplicates are ignored) and moves its order to
   * PARTIALLY_FILLED or FILLED. Returns the new fill, or null for a duplicate.
   */
  applyExecution(owner: TrackedOrder | null, x: NewExecution): Fill | null {
    if (this.byExec.has(x.execId)) return null;
    const early = this.earlyCommissions.get(x.execId);
    this.earlyCommissions.delete(x.execId);
    const fill: Fill = {
      id: x.execId,
      orderId: owner ? owner.order.id : `external:${x.permId ?? x.execId}`,
      instrument: x.instrument,
      side: x.side,
      quantity: x.quantity,
      price: x.price,
      commission: early ?? 0,
      timestamp: x.timestamp,
      ...slippageOf(owner?.link.referencePrice ?? null, x.side, x.price, x.quantity),
    };
    this.insertEntry({ fill, owner, commissionKnown: early !== undefined }, x.execId);
    const exec: ExecutionRecord = { execId: x.execId, permId: x.permId, ibOrderId: x.ibOrderId, account: x.account, commissionKnown: early !== undefined };
    if (!owner) {
      this.sink.fillAdded(null, fill, exec);
      return fill;
    }
    const o = owner.order;
    const filled = o.filledQuantity + x.quantity;
    o.avgFillPrice = (o.avgFillPrice * o.filledQuantity + x.price * x.quantity) / filled;
    o.filledQuantity = filled;
    o.commission += fill.commission;
    o.updatedAt = this.now();
    owner.link.acknowledged = true;
    owner.ibFilled = Math.max(owner.ibFilled, filled);
    const to: OrderStatus = filled >= o.quantity - EPS ? 'FILLED' : 'PARTIALLY_FILLED';
    const moves = canTransition(o.status, to);
    if (moves) transition(o, to);
    this.sink.fillAdded(owner, fill, exec);
    if (moves) this.fillEvents.hold(x.execId, { type: to === 'FILLED' ? 'OrderFilled' : 'OrderPartiallyFilled', order: o, fill, at: o.updatedAt }, exec.commissionKnown);
    const pending = owner.pendingTerminal;
    if (pending && o.filledQuantity >= owner.ibFilled - EPS) {
      owner.pendingTerminal = null;
      this.applyStatus(owner, pending);
    }
    return fill;
  }

  /** Joins a commission report to its fill, once; one that arrives first waits for the fill. */
  applyCommission(execId: string, commission: number): Fill | null {
    const e = this.byExec.get(execId);
    if (!e) {
      this.earlyCommissions.set(execId, commission);
      return null;
    }
    if (e.commissionKnown) return null;
    e.commissionKnown = true;
    e.fill = { ...e.fill, commission };
    if (e.owner) {
      e.owner.order.commission += commission;
      e.owner.order.updatedAt = this.now();
    }
    this.sink.commissionAdded(e.owner, execId, e.fill);
    if (e.owner) this.fillEvents.commission(e.owner.order.id, execId, e.fill);
    return e.fill;
  }

  private move(t: TrackedOrder, to: OrderStatus, reason: string | null): void {
    const o = t.order;
    transition(o, to);
    if (reason !== null && (to === 'CANCELLED' || to === 'REJECTED')) o.statusReason = reason;
    o.updatedAt = this.now();
    this.sink.orderChanged(t);
    this.fillEvents.flush(o.id);
    const at = o.updatedAt;
    if (to === 'ACCEPTED') this.sink.emit({ type: 'OrderAccepted', order: o, at });
    else if (to === 'CANCELLED') this.sink.emit({ type: 'OrderCancelled', order: o, reason: o.statusReason ?? 'cancelled', at });
    else if (to === 'REJECTED') this.sink.emit({ type: 'OrderRejected', order: o, reason: o.statusReason ?? 'rejected', at });
  }

  private insertEntry(entry: FillEntry, execId: string): void {
    this.byExec.set(execId, entry);
    // Replayed executions can be older than the latest: keep the list in time order.
    let i = this.entries.length;
    while (i > 0 && this.entries[i - 1].fill.timestamp > entry.fill.timestamp) i--;
    this.entries.splice(i, 0, entry);
  }
}
