import type Database from 'better-sqlite3';
import type { Fill, Order, Timestamp } from '../domain/order';
import type { Position } from '../domain/portfolio';
import { updateRunProgress } from '../store/runs';
import { createRunWriter } from '../store/runWriter';
import type { EquityPoint, RunSink } from './RunSink';
import type { RoundTrip } from './tradeTracker';

/** A RunSink that buffers a run's records and writes them to SQLite in one transaction per flush. */
export function createStoreSink(db: Database.Database, runId: string): RunSink {
  const w = createRunWriter(db, runId, 'BACKTEST');
  return {
    order(o: Order) {
      w.order({
        id: o.id,
        clientOrderRef: o.clientOrderRef,
        instrument: o.instrument,
        side: o.side,
        type: o.type,
        quantity: o.quantity,
        limitPrice: o.limitPrice,
        stopPrice: o.stopPrice,
        timeInForce: o.timeInForce,
        status: o.status,
        filledQuantity: o.filledQuantity,
        avgFillPrice: o.avgFillPrice,
        commission: o.commission,
        statusReason: o.statusReason,
        createdAt: o.createdAt,
        updatedAt: o.updatedAt,
        metadataJson: o.metadata ? JSON.stringify(o.metadata) : null,
      });
    },
    fill(f: Fill) {
      w.fill({
        id: f.id,
        orderId: f.orderId,
        instrument: f.instrument,
        side: f.side,
        quantity: f.quantity,
        price: f.price,
        commission: f.commission,
        slippage: f.slippage,
        referencePrice: f.referencePrice,
        ts: f.timestamp,
      });
    },
    position(ts: Timestamp, p: Position) {
      w.position({
        ts,
        instrument: p.instrument,
        quantity: p.quantity,
        avgCost: p.avgCost,
        marketPrice: p.marketPrice,
        marketValue: p.marketValue,
        unrealizedPnl: p.unrealizedPnl,
        realizedPnl: p.realizedPnl,
      });
    },
    equity(e: EquityPoint) {
      w.equity(e);
    },
    trade(t: RoundTrip) {
      w.trade(t);
    },
    target(ts, kind, instrument, value) {
      w.target({ ts, kind, instrument, value });
    },
    action(ts, action, instrument, detail) {
      w.action({ ts, action, instrument, detailJson: JSON.stringify(detail) });
    },
    flush(sessionsDone: number) {
      w.flush();
      updateRunProgress(db, runId, sessionsDone);
    },
  };
}
