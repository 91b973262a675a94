import { isWorking, type FakeOrder } from '../model';

const EPS = 1e-9;
const round8 = (v: number): number => Math.round(v * 1e8) / 1e8;
const orderKey = (clientId: number, orderId: number): string => `${clientId}:${orderId}`;

/** What the links do to other orders, carried out by the exchange. */
export interface LinkActions {
  /** Terms changed (a resize): openOrder + orderStatus. */
  changed(o: FakeOrder): void;
  /** Ends a working order as Cancelled, `why` being its completed status. */
  cancel(o: FakeOrder, why: string): void;
  /** An attached order whose parent has just filled for the first time starts working. */
  activate(o: FakeOrder): void;
}

interface OcaGroup {
  /** 1 cancels the others on a fill; 2 and 3 reduce them by the filled quantity. */
  type: number;
  /** What its members have filled so far: a group that filled stays used (IB's names are single-use). */
  filled: number;
  members: FakeOrder[];
}

/** An order's OCA group: the one its client named, or, for an attached order without one, its siblings' implicit group. */
function groupName(o: FakeOrder): string | null {
  if (o.ocaGroup !== '') return o.ocaGroup;
  // TWS makes the orders attached to one parent (a bracket's exits) one OCA group that reduces on fills.
  return o.parentId !== 0 ? `#attached:${o.clientId}:${o.parentId}` : null;
}

/** An attached order's size: its requested quantity in proportion to its parent's fills, less what its OCA group took off. */
function sized(c: FakeOrder, parent: FakeOrder): number {
  const share = (c.requestedQuantity * parent.filled) / parent.totalQuantity;
  return Math.max(c.filled, round8(share - c.ocaReduced));
}

/**
 * Attached (parent/child) orders and OCA groups at the fake. A child waits (PreSubmitted, unmatched)
 * until its parent's first fill, then works sized by the parent's fills, growing as the parent fills
 * more; a parent that ends unfilled takes its waiting children with it. A fill of an OCA member
 * cancels the others (type 1) or reduces them by the fill (types 2 and 3; one reduced to nothing
 * is cancelled). Orders are handled one at a time, so two members never fill on the same bar:
 * the fake gives every group the overfill protection IB's "block" types ask for.
 */
export class OrderLinks {
  private readonly children = new Map<string, FakeOrder[]>();
  private readonly groups = new Map<string, OcaGroup>();

  constructor(private readonly act: LinkActions) {}

  /** Before the order's first report: attaches it to `parent`, waiting for its fills or sized by them. */
  attach(o: FakeOrder, parent: FakeOrder | null): void {
    if (!parent) return;
    const k = orderKey(parent.clientId, parent.orderId);
    this.children.set(k, [...(this.children.get(k) ?? []), o]);
    o.awaitingParent = parent.filled <= EPS;
    if (!o.awaitingParent) o.totalQuantity = sized(o, parent);
  }

  /** After the order's first report: joins its OCA group; a group that already filled cancels or reduces it at once. */
  join(o: FakeOrder): void {
    const name = groupName(o);
    if (name === null) return;
    let g = this.groups.get(name);
    if (!g) {
      g = { type: o.ocaType, filled: 0, members: [] };
      this.groups.set(name, g);
    }
    g.members.push(o);
    if (g.filled > EPS) this.hit(g, name, o, g.filled);
  }

  /** After `o` filled `qty`: its attached orders work, sized by its fills; its OCA group acts on the others. */
  filled(o: FakeOrder, qty: number): void {
    for (const c of this.children.get(orderKey(o.clientId, o.orderId)) ?? []) {
      if (!isWorking(c.status)) continue;
      const waited = c.awaitingParent;
      c.awaitingParent = false;
      c.totalQuantity = sized(c, o);
      if (waited) this.act.activate(c);
      else this.act.changed(c);
    }
    const name = groupName(o);
    const g = name === null ? undefined : this.groups.get(name);
    if (!g || name === null) return;
    g.filled += qty;
    for (const other of g.members) if (other !== o && isWorking(other.status)) this.hit(g, name, other, qty);
  }

  /** `o` ended (cancelled, expired, rejected): if it never filled, its waiting children never will work. */
  ended(o: FakeOrder): void {
    if (o.filled > EPS) return;
    for (const c of this.children.get(orderKey(o.clientId, o.orderId)) ?? []) {
      if (isWorking(c.status)) this.act.cancel(c, `Cancelled: its parent order ${o.orderId} ended unfilled`);
    }
  }

  private hit(g: OcaGroup, name: string, o: FakeOrder, qty: number): void {
    if (g.type === 1) {
      this.act.cancel(o, `Cancelled: a fill in OCA group ${name}`);
      return;
    }
    o.ocaReduced += qty;
    const total = Math.max(o.filled, round8(o.totalQuantity - qty));
    if (total - o.filled <= EPS) {
      this.act.cancel(o, `Cancelled: reduced to nothing by fills in OCA group ${name}`);
      return;
    }
    o.totalQuantity = total;
    this.act.changed(o);
  }
}
