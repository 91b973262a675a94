import type Database from 'better-sqlite3';
import type { OrderStatus } from '../../domain/enums';
import { isTerminal } from '../../domain/orderState';
import { recordDifferences, type NewDifference } from '../ib/store/differences';
import { recordAction, type LiveMode } from '../ib/store/ibStore';
import type { AlpacaAccountBook } from './alpacaAccount';
import type { AlpacaBook, AlpacaTracked } from './alpacaBook';
import type { AlpacaRest } from './alpacaRest';
import { isAlpacaLeg, legFor } from './listMembers';
import { decimalString, fillKey } from './orderMapping';
import type { AlpacaOrder } from './schemas';
import { expectedAlpacaPositions, recordAlpacaBaseline } from './store/alpacaStore';

const EPS = 1e-9;
/** FILL activities are fetched from this long before the oldest order missing fills (clock skew); replays are de-duplicated. */
const ACTIVITY_OVERLAP_MS = 86_400_000;

export type SyncTrigger = 'connect' | 'reconnect' | 'manual';

/** What one reconciliation found and changed. */
export interface AlpacaReconciliation {
  at: number;
  trigger: SyncTrigger;
  orders: { orderId: string; before: OrderStatus; after: OrderStatus }[];
  /** Fills learnt now rather than from the stream: they happened while the app was not listening. */
  fills: { key: string; orderId: string; instrument: string; side: string; quantity: number; price: number }[];
  /** Positions where the app's own record (last reconciliation plus the fills since) and Alpaca differ. */
  positions: { instrument: string; ours: number | null; broker: number }[];
  /** Orders sent that Alpaca knows under no client_order_id: never re-sent, the trader decides. */
  unknownOrders: string[];
  /** Working orders at Alpaca that this app did not place. */
  externalOrders: { alpacaOrderId: string; instrument: string; side: string; quantity: number; status: string }[];
}

export interface ReconcileDeps {
  db: Database.Database;
  mode: LiveMode;
  rest: AlpacaRest;
  book: AlpacaBook;
  accounts: AlpacaAccountBook;
  now: () => number;
  log: (level: 'info' | 'warning' | 'error', text: string) => void;
  /** Whether the order's POST is still waiting in this process. */
  isQueued: (orderId: string) => boolean;
}

function orderOf(d: ReconcileDeps, a: AlpacaOrder): AlpacaTracked | undefined {
  return d.book.find(a.client_order_id, a.id) ?? (a.replaces ? d.book.find(null, a.replaces) : undefined);
}

/**
 * Alpaca's record of an order of ours: by its client_order_id; an iceberg's live slice by its Alpaca id
 * (by the slice's client_order_id while unanswered); a list's leg by its Alpaca id, or, while unknown,
 * among the legs of its parent (which links the list's legs). Null when Alpaca knows none.
 */
async function reportOf(d: ReconcileDeps, t: AlpacaTracked): Promise<AlpacaOrder | null> {
  const id = t.link.alpacaOrderId;
  if (t.slice) return id ? d.rest.orderById(id) : d.rest.orderByClientId(t.slice.ref);
  if (!isAlpacaLeg(t.order)) return d.rest.orderByClientId(t.order.clientOrderRef);
  if (id) return d.rest.orderById(id);
  const parent = d.book.alpacaParentOf(t);
  const p = parent ? await d.rest.orderByClientId(parent.order.clientOrderRef) : null;
  if (!parent || !p?.legs) return null;
  d.book.linkLegs(parent, p.legs);
  return legFor(t.order, p.legs) ?? null;
}

/**
 * Applies what Alpaca counts filled on an order beyond the fills the app has (no FILL activity was
 * found for them): one fill for the difference, at the price that makes Alpaca's average.
 */
function fillTheGap(d: ReconcileDeps, t: AlpacaTracked, a: AlpacaOrder): void {
  const have = d.book.filledUnder(a.id);
  const missing = a.filled_qty - have;
  if (missing <= EPS || a.filled_avg_price === null) return;
  const notional = d.book
    .fills()
    .filter((f) => f.id.startsWith(`${a.id}:`))
    .reduce((s, f) => s + f.price * f.quantity, 0);
  const price = (a.filled_avg_price * a.filled_qty - notional) / missing;
  const at = a.updated_at ? Date.parse(a.updated_at) : NaN;
  const tail = fillKey(a.id, a.filled_qty);
  // A gap before the last fill received cannot take the last one's identity: it is named by its range.
  const identity = d.book.hasFill(tail) ? `${fillKey(a.id, have)}+${decimalString(missing)}` : tail;
  d.log('warning', `Alpaca counts ${a.filled_qty} filled on order ${t.order.id} and no FILL activity accounts for ${missing} of it: recorded at Alpaca's average price`);
  d.book.applyFill(t, { alpacaOrderId: a.id, cumulativeQty: a.filled_qty, quantity: missing, price, timestamp: Number.isFinite(at) ? at : d.now() }, identity);
}

