import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fill } from '../../../domain/order';
import { openDatabase } from '../../../store/db';
import { tempDir } from '../../../store/testDb';
import { acknowledgeDifference, expectedPositions, lastFillRow, openDifferences, recordBaseline, recordDifferences, type NewDifference } from './differences';
import { insertIbFill, snapshotPositions } from './ibStore';

let db: Database.Database;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openDatabase(join(t.dir, 'ib.db'));
});
afterEach(() => {
  db.close();
  cleanup();
});

let execs = 0;
function fill(instrument: string, side: 'BUY' | 'SELL', quantity: number, ts: number): string {
  const id = `x${++execs}`;
  const f: Fill = { id, orderId: 'o1', instrument, side, quantity, price: 10, commission: 0, timestamp: ts, referencePrice: 10, slippage: 0 };
  insertIbFill(db, 'PAPER', f, { execId: id, permId: null, ibOrderId: null, account: 'DU1', commissionKnown: true }, null);
  return id;
}

const held = (instrument: string, quantity: number) => ({ instrument, quantity, avgCost: 10, marketPrice: 10, marketValue: 10 * quantity, unrealizedPnl: 0, realizedPnl: 0 });

const position = (instrument: string, ours: number, broker: number): NewDifference => ({ kind: 'position', key: instrument, instrument, ours, broker, detail: `${ours} vs ${broker}` });

describe('expectedPositions', () => {
  it('is null while the app has no record at all', () => {
    expect(expectedPositions(db, 'PAPER', new Set())).toBeNull();
  });

  it('is the last reconciled snapshot plus the fills stored after the row it accounts for, without the excluded ones', () => {
    fill('AAA', 'BUY', 10, 1);
    snapshotPositions(db, 'PAPER', 100, [held('AAA', 10)]);
    recordBaseline(db, 'PAPER', 100, lastFillRow(db, 'PAPER'));
    fill('AAA', 'SELL', 4, 50); // stored after the snapshot although stamped before it: still counted
    fill('BBB', 'BUY', 0.1, 200);
    fill('BBB', 'BUY', 0.2, 201);
    const late = fill('CCC', 'BUY', 7, 202);
    const ours = expectedPositions(db, 'PAPER', new Set([late]));
    expect(ours?.get('AAA')).toBe(6);
    expect(ours?.get('BBB')).toBeCloseTo(0.3, 12);
    expect(ours?.has('CCC')).toBe(false);
  });

  it('after a reconciliation of an empty account the record is empty, not missing', () => {
    recordBaseline(db, 'PAPER', 100, lastFillRow(db, 'PAPER'));
    expect(expectedPositions(db, 'PAPER', new Set())).toEqual(new Map());
  });

  it('for a snapshot from before the baselines, counts the fills stamped after it', () => {
    snapshotPositions(db, 'PAPER', 100, [held('AAA', 10)]);
    fill('AAA', 'BUY', 5, 99);
    fill('AAA', 'BUY', 2, 101);
    expect(expectedPositions(db, 'PAPER', new Set())).toEqual(new Map([['AAA', 12]]));
  });

  it('leaves out the fills another broker (Alpaca) stored in the same mode', () => {
    snapshotPositions(db, 'PAPER', 100, [held('AAA', 10)]);
    recordBaseline(db, 'PAPER', 100, lastFillRow(db, 'PAPER'));
    fill('AAA', 'BUY', 5, 101);
    const alpaca = fill('AAA', 'BUY', 3, 102);
    db.prepare("INSERT INTO alpaca_fills (fill_key, mode, fill_row, alpaca_order_id) SELECT 'k', 'PAPER', row, 'a1' FROM fills WHERE id = ?").run(alpaca);
    expect(expectedPositions(db, 'PAPER', new Set())).toEqual(new Map([['AAA', 15]]));
  });

  it('keeps the modes apart', () => {
    fill('AAA', 'BUY', 10, 1);
    expect(expectedPositions(db, 'LIVE', new Set())).toBeNull();
  });
});

describe('recordDifferences', () => {
  it('updates an open difference in place, and raises a position again after it was acknowledged', () => {
    recordDifferences(db, 'PAPER', 1, [position('AAA', 10, 0)]);
    recordDifferences(db, 'PAPER', 2, [position('AAA', 10, 3)]);
    const open = openDifferences(db, 'PAPER');
    expect(open).toEqual([expect.objectContaining({ ts: 2, kind: 'position', key: 'AAA', ours: 10, broker: 3 })]);
    expect(acknowledgeDifference(db, 'LIVE', open[0]?.id ?? 0, 3)).toBe(false);
    expect(acknowledgeDifference(db, 'PAPER', open[0]?.id ?? 0, 3)).toBe(true);
    expect(openDifferences(db, 'PAPER')).toEqual([]);
    recordDifferences(db, 'PAPER', 4, [position('AAA', 3, 1)]);
    expect(openDifferences(db, 'PAPER')).toEqual([expect.objectContaining({ ts: 4, ours: 3, broker: 1 })]);
  });

  it('does not raise an order or an execution the trader already acknowledged', () => {
    const external: NewDifference = { kind: 'external_order', key: '42', instrument: 'BBB', ours: null, broker: 2, detail: 'not ours' };
    recordDifferences(db, 'PAPER', 1, [external]);
    const [first] = openDifferences(db, 'PAPER');
    acknowledgeDifference(db, 'PAPER', first?.id ?? 0, 2);
    recordDifferences(db, 'PAPER', 3, [external, { ...external, key: '43' }]);
    expect(openDifferences(db, 'PAPER').map((d) => d.key)).toEqual(['43']);
  });
});
