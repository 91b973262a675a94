import type Database from 'better-sqlite3';
import type { CancelOutcome } from '../cancelOutcome';
import type { BrokerEvent } from '../events';
import type { OrderStatus } from '../../domain/enums';
import type { Fill, Order, Timestamp } from '../../domain/order';
import { canTransition, isTerminal, transition } from '../../domain/orderState';
import { slippageOf } from '../ib/orders/referencePrice';
import type { LiveMode } from '../ib/store/ibStore';
import { isIceberg, restoredSlice, type IcebergSlice } from './iceberg';
import { isAlpacaLeg, legFor, linkOf, listCancelReason } from './listMembers';
import { fillKey, statusTarget, type StatusTarget } from './orderMapping';
import type { AlpacaOrder } from './schemas';
import { insertAlpacaFill, updateAlpacaOrder, type AlpacaLink } from './store/alpacaStore';

/** Quantities are decimals on the wire: compare with a tolerance. */
const EPS = 1e-9;

/** An order of ours with its Alpaca link and what this session learnt about it. */
export interface AlpacaTracked {
  order: Order;
  link: AlpacaLink;
  /** Every Alpaca id the order had (a modification replaces it under a new id). */
  alpacaIds: Set<string>;
  /** A cancel went out for the current Alpaca id (cancelRequested waits for an id otherwise). */
  cancelSent: boolean;
  /** The cancel this session asked for and Alpaca's answer to it, if any (see cancelOutcomeOf). */
  cancel: CancelOutcome | null;
  /** Replaced Alpaca ids and the id that replaced each: a report of one of them is stale. */
  successor: Map<string, string>;
  /** An iceberg's live slice (see iceberg.ts); null for any other order. */
  slice: IcebergSlice | null;
}

export interface NewFill {
  alpacaOrderId: string;
  /** The order's filled quantity at Alpaca once this fill is counted: with the order, the fill's identity. */
  cumulativeQty: number;
  quantity: number;
  price: number;
  timestamp: Timestamp;
}

/**
 * The adapter's orders and fills, indexed the ways Alpaca names them (our client order ref, Alpaca's
 * order ids), and the rules that move them: statuses only forward through the domain state machine
 * (duplicates and late reports are ignored), fills counted once by their identity (order and
 * cumulative quantity, alike in a trade update and a FILL activity). Every change is written to
 * SQLite before it is announced.
 */
export class AlpacaBook {
  private readonly byId = new Map<string, AlpacaTracked>();
  private readonly byRef = new Map<string, AlpacaTracked>();
  private readonly byAlpacaId = new Map<string, AlpacaTracked>();
  private readonly fillKeys = new Set<string>();
  /** Quantity received under each Alpaca order id. */
  private readonly filledById = new Map<string, number>();
  private readonly fillList: Fill[] = [];

  constructor(
    private readonly db: Database.Database,
    private readonly mode: LiveMode,
    private readonly now: () => Timestamp,
    private readonly emit: (e: BrokerEvent) => void,
    private readonly fillAdded: () => void,
  ) {}

  add(order: Order, link: AlpacaLink): AlpacaTracked {
    const slice = isIceberg(order) ? restoredSlice(order) : null;
    const t: AlpacaTracked = { order, link, alpacaIds: new Set(), cancelSent: false, cancel: null, successor: new Map(), slice };
    this.byId.set(order.id, t);
    this.byRef.set(order.clientOrderRef, t);
    if (slice) this.addRef(slice.ref, t);
    if (link.alpacaOrderId) this.alias(t, link.alpacaOrderId);
    return t;
  }

  /** Another client_order_id the order goes under at Alpaca (an iceberg's slice). */
  addRef(ref: string, t: AlpacaTracked): void {
    this.byRef.set(ref, t);
  }

  /** The orders of one submitted list, in the order they were added. */
  members(listId: string): AlpacaTracked[] {
    return [...this.byId.values()].filter((m) => linkOf(m.order)?.listId === listId);
  }

  /** For an Alpaca leg: the member of its list that went under its own client_order_id, with the leg in its request. */
  alpacaParentOf(t: AlpacaTracked): AlpacaTracked | undefined {
    const link = linkOf(t.order);
    return link ? this.members(link.listId).find((m) => !isAlpacaLeg(m.order)) : undefined;
  }

