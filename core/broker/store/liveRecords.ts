import type Database from 'better-sqlite3';
import type { Mode, OrderStatus, OrderType, Side, TimeInForce } from '../../domain/enums';
import type { Fill, Order } from '../../domain/order';
import { extrasJson, extrasOfJson } from './extrasJson';

/**
 * 001's paper/live `orders` and `fills` rows, as every broker adapter writes and reads them; each
 * adapter keeps its own link to the broker's ids in a table of its own, written in the same transaction.
 */

export type LiveMode = Exclude<Mode, 'BACKTEST'>;

/** An `orders` row as SELECT o.* gives it. */
export interface OrderRow {
  id: string;
  client_order_ref: string;
  instrument: string;
  side: Side;
  type: OrderType;
  quantity: number;
  limit_price: number | null;
  stop_price: number | null;
  time_in_force: TimeInForce;
  status: OrderStatus;
  filled_quantity: number;
  avg_fill_price: number;
  commission: number;
  status_reason: string | null;
  created_at: number;
  updated_at: number;
  intent: string | null;
  extras: string | null;
}

function intentOf(order: Order): string | null {
  const intent = order.metadata?.intent;
  return typeof intent === 'string' ? intent : null;
}

export function insertOrderRow(db: Database.Database, mode: LiveMode, o: Order): void {
  db.prepare(
    `INSERT INTO orders (id, mode, client_order_ref, instrument, side, type, quantity, limit_price, stop_price, time_in_force,
       status, filled_quantity, avg_fill_price, commission, status_reason, created_at, updated_at, intent, extras)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    o.id, mode, o.clientOrderRef, o.instrument, o.side, o.type, o.quantity, o.limitPrice, o.stopPrice, o.timeInForce,
    o.status, o.filledQuantity, o.avgFillPrice, o.commission, o.statusReason, o.createdAt, o.updatedAt, intentOf(o), extrasJson(o.extras),
  );
}

/** Writes what can change of an order: its size, prices and trail (a modification), its state and fills. */
export function updateOrderRow(db: Database.Database, o: Order): void {
  db.prepare(
    `UPDATE orders SET quantity = ?, limit_price = ?, stop_price = ?, status = ?, filled_quantity = ?, avg_fill_price = ?,
       commission = ?, status_reason = ?, updated_at = ?, extras = ? WHERE client_order_ref = ?`,
  ).run(o.quantity, o.limitPrice, o.stopPrice, o.status, o.filledQuantity, o.avgFillPrice, o.commission, o.statusReason, o.updatedAt, extrasJson(o.extras), o.clientOrderRef);
}

/** Stores a fill; returns its row, which the adapter's own table refers to. */
export function insertFillRow(db: Database.Database, mode: LiveMode, f: Fill): number {
  return Number(
    db
      .prepare(
        `INSERT INTO fills (id, mode, order_id, instrument, side, quantity, price, commission, slippage, reference_price, ts)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(f.id, mode, f.orderId, f.instrument, f.side, f.quantity, f.price, f.commission, f.slippage, f.referencePrice, f.timestamp).lastInsertRowid,
  );
}

export function orderOfRow(r: OrderRow, mode: LiveMode): Order {
  return {
    id: r.id,
    clientOrderRef: r.client_order_ref,
    instrument: r.instrument,
    side: r.side,
    type: r.type,
    quantity: r.quantity,
    limitPrice: r.limit_price,
    stopPrice: r.stop_price,
    timeInForce: r.time_in_force,
    createdAt: r.created_at,
    mode,
    metadata: r.intent === null ? null : { intent: r.intent },
    status: r.status,
    filledQuantity: r.filled_quantity,
    avgFillPrice: r.avg_fill_price,
    commission: r.commission,
    extras: extrasOfJson(r.extras, r.id),
    triggered: false,
    statusReason: r.status_reason,
    updatedAt: r.updated_at,
  };
}
