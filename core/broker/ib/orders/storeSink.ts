import type Database from 'better-sqlite3';
import type { BrokerEvent } from '../../events';
import { insertIbFill, setFillCommission, updateIbOrder, type LiveMode } from '../store/ibStore';
import type { OrderSink } from './orderBook';
import type { TrackedOrder } from './trackedOrder';

const owned = (t: TrackedOrder | null) => (t ? { order: t.order, link: t.link } : null);

/** The book's sink: every change is written to SQLite (in one transaction per change) before it is announced. */
export function storeSink(db: Database.Database, mode: LiveMode, emit: (e: BrokerEvent) => void, accountTouched: () => void): OrderSink {
  return {
    orderChanged: (t) => updateIbOrder(db, t.order, t.link),
    fillAdded: (owner, fill, exec) => {
      insertIbFill(db, mode, fill, exec, owned(owner));
      accountTouched();
    },
    commissionAdded: (owner, execId, fill) => {
      setFillCommission(db, execId, fill.commission, owned(owner));
      accountTouched();
    },
    emit,
  };
}