  /** Links the members sent as legs of `parent` to Alpaca's legs (by their role: see legFor), then applies each leg's report. */
  linkLegs(parent: AlpacaTracked, legs: readonly AlpacaOrder[]): void {
    const link = linkOf(parent.order);
    if (!link) return;
    for (const m of this.members(link.listId)) {
      if (m === parent || !isAlpacaLeg(m.order)) continue;
      const leg = legFor(m.order, legs);
      if (!leg) continue;
      if (m.link.alpacaOrderId === null) m.link.alpacaOrderId = leg.id;
      this.alias(m, leg.id);
      this.applyReport(m, leg);
    }
  }

  /**
   * Binds the order's current Alpaca id from a report of it, when not known yet. For an iceberg only a
   * report of its live slice does (an earlier slice's late report must not take its place).
   */
  bind(t: AlpacaTracked, a: AlpacaOrder): void {
    if (t.link.alpacaOrderId !== null || (t.slice !== null && a.client_order_id !== t.slice.ref)) return;
    t.link.alpacaOrderId = a.id;
    this.alias(t, a.id);
  }

  /** A stored fill, as loaded at start-up. */
  restoreFill(fill: Fill, key: string, alpacaOrderId: string): void {
    this.fillKeys.add(key);
    this.filledById.set(alpacaOrderId, this.filledUnder(alpacaOrderId) + fill.quantity);
    this.insertFill(fill);
    const owner = this.byId.get(fill.orderId);
    if (owner) this.alias(owner, alpacaOrderId);
  }

  hasFill(key: string): boolean {
    return this.fillKeys.has(key);
  }

  get(id: string): AlpacaTracked | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<AlpacaTracked> {
    return this.byId.values();
  }

  hasRef(ref: string): boolean {
    return this.byRef.has(ref);
  }

  /** The order Alpaca means: by our client order ref first, then by any Alpaca id it had. */
  find(ref: string | null | undefined, alpacaOrderId: string | null | undefined): AlpacaTracked | undefined {
    if (ref) {
      const t = this.byRef.get(ref);
      if (t) return t;
    }
    return alpacaOrderId ? this.byAlpacaId.get(alpacaOrderId) : undefined;
  }

  fills(since?: Timestamp): Fill[] {
    return since === undefined ? [...this.fillList] : this.fillList.filter((f) => f.timestamp >= since);
  }

  /** The quantity of the fills received under one Alpaca order id. */
  filledUnder(alpacaOrderId: string): number {
    return this.filledById.get(alpacaOrderId) ?? 0;
  }

  /** Binds an Alpaca id to the order (its first, or a replacement's). */
  alias(t: AlpacaTracked, alpacaOrderId: string): void {
    t.alpacaIds.add(alpacaOrderId);
    this.byAlpacaId.set(alpacaOrderId, t);
  }

  /** Persists a change of link or terms that moved no status. */
  touch(t: AlpacaTracked): void {
    t.order.updatedAt = this.now();
    updateAlpacaOrder(this.db, t.order, t.link);
  }

  /**
   * What Alpaca reported about the order (a REST answer or a trade update), after its fills were
   * applied: the id is linked (a replacement takes over from the order it replaced, and reports of a
   * replaced id are stale), a first report moves SUBMITTED to ACCEPTED, a final status closes it. A
   * final status waits while Alpaca counts more filled than the fills received (they are on the way).
   */
  applyReport(t: AlpacaTracked, a: AlpacaOrder): void {
    if (t.successor.has(a.id) && !(a.status === 'replaced' && a.replaced_by)) return;
    this.alias(t, a.id);
    if (a.status === 'replaced' && a.replaced_by) {
      this.replace(t, a.id, a.replaced_by);
      this.touch(t);
      return;
    }
    if (a.replaces && t.alpacaIds.has(a.replaces)) this.replace(t, a.replaces, a.id);
    this.bind(t, a);
    if (a.id !== t.link.alpacaOrderId) return;
    t.link.alpacaStatus = a.status;
    t.link.fateUnknown = false;
    t.link.unknown = false;
    if (t.slice) this.noteSlice(t.slice, a);
    if (isAlpacaLeg(t.order)) this.resizeLeg(t, a.qty);
    this.applyOwnStatus(t, a);
    // The parent first, then its legs: a leg's fate follows its parent's.
    if (a.legs && a.legs.length > 0) this.linkLegs(t, a.legs);
  }