/**
 * One reconciliation, on every (re)connect and on sync(): every order of ours still open here is
 * looked up by its client_order_id (which also settles orders whose POST got no answer), the open
 * orders at Alpaca are matched, the fills Alpaca counts and the app lacks are taken from the FILL
 * activities (de-duplicated by identity), then account and positions are read. The positions are compared with the app's own
 * record (last reconciliation plus the fills since), and every difference is logged to
 * executed_actions and stored in ib_differences until the trader acknowledges it.
 */
export async function reconcileAlpaca(d: ReconcileDeps, trigger: SyncTrigger): Promise<AlpacaReconciliation> {
  const before = new Map<string, OrderStatus>();
  for (const t of d.book.all()) before.set(t.order.id, t.order.status);
  const keysBefore = new Set(d.book.fills().map((f) => f.id));

  const reports = new Map<AlpacaTracked, AlpacaOrder | null>();
  /** Every Alpaca order of ours seen, replaced ones included: fills may be missing under each. */
  const seen: [AlpacaTracked, AlpacaOrder][] = [];
  for (const t of [...d.book.all()]) {
    if (t.link.sentAt === null || isTerminal(t.order.status)) continue;
    if (t.link.leftAt === null) {
      // Still queued in this process: its own POST settles it. Otherwise it was queued when the app
      // stopped: its POST never left (the stamp is written before it does), so Alpaca never saw it.
      // An iceberg already partly filled sends that slice again once reconciled (AlpacaCommands.resume).
      const resumes = t.slice !== null && t.order.filledQuantity > EPS;
      if (!d.isQueued(t.order.id) && !resumes) d.book.applyStatus(t, { status: 'CANCELLED', reason: 'never sent: it was still queued in the app when the app stopped' });
      continue;
    }
    let a = await reportOf(d, t);
    // A modified order lives on under its replacement (a new id and client_order_id): follow the chain.
    for (let hop = 0; a && a.status === 'replaced' && a.replaced_by && hop < 20; hop++) {
      seen.push([t, a]);
      d.book.applyReport(t, a);
      a = await d.rest.orderById(a.replaced_by);
    }
    reports.set(t, a);
  }
  const open = await d.rest.openOrders();
  const external: AlpacaReconciliation['externalOrders'] = [];
  for (const a of open) {
    const t = orderOf(d, a);
    if (!t) {
      external.push({ alpacaOrderId: a.id, instrument: a.symbol, side: a.side, quantity: a.qty ?? 0, status: a.status });
      continue;
    }
    // A replacement lives under a new id (and client_order_id): its report is the one that counts.
    const known = reports.get(t);
    if (!known || a.replaces === known.id || known.status === 'replaced') reports.set(t, a);
  }
  for (const [t, a] of reports) {
    if (!a) continue;
    d.book.alias(t, a.id);
    seen.push([t, a]);
  }

  // Only orders Alpaca counts more filled than the app does can have fills the app missed: their FILL
  // activities are fetched (from a day before the oldest of them), the rest is made up from Alpaca's average.
  const gaps = seen.filter(([, a]) => a.filled_qty > d.book.filledUnder(a.id) + EPS);
  if (gaps.length > 0) {
    const from = Math.min(...gaps.map(([t]) => t.order.createdAt)) - ACTIVITY_OVERLAP_MS;
    const reported = new Map(seen.map(([, a]) => [a.id, a.filled_qty]));
    for (const x of await d.rest.fillActivities(new Date(from))) {
      const t = d.book.find(null, x.order_id);
      if (!t || d.book.hasFill(fillKey(x.order_id, x.cum_qty))) continue;
      // Never more than Alpaca counts: a fill made up from its totals earlier may stand for this one.
      const limit = reported.get(x.order_id);
      if (limit !== undefined && d.book.filledUnder(x.order_id) + x.qty > limit + EPS) continue;
      const at = Date.parse(x.transaction_time);
      d.book.applyFill(t, { alpacaOrderId: x.order_id, cumulativeQty: x.cum_qty, quantity: x.qty, price: x.price, timestamp: Number.isFinite(at) ? at : d.now() });
    }
    for (const [t, a] of gaps) fillTheGap(d, t, a);
  }

  const newlyUnknown: AlpacaTracked[] = [];
  for (const [t, a] of reports) {
    if (a) {
      d.book.applyReport(t, a);
    } else if (!t.link.unknown) {
      t.link.unknown = true;
      t.link.fateUnknown = false;
      d.book.touch(t);
      newlyUnknown.push(t);
      d.log('warning', `order ${t.order.id} (${t.order.side} ${t.order.quantity} ${t.order.instrument}) is not known at Alpaca by its client_order_id: not sent again, the trader must decide`);
    }
  }

  const [account, positions] = [await d.rest.account(), await d.rest.positions()];
  const at = d.now();
  d.accounts.update(account, positions);

  const newFills = d.book.fills().filter((f) => !keysBefore.has(f.id));
  const ours = expectedAlpacaPositions(d.db, d.mode, new Set(newFills.map((f) => f.id)));
  const broker = d.accounts.quantities();
  const report: AlpacaReconciliation = {
    at,
    trigger,
    orders: [...d.book.all()]
      .filter((t) => before.has(t.order.id) && before.get(t.order.id) !== t.order.status)
      .map((t) => ({ orderId: t.order.id, before: before.get(t.order.id) as OrderStatus, after: t.order.status })),
    fills: newFills.map((f) => ({ key: f.id, orderId: f.orderId, instrument: f.instrument, side: f.side, quantity: f.quantity, price: f.price })),
    positions: ours === null ? [] : positionDifferences(ours, broker),
    unknownOrders: [...d.book.all()].filter((t) => t.link.unknown && !isTerminal(t.order.status)).map((t) => t.order.id),
    externalOrders: external,
  };
  record(d, report, broker, ours !== null, newlyUnknown);
  return report;
}

