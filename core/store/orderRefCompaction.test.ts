import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrderRefs, orderRefFor } from '../domain/ids';
import { openDatabase } from './db';
import { OrderRefCompactor } from './orderRefCompaction';
import { getRunOrders } from './queries';
import type { OrderRow } from './rows';
import { createRun } from './runs';
import { createRunWriter } from './runWriter';

const runInput = {
  name: 'r', strategy: 's', config: {}, seed: 1, dataFingerprint: 'f', appVersion: '0', periodStart: 0, periodEnd: 1, sessionsTotal: 1,
};

function order(seq: number, clientOrderRef: string): OrderRow {
  return {
    id: `O${seq}`, clientOrderRef, instrument: 'GOOG', side: 'BUY', type: 'MARKET', quantity: 1, limitPrice: null, stopPrice: null,
    timeInForce: 'DAY', status: 'FILLED', filledQuantity: 1, avgFillPrice: 1, commission: 0, statusReason: null, createdAt: 1, updatedAt: 1, intent: null, extras: null,
  };
}

/** Order numbers across the ref's digit boundaries, up to the largest a stored id carries. */
const SEQS = [0, 1, 15, 16, 255, 4096, 2 ** 32, 2 ** 48 - 1, 2 ** 48, 2 ** 48 + 255, 2 ** 49 + 7, 10 ** 15 - 1];

let db: Database.Database;
let runId: string;
beforeEach(() => {
  db = openDatabase(':memory:');
  runId = createRun(db, runInput);
});
afterEach(() => db.close());

function stored(): { seq: number; ref: string | null }[] {
  return db.prepare('SELECT seq, client_order_ref AS ref FROM backtest_orders ORDER BY seq').all() as { seq: number; ref: string | null }[];
}

function prefixOf(id: string): string | null {
  return (db.prepare('SELECT order_ref_prefix AS p FROM backtest_runs WHERE id = ?').get(id) as { p: string | null }).p;
}

describe('order ref compaction', () => {
  it('stores generated refs as NULL and the view gives back exactly what orderRefFor makes', () => {
    const { prefix } = createOrderRefs();
    const w = createRunWriter(db, runId, 'BACKTEST');
    for (const seq of SEQS) w.order(order(seq, orderRefFor(prefix, seq)));
    w.flush();
    expect(prefixOf(runId)).toBe(prefix);
    expect(stored().every((r) => r.ref === null)).toBe(true);
    expect(getRunOrders(db, runId, { limit: 100, offset: 0 }).map((o) => o.clientOrderRef)).toEqual(SEQS.map((s) => orderRefFor(prefix, s)));
  });

  it('keeps refs a caller chose, learning the prefix from the first generated one', () => {
    const prefix = 'p-';
    const w = createRunWriter(db, runId, 'BACKTEST');
    // Looks generated but carries another order's number: a caller's ref, kept as given.
    w.order(order(1, orderRefFor(prefix, 2)));
    w.order(order(3, 'my-own-ref'));
    w.order(order(4, orderRefFor(prefix, 4)));
    w.order(order(5, orderRefFor('other-', 5)));
    w.order(order(6, orderRefFor(prefix, 6)));
    w.flush();
    expect(stored()).toEqual([
      { seq: 1, ref: orderRefFor(prefix, 2) },
      { seq: 3, ref: 'my-own-ref' },
      { seq: 4, ref: null },
      { seq: 5, ref: orderRefFor('other-', 5) },
      { seq: 6, ref: null },
    ]);
    expect(getRunOrders(db, runId, { limit: 10, offset: 0 }).map((o) => o.clientOrderRef)).toEqual([
      orderRefFor(prefix, 2), 'my-own-ref', orderRefFor(prefix, 4), orderRefFor('other-', 5), orderRefFor(prefix, 6),
    ]);
  });

  it('has a later writer of the run keep to the recorded prefix, and each run keep its own', () => {
    const first = createRunWriter(db, runId, 'BACKTEST');
    first.order(order(1, orderRefFor('a-', 1)));
    first.flush();
    const later = createRunWriter(db, runId, 'BACKTEST');
    later.order(order(2, orderRefFor('b-', 2)));
    later.order(order(3, orderRefFor('a-', 3)));
    later.flush();
    const otherRun = createRun(db, runInput);
    const other = createRunWriter(db, otherRun, 'BACKTEST');
    other.order(order(1, orderRefFor('b-', 1)));
    other.flush();
    expect(prefixOf(runId)).toBe('a-');
    expect(prefixOf(otherRun)).toBe('b-');
    expect(getRunOrders(db, runId, { limit: 10, offset: 0 }).map((o) => o.clientOrderRef)).toEqual([
      orderRefFor('a-', 1), orderRefFor('b-', 2), orderRefFor('a-', 3),
    ]);
    expect(getRunOrders(db, otherRun, { limit: 10, offset: 0 })[0].clientOrderRef).toBe(orderRefFor('b-', 1));
  });

  it('records the prefix with the flush that first needs it, and again after that flush rolled back', () => {
    const w = createRunWriter(db, runId, 'BACKTEST');
    w.order(order(1, orderRefFor('a-', 1)));
    w.order({ ...order(2, orderRefFor('a-', 2)), quantity: Number.NaN });
    expect(() => w.flush()).toThrow(/NOT NULL constraint failed: backtest_orders.quantity/);
    expect(prefixOf(runId)).toBeNull();
    w.discard();
    w.order(order(3, orderRefFor('a-', 3)));
    w.flush();
    expect(prefixOf(runId)).toBe('a-');
    expect(stored()).toEqual([{ seq: 3, ref: null }]);
  });

  it('refuses to record a second prefix for a run, so stored NULL refs never change meaning', () => {
    const w = createRunWriter(db, runId, 'BACKTEST');
    db.prepare('UPDATE backtest_runs SET order_ref_prefix = ? WHERE id = ?').run('x-', runId);
    w.order(order(1, orderRefFor('a-', 1)));
    expect(() => w.flush()).toThrow(`run ${runId} is gone or already records another order ref prefix`);
    expect(stored()).toEqual([]);
  });

  it('reports a learned prefix until told it is recorded', () => {
    const refs = new OrderRefCompactor(null);
    expect(refs.compact(order(7, 'short'))).toMatchObject({ clientOrderRef: 'short' });
    expect(refs.unrecordedPrefix()).toBeNull();
    expect(refs.compact(order(8, orderRefFor('z-', 8)))).toMatchObject({ id: 'O8', clientOrderRef: null });
    expect(refs.unrecordedPrefix()).toBe('z-');
    refs.recorded();
    expect(refs.unrecordedPrefix()).toBeNull();
    expect(refs.compact(order(9, orderRefFor('z-', 9))).clientOrderRef).toBeNull();
    expect(new OrderRefCompactor('z-').unrecordedPrefix()).toBeNull();
  });
});