  private applyOwnStatus(t: AlpacaTracked, a: AlpacaOrder): void {
    // A leg Alpaca holds until its parent fills is not working yet.
    if (a.status === 'held' && this.waitsForParent(t)) {
      this.touch(t);
      return;
    }
    const target = this.targetOf(t, a.status);
    if (t.order.status === 'SUBMITTED' && target?.status !== 'REJECTED') {
      this.move(t, 'ACCEPTED', null);
    }
    if (target && isTerminal(target.status)) {
      if (a.filled_qty > this.filledUnder(a.id) + EPS) {
        this.touch(t);
        return;
      }
      this.applyStatus(t, target);
      return;
    }
    this.touch(t);
  }

  /** Where the report moves the order; a list member cancelled unasked says why (its parent or group). */
  private targetOf(t: AlpacaTracked, alpacaStatus: string): StatusTarget | null {
    const target = statusTarget(alpacaStatus, t.link.cancelRequested);
    if (alpacaStatus !== 'canceled' || t.link.cancelRequested || !linkOf(t.order)) return target;
    return { status: 'CANCELLED', reason: listCancelReason(t.order, this.parentOf(t)?.order) };
  }

  /** The member whose fill makes this one work (a bracket's entry, an OTO's parent). */
  private parentOf(t: AlpacaTracked): AlpacaTracked | undefined {
    const parentId = linkOf(t.order)?.parentId;
    return parentId ? this.byId.get(parentId) : undefined;
  }

  /** Whether the order still waits for its parent: until the parent ends with something filled. */
  private waitsForParent(t: AlpacaTracked): boolean {
    const p = this.parentOf(t)?.order;
    return p !== undefined && !(isTerminal(p.status) && p.filledQuantity > EPS);
  }

  /**
   * Alpaca sizes a leg down to what its parent filled: ours follows, never below what the leg filled
   * nor up (a report older than the resize still shows the full size).
   */
  private resizeLeg(t: AlpacaTracked, qty: number | null): void {
    const o = t.order;
    if (qty !== null && qty < o.quantity - EPS && qty + EPS >= o.filledQuantity && qty > EPS) o.quantity = qty;
  }

  /**
   * An iceberg's slice report: what is open on it, and whether it is done (filled, every fill in). Only
   * ever less open and once done, done: the POST's answer can come after frames that are newer.
   */
  private noteSlice(slice: IcebergSlice, a: AlpacaOrder): void {
    if (a.qty !== null) slice.open = Math.min(slice.open ?? Infinity, Math.max(0, a.qty - a.filled_qty));
    slice.done ||= a.status === 'filled' && this.filledUnder(a.id) + EPS >= a.filled_qty;
  }

  /**
   * The parent ended: the legs that waited for it go as Alpaca takes them, said here since Alpaca may
   * report them late or not at all (a released stop-loss leg can stay `held`). With shares filled they
   * are released, sized by what filled; unfilled they end with it.
   */
  private settleWaitingLegs(parent: AlpacaTracked): void {
    const p = parent.order;
    const link = linkOf(p);
    if (!link || !isTerminal(p.status)) return;
    for (const m of this.members(link.listId)) {
      if (linkOf(m.order)?.parentId !== p.id || m.order.status !== 'SUBMITTED') continue;
      if (p.filledQuantity > EPS) {
        this.resizeLeg(m, Math.min(p.filledQuantity, m.order.quantity));
        this.move(m, 'ACCEPTED', null);
      } else if (p.status === 'REJECTED') {
        this.move(m, 'REJECTED', `rejected with order ${p.id}, which it waited for: ${p.statusReason ?? 'rejected'}`);
      } else {
        this.move(m, 'CANCELLED', listCancelReason(m.order, p));
      }
    }
  }

