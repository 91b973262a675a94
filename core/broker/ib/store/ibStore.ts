import type Database from 'better-sqlite3';
import { LOCAL_SIMULATOR_ACCOUNT } from './localSimulatorAccount';
import type { Fill, Order } from '../../../domain/order';
import type { Position } from '../../../domain/portfolio';
import { insertFillRow, insertOrderRow, orderOfRow, updateOrderRow, type LiveMode, type OrderRow } from '../../store/liveRecords';
import type { IbOrderLink } from '../orders/trackedOrder';

/** Repositories for the IB adapter's records: 001's paper/live tables plus 003_ib's ib_orders and ib_executions. */

export type { LiveMode };

interface OrderJoinRow extends OrderRow {
  account: string | null;
  client_id: number | null;
  ib_order_id: number | null;
  perm_id: number | null;
  con_id: number | null;
  ib_status: string | null;
  acknowledged: number;
  unknown: number;
  cancel_requested: number;
  reference_price: number | null;
  left_at: number | null;
}

/** Every order the IB adapter took in `mode`, oldest first, with its IB link (none of the local simulator's). */
export function loadIbOrders(db: Database.Database, mode: LiveMode): { order: Order; link: IbOrderLink }[] {
  const rows = db
    .prepare(
      `SELECT o.*, i.account, i.client_id, i.ib_order_id, i.perm_id, i.con_id, i.ib_status, i.acknowledged, i.unknown, i.cancel_requested, i.reference_price, i.left_at
       FROM orders o JOIN ib_orders i ON i.client_order_ref = o.client_order_ref
       WHERE o.mode = ? AND i.account IS NOT ? ORDER BY o.row`,
    )
    .all(mode, LOCAL_SIMULATOR_ACCOUNT) as OrderJoinRow[];
  return rows.map((r) => ({
    order: orderOfRow(r, mode),
    link: {
      account: r.account,
      clientId: r.client_id,
      ibOrderId: r.ib_order_id,
      permId: r.perm_id,
      conId: r.con_id,
      ibStatus: r.ib_status,
      acknowledged: r.acknowledged === 1,
      unknown: r.unknown === 1,
      cancelRequested: r.cancel_requested === 1,
      referencePrice: r.reference_price,
      leftAt: r.left_at,
    },
  }));
}

/** True when any paper or live order already uses `ref` (refs are unique forever). */
export function orderRefExists(db: Database.Database, ref: string): boolean {
  return db.prepare('SELECT 1 FROM orders WHERE client_order_ref = ?').get(ref) !== undefined;
}

/** The highest IB order id this client id ever used in `mode` (0 when none). */
export function highestIbOrderId(db: Database.Database, mode: LiveMode, clientId: number): number {
  const r = db.prepare('SELECT max(ib_order_id) AS m FROM ib_orders WHERE mode = ? AND client_id = ?').get(mode, clientId) as { m: number | null };
  return r.m ?? 0;
}

const LINK_COLUMNS = 'account = ?, client_id = ?, ib_order_id = ?, perm_id = ?, con_id = ?, ib_status = ?, acknowledged = ?, unknown = ?, cancel_requested = ?, reference_price = ?, left_at = ?';

function linkValues(l: IbOrderLink): (string | number | null)[] {
  return [l.account, l.clientId, l.ibOrderId, l.permId, l.conId, l.ibStatus, l.acknowledged ? 1 : 0, l.unknown ? 1 : 0, l.cancelRequested ? 1 : 0, l.referencePrice, l.leftAt];
}