/** Positions that differ (new, changed or gone), by instrument. */
export function positionDifferences(ours: ReadonlyMap<string, number>, broker: ReadonlyMap<string, number>): AlpacaReconciliation['positions'] {
  const out: AlpacaReconciliation['positions'] = [];
  for (const [instrument, qty] of broker) {
    const mine = ours.get(instrument) ?? null;
    if (Math.abs((mine ?? 0) - qty) > EPS) out.push({ instrument, ours: mine, broker: qty });
  }
  for (const [instrument, mine] of ours) if (!broker.has(instrument) && Math.abs(mine) > EPS) out.push({ instrument, ours: mine, broker: 0 });
  return out.sort((a, b) => a.instrument.localeCompare(b.instrument));
}

/** The differences as the Trading screen lists them (ib_differences), keyed so a reconnect updates rather than repeats them. */
export function alpacaDifferences(r: AlpacaReconciliation, hadRecord: boolean, newlyUnknown: readonly AlpacaTracked[]): NewDifference[] {
  const out: NewDifference[] = [];
  for (const p of r.positions) {
    const ours = p.ours ?? 0;
    out.push({
      kind: 'position',
      key: `alpaca:${p.instrument}`,
      instrument: p.instrument,
      ours,
      broker: p.broker,
      detail: `position ${ours} in our records (last reconciliation plus the fills since), ${p.broker} at Alpaca`,
    });
  }
  for (const t of newlyUnknown) {
    const o = t.order;
    out.push({
      kind: 'unknown_order',
      key: o.id,
      instrument: o.instrument,
      ours: null,
      broker: null,
      detail: `order ${o.id} (${o.side} ${o.quantity}, ${o.status}) is not known at Alpaca by its client_order_id: not sent again`,
    });
  }
  for (const x of r.externalOrders) {
    out.push({
      kind: 'external_order',
      key: `alpaca:${x.alpacaOrderId}`,
      instrument: x.instrument,
      ours: null,
      broker: x.quantity,
      detail: `${x.side} ${x.quantity} (${x.status}, Alpaca order ${x.alpacaOrderId}) is working at Alpaca but was not placed by this app`,
    });
  }
  for (const f of hadRecord ? r.fills : []) {
    out.push({
      kind: 'unseen_fill',
      key: f.key,
      instrument: f.instrument,
      ours: null,
      broker: f.quantity,
      detail: `fill ${f.key} (${f.side} ${f.quantity} @ ${f.price}, order ${f.orderId}) happened while the app was not listening`,
    });
  }
  return out;
}

function record(d: ReconcileDeps, r: AlpacaReconciliation, broker: ReadonlyMap<string, number>, hadRecord: boolean, newlyUnknown: readonly AlpacaTracked[]): void {
  const { db, mode } = d;
  db.transaction(() => {
    for (const o of r.orders) recordAction(db, mode, r.at, 'ALPACA_ORDER_RECONCILED', d.book.get(o.orderId)?.order.instrument ?? null, o);
    for (const id of r.unknownOrders) recordAction(db, mode, r.at, 'ALPACA_ORDER_UNKNOWN', d.book.get(id)?.order.instrument ?? null, { orderId: id });
    for (const f of r.fills) recordAction(db, mode, r.at, 'ALPACA_FILL_RECONCILED', f.instrument, f);
    for (const p of r.positions) recordAction(db, mode, r.at, 'ALPACA_POSITION_RECONCILED', p.instrument, p);
    for (const x of r.externalOrders) recordAction(db, mode, r.at, 'ALPACA_EXTERNAL_ORDER', x.instrument, x);
    recordAction(db, mode, r.at, 'ALPACA_RECONCILED', null, {
      trigger: r.trigger,
      orders: r.orders.length,
      fills: r.fills.length,
      positions: r.positions.length,
      unknownOrders: r.unknownOrders.length,
      externalOrders: r.externalOrders.length,
    });
    recordAlpacaBaseline(db, mode, r.at, broker);
    recordDifferences(db, mode, r.at, alpacaDifferences(r, hadRecord, newlyUnknown));
  }).immediate();
}