  /** `oldId` was replaced by `newId`: the order follows the chain to its latest replacement. */
  private replace(t: AlpacaTracked, oldId: string, newId: string): void {
    t.successor.set(oldId, newId);
    this.alias(t, newId);
    const current = t.link.alpacaOrderId;
    // An iceberg between slices: a late report of the last slice's replacement does not take the next one's place.
    if (current === null ? t.slice !== null : current !== oldId && !t.successor.has(current)) return;
    let latest = newId;
    for (let hop = 0; t.successor.has(latest) && hop < 100; hop++) latest = t.successor.get(latest) as string;
    t.link.alpacaOrderId = latest;
    t.cancelSent = false;
  }

  /** Moves the order where `target` says, forward only; a rejection after fills is a cancel. Returns true when it moved. */
  applyStatus(t: AlpacaTracked, target: StatusTarget): boolean {
    const o = t.order;
    const to: OrderStatus = target.status === 'REJECTED' && o.filledQuantity > EPS ? 'CANCELLED' : target.status;
    if (!canTransition(o.status, to)) return false;
    this.move(t, to, target.reason);
    return true;
  }

  /**
   * Adds a fill once (a replay is ignored) and moves its order; returns the fill, or null for a
   * duplicate. `identity` replaces the (order, cumulative quantity) identity of a fill made up from
   * Alpaca's totals.
   */
  applyFill(t: AlpacaTracked, x: NewFill, identity?: string): Fill | null {
    const key = identity ?? fillKey(x.alpacaOrderId, x.cumulativeQty);
    if (this.fillKeys.has(key)) return null;
    this.alias(t, x.alpacaOrderId);
    const o = t.order;
    const fill: Fill = {
      id: key,
      orderId: o.id,
      instrument: o.instrument,
      side: o.side,
      quantity: x.quantity,
      price: x.price,
      commission: 0,
      timestamp: x.timestamp,
      ...slippageOf(t.link.referencePrice, o.side, x.price, x.quantity),
    };
    if (o.status === 'SUBMITTED') this.move(t, 'ACCEPTED', null);
    const filled = o.filledQuantity + x.quantity;
    o.avgFillPrice = (o.avgFillPrice * o.filledQuantity + x.price * x.quantity) / filled;
    o.filledQuantity = filled;
    o.updatedAt = this.now();
    const to: OrderStatus = filled >= o.quantity - EPS ? 'FILLED' : 'PARTIALLY_FILLED';
    const moves = canTransition(o.status, to);
    if (moves) transition(o, to);
    insertAlpacaFill(this.db, this.mode, fill, key, x.alpacaOrderId, { order: o, link: t.link });
    this.fillKeys.add(key);
    this.filledById.set(x.alpacaOrderId, this.filledUnder(x.alpacaOrderId) + x.quantity);
    this.insertFill(fill);
    this.fillAdded();
    if (moves) this.emit({ type: to === 'FILLED' ? 'OrderFilled' : 'OrderPartiallyFilled', order: { ...o }, fill, at: o.updatedAt });
    if (moves && to === 'FILLED') this.settleWaitingLegs(t);
    return fill;
  }

  private move(t: AlpacaTracked, to: OrderStatus, reason: string | null): void {
    const o = t.order;
    transition(o, to);
    if (reason !== null && (to === 'CANCELLED' || to === 'REJECTED')) o.statusReason = reason;
    o.updatedAt = this.now();
    updateAlpacaOrder(this.db, o, t.link);
    const at = o.updatedAt;
    const order = { ...o };
    if (to === 'ACCEPTED') this.emit({ type: 'OrderAccepted', order, at });
    else if (to === 'CANCELLED') this.emit({ type: 'OrderCancelled', order, reason: o.statusReason ?? 'cancelled', at });
    else if (to === 'REJECTED') this.emit({ type: 'OrderRejected', order, reason: o.statusReason ?? 'rejected', at });
    if (isTerminal(to)) this.settleWaitingLegs(t);
  }

  private insertFill(fill: Fill): void {
    // Replayed fills can be older than the latest: keep the list in time order.
    let i = this.fillList.length;
    while (i > 0 && this.fillList[i - 1].timestamp > fill.timestamp) i--;
    this.fillList.splice(i, 0, fill);
  }
}
