import type Database from 'better-sqlite3';
import type { Side } from '../../../domain/enums';
import type { Fill, Order } from '../../../domain/order';
import { insertFillRow, insertOrderRow, orderOfRow, updateOrderRow, type LiveMode, type OrderRow } from '../../store/liveRecords';

/** Repositories for the Alpaca adapter's records: 001's paper/live tables plus 009_alpaca's tables. */

/** How an order of ours is known at Alpaca; stored in alpaca_orders. */
export interface AlpacaLink {
  /** Alpaca's id of the order (of its latest replacement after a modification); null until Alpaca answered. */
  alpacaOrderId: string | null;
  /** The last status Alpaca reported, as Alpaca spells it. */
  alpacaStatus: string | null;
  /** When the order was handed to the client library to send; null for an order refused before sending. */
  sentAt: number | null;
  /** When its POST left the process; null while it waits in the client-side rate limit (or if it never left). */
  leftAt: number | null;
  /** The POST left and no answer came back: looked up by client_order_id, never sent again. */
  fateUnknown: boolean;
  /** Not found at Alpaca by its client_order_id after a reconnect: the trader decides. */
  unknown: boolean;
  cancelRequested: boolean;
  /** The quote when the order was sent (ask for a buy, bid for a sell, else last); null when none was known. */
  referencePrice: number | null;
}

export const NO_LINK: AlpacaLink = {
  alpacaOrderId: null,
  alpacaStatus: null,
  sentAt: null,
  leftAt: null,
  fateUnknown: false,
  unknown: false,
  cancelRequested: false,
  referencePrice: null,
};

interface OrderJoinRow extends OrderRow {
  alpaca_order_id: string | null;
  alpaca_status: string | null;
  sent_at: number | null;
  left_at: number | null;
  fate_unknown: number;
  unknown: number;
  cancel_requested: number;
  reference_price: number | null;
}

const LINK_COLUMNS = 'alpaca_order_id = ?, alpaca_status = ?, sent_at = ?, left_at = ?, fate_unknown = ?, unknown = ?, cancel_requested = ?, reference_price = ?';

function linkValues(l: AlpacaLink): (string | number | null)[] {
  return [l.alpacaOrderId, l.alpacaStatus, l.sentAt, l.leftAt, l.fateUnknown ? 1 : 0, l.unknown ? 1 : 0, l.cancelRequested ? 1 : 0, l.referencePrice];
}