function insertOrderAndLink(db: Database.Database, mode: LiveMode, o: Order, link: IbOrderLink): void {
  insertOrderRow(db, mode, o);
  db.prepare(
    `INSERT INTO ib_orders (client_order_ref, mode, account, client_id, ib_order_id, perm_id, con_id, ib_status, acknowledged, unknown, cancel_requested, reference_price, left_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(o.clientOrderRef, mode, ...linkValues(link));
}

/** Records a new order and its link in one transaction (before anything is sent to TWS). */
export function insertIbOrder(db: Database.Database, mode: LiveMode, o: Order, link: IbOrderLink): void {
  db.transaction(() => insertOrderAndLink(db, mode, o, link)).immediate();
}

/** Records the orders of one list in one transaction: all of them, or none. */
export function insertIbOrders(db: Database.Database, mode: LiveMode, entries: readonly { order: Order; link: IbOrderLink }[]): void {
  db.transaction(() => {
    for (const e of entries) insertOrderAndLink(db, mode, e.order, e.link);
  }).immediate();
}

/** Writes an order's current state and link. */
export function updateIbOrder(db: Database.Database, o: Order, link: IbOrderLink): void {
  db.transaction(() => {
    updateOrderRow(db, o);
    db.prepare(`UPDATE ib_orders SET ${LINK_COLUMNS} WHERE client_order_ref = ?`).run(...linkValues(link), o.clientOrderRef);
  }).immediate();
}

export interface ExecutionRecord {
  execId: string;
  permId: number | null;
  ibOrderId: number | null;
  account: string;
  commissionKnown: boolean;
}

/** Stores a fill under its execution id; the owning order's row is written in the same transaction. */
export function insertIbFill(db: Database.Database, mode: LiveMode, f: Fill, exec: ExecutionRecord, owner: { order: Order; link: IbOrderLink } | null): void {
  db.transaction(() => {
    const row = insertFillRow(db, mode, f);
    db.prepare(
      'INSERT INTO ib_executions (exec_id, mode, fill_row, perm_id, ib_order_id, account, commission_known) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(exec.execId, mode, row, exec.permId, exec.ibOrderId, exec.account, exec.commissionKnown ? 1 : 0);
    if (owner) updateIbOrder(db, owner.order, owner.link);
  }).immediate();
}

/** Adds the commission report to a stored fill (and the owning order's total). */
export function setFillCommission(db: Database.Database, execId: string, commission: number, owner: { order: Order; link: IbOrderLink } | null): void {
  db.transaction(() => {
    db.prepare('UPDATE fills SET commission = ? WHERE row = (SELECT fill_row FROM ib_executions WHERE exec_id = ?)').run(commission, execId);
    db.prepare('UPDATE ib_executions SET commission_known = 1 WHERE exec_id = ?').run(execId);
    if (owner) updateIbOrder(db, owner.order, owner.link);
  }).immediate();
}

export interface StoredIbFill {
  fill: Fill;
  commissionKnown: boolean;
}

/** Every IB fill of `mode`, by time (none of the local simulator's). */
export function loadIbFills(db: Database.Database, mode: LiveMode): StoredIbFill[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.order_id AS orderId, f.instrument, f.side, f.quantity, f.price, f.commission, f.slippage,
         f.reference_price AS referencePrice, f.ts AS timestamp, e.commission_known AS known
       FROM fills f JOIN ib_executions e ON e.fill_row = f.row WHERE f.mode = ? AND e.account IS NOT ? ORDER BY f.ts, f.row`,
    )
    .all(mode, LOCAL_SIMULATOR_ACCOUNT) as (Fill & { known: number })[];
  return rows.map(({ known, ...fill }) => ({ fill, commissionKnown: known === 1 }));
}

/** An entry of the executed_actions log (reconciliation differences, unknown orders, trader decisions). */
export function recordAction(db: Database.Database, mode: LiveMode, ts: number, action: string, instrument: string | null, detail: unknown): void {
  db.prepare('INSERT INTO executed_actions (mode, ts, action, instrument, detail_json) VALUES (?, ?, ?, ?, ?)').run(
    mode, ts, action, instrument, JSON.stringify(detail),
  );
}

/** The positions TWS reported, as one snapshot at `ts`. */
export function snapshotPositions(db: Database.Database, mode: LiveMode, ts: number, positions: readonly Position[]): void {
  const insert = db.prepare(
    `INSERT INTO positions_snapshots (mode, ts, instrument, quantity, avg_cost, market_price, market_value, unrealized_pnl, realized_pnl)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const p of positions) insert.run(mode, ts, p.instrument, p.quantity, p.avgCost, p.marketPrice, p.marketValue, p.unrealizedPnl, p.realizedPnl);
  }).immediate();
}

/** The latest positions snapshot of `mode` (what the store knew before a reconciliation). */
export function lastPositionsSnapshot(db: Database.Database, mode: LiveMode): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT instrument, quantity FROM positions_snapshots
       WHERE mode = ? AND session_id IS NULL AND ts = (SELECT max(ts) FROM positions_snapshots WHERE mode = ? AND session_id IS NULL)`,
    )
    .all(mode, mode) as { instrument: string; quantity: number }[];
  return new Map(rows.map((r) => [r.instrument, r.quantity]));
}
