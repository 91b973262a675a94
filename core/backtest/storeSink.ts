import type Database from 'better-sqlite3';
import type { Fill, Order, Timestamp } from '../domain/order';
import { extrasJson } from '../broker/store/extrasJson';
import type { HeldPositions } from '../domain/portfolio';
import type { OrderRow } from '../store/rows';
import { getRun, updateRunProgress } from '../store/runs';
import { packPositionSet } from '../store/positionSets';
import { createRunWriter } from '../store/runWriter';
import { createThreadedRunWriter } from '../store/threadedRunWriter';
import type { EquityPoint, RunSink } from './RunSink';
import type { RoundTrip } from './tradeTracker';

/** A RunSink that also says when the run's records are all stored. */
export interface StoreSink extends RunSink {
  /** Waits until everything flushed is committed, then releases the writer; rejects if writing failed. */
  close(): Promise<void>;
}

export interface StoreSinkOptions {
  /** Write on this thread instead of a writer thread (an in-memory database always does). */
  sameThread?: boolean;
}

/** The planner records why it placed an order as metadata.action; that is the order row's intent. */
function intentOf(o: Order): string | null {
  const action = o.metadata?.action;
  return typeof action === 'string' ? action : null;
}

function orderRow(o: Order): OrderRow {
  return {
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
    intent: intentOf(o),
    extras: extrasJson(o.extras),
  };
}

/**
 * A RunSink that writes a run's records to SQLite, one transaction per flush. By default the SQLite
 * work runs on a writer thread: flush only hands the rows over (waiting only if the writer falls
 * far behind), and the flush that completes the run's sessions waits until everything is committed.
 */
export function createStoreSink(db: Database.Database, runId: string, options: StoreSinkOptions = {}): StoreSink {
  const run = getRun(db, runId);
  if (!run) throw new Error(`createStoreSink: no run with id ${runId}`);
  const threaded = !options.sameThread && !db.memory;
  const w = threaded ? createThreadedRunWriter(db, runId) : createRunWriter(db, runId, 'BACKTEST');
  return {
    order(o: Order) {
      w.order(orderRow(o));
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
    positions(ts: Timestamp, held: HeldPositions) {
      w.positionSet(packPositionSet(ts, held));
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
      if (!('drain' in w)) {
        w.flush();
        updateRunProgress(db, runId, sessionsDone);
        return;
      }
      w.flush(sessionsDone);
      // The last flush of a full run: the run's time includes storing it, and its end means stored.
      if (sessionsDone >= run.sessionsTotal) w.drain();
    },
    async close() {
      if ('close' in w) await w.close();
    },
  };
}