/** Records a new order and its link in one transaction (before anything is sent to Alpaca). */
export function insertAlpacaOrder(db: Database.Database, mode: LiveMode, o: Order, link: AlpacaLink): void {
  db.transaction(() => {
    insertOrderRow(db, mode, o);
    db.prepare(
      `INSERT INTO alpaca_orders (client_order_ref, mode, alpaca_order_id, alpaca_status, sent_at, left_at, fate_unknown, unknown, cancel_requested, reference_price)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(o.clientOrderRef, mode, ...linkValues(link));
  }).immediate();
}

/** Writes an order's current state and link. */
export function updateAlpacaOrder(db: Database.Database, o: Order, link: AlpacaLink): void {
  db.transaction(() => {
    updateOrderRow(db, o);
    db.prepare(`UPDATE alpaca_orders SET ${LINK_COLUMNS} WHERE client_order_ref = ?`).run(...linkValues(link), o.clientOrderRef);
  }).immediate();
}

/** Every order the Alpaca adapter took in `mode`, oldest first, with its link. */
export function loadAlpacaOrders(db: Database.Database, mode: LiveMode): { order: Order; link: AlpacaLink }[] {
  const rows = db
    .prepare(
      `SELECT o.*, a.alpaca_order_id, a.alpaca_status, a.sent_at, a.left_at, a.fate_unknown, a.unknown, a.cancel_requested, a.reference_price
       FROM orders o JOIN alpaca_orders a ON a.client_order_ref = o.client_order_ref
       WHERE o.mode = ? ORDER BY o.row`,
    )
    .all(mode) as OrderJoinRow[];
  return rows.map((r) => ({
    order: orderOfRow(r, mode),
    link: {
      alpacaOrderId: r.alpaca_order_id,
      alpacaStatus: r.alpaca_status,
      sentAt: r.sent_at,
      leftAt: r.left_at,
      fateUnknown: r.fate_unknown === 1,
      unknown: r.unknown === 1,
      cancelRequested: r.cancel_requested === 1,
      referencePrice: r.reference_price,
    },
  }));
}

/** Stores a fill under its Alpaca identity; the owning order's row is written in the same transaction. */
export function insertAlpacaFill(
  db: Database.Database,
  mode: LiveMode,
  f: Fill,
  key: string,
  alpacaOrderId: string,
  owner: { order: Order; link: AlpacaLink } | null,
): void {
  db.transaction(() => {
    const row = insertFillRow(db, mode, f);
    db.prepare('INSERT INTO alpaca_fills (fill_key, mode, fill_row, alpaca_order_id) VALUES (?, ?, ?, ?)').run(key, mode, row, alpacaOrderId);
    if (owner) updateAlpacaOrder(db, owner.order, owner.link);
  }).immediate();
}

/** Every Alpaca fill of `mode`, by time, with its Alpaca identity and order id. */
export function loadAlpacaFills(db: Database.Database, mode: LiveMode): { fill: Fill; key: string; alpacaOrderId: string }[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.order_id AS orderId, f.instrument, f.side, f.quantity, f.price, f.commission, f.slippage,
         f.reference_price AS referencePrice, f.ts AS timestamp, a.fill_key AS key, a.alpaca_order_id AS alpacaOrderId
       FROM fills f JOIN alpaca_fills a ON a.fill_row = f.row WHERE f.mode = ? ORDER BY f.ts, f.row`,
    )
    .all(mode) as (Fill & { key: string; alpacaOrderId: string })[];
  return rows.map(({ key, alpacaOrderId, ...fill }) => ({ fill, key, alpacaOrderId }));
}

/** Records what a reconciliation saw: Alpaca's positions now, accounting for every Alpaca fill stored so far. */
export function recordAlpacaBaseline(db: Database.Database, mode: LiveMode, ts: number, positions: ReadonlyMap<string, number>): void {
  db.transaction(() => {
    const r = db.prepare('SELECT max(a.fill_row) AS m FROM alpaca_fills a WHERE a.mode = ?').get(mode) as { m: number | null };
    db.prepare('INSERT OR REPLACE INTO alpaca_baselines (mode, ts, through_fill_row) VALUES (?, ?, ?)').run(mode, ts, r.m ?? 0);
    db.prepare('DELETE FROM alpaca_baseline_positions WHERE mode = ? AND ts = ?').run(mode, ts);
    const insert = db.prepare('INSERT INTO alpaca_baseline_positions (mode, ts, instrument, quantity) VALUES (?, ?, ?, ?)');
    for (const [instrument, quantity] of positions) insert.run(mode, ts, instrument, quantity);
  }).immediate();
}

/**
 * The app's own record of its Alpaca positions: the latest baseline plus every Alpaca fill stored
 * after the row it accounts for, leaving out `exclude` (fill keys a reconciliation just learnt).
 * Null when the app has no record at all (never reconciled, no fill): a first connect adopts the account.
 */
export function expectedAlpacaPositions(db: Database.Database, mode: LiveMode, exclude: ReadonlySet<string>): Map<string, number> | null {
  const out = new Map<string, number>();
  const base = db.prepare('SELECT ts, through_fill_row AS r FROM alpaca_baselines WHERE mode = ? ORDER BY ts DESC LIMIT 1').get(mode) as
    | { ts: number; r: number }
    | undefined;
  if (base) {
    const rows = db.prepare('SELECT instrument, quantity FROM alpaca_baseline_positions WHERE mode = ? AND ts = ?').all(mode, base.ts) as {
      instrument: string;
      quantity: number;
    }[];
    for (const r of rows) out.set(r.instrument, r.quantity);
  }
  const fills = db
    .prepare(
      `SELECT a.fill_key AS key, f.instrument, f.side, f.quantity FROM fills f JOIN alpaca_fills a ON a.fill_row = f.row
       WHERE f.mode = ? AND f.row > ? ORDER BY f.row`,
    )
    .all(mode, base?.r ?? 0) as { key: string; instrument: string; side: Side; quantity: number }[];
  const counted = fills.filter((f) => !exclude.has(f.key));
  if (!base && counted.length === 0) return null;
  for (const f of counted) out.set(f.instrument, (out.get(f.instrument) ?? 0) + (f.side === 'BUY' ? f.quantity : -f.quantity));
  return out;
}
