import type Database from 'better-sqlite3';
import { LOCAL_SIMULATOR_ACCOUNT } from './localSimulatorAccount';
import type { LiveMode } from './ibStore';

/** Migration 008's ib_differences and ib_position_baselines: what reconciliation found, until acknowledged. */

export type DifferenceKind = 'position' | 'unknown_order' | 'external_order' | 'unseen_fill';

export interface NewDifference {
  kind: DifferenceKind;
  /** What differs within its kind: instrument, order id, permId or execId. */
  key: string;
  instrument: string | null;
  /** The app's figure and the broker's (positions), null where a number says nothing. */
  ours: number | null;
  broker: number | null;
  detail: string;
}

export interface StoredDifference extends NewDifference {
  id: number;
  ts: number;
}

/**
 * Stores differences found at `ts`. One still unacknowledged with the same kind and key is updated
 * in place (the trader sees the latest figures once, not a line per reconnect). An order or an
 * execution the trader already acknowledged is not raised again; a position is, as it is a new figure.
 */
export function recordDifferences(db: Database.Database, mode: LiveMode, ts: number, diffs: readonly NewDifference[]): void {
  const upsert = db.prepare(
    `INSERT INTO ib_differences (mode, ts, kind, key, instrument, ours, broker, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (mode, kind, key) WHERE acknowledged_at IS NULL
     DO UPDATE SET ts = excluded.ts, instrument = excluded.instrument, ours = excluded.ours, broker = excluded.broker, detail = excluded.detail`,
  );
  const acknowledged = db.prepare('SELECT 1 FROM ib_differences WHERE mode = ? AND kind = ? AND key = ? AND acknowledged_at IS NOT NULL');
  db.transaction(() => {
    for (const d of diffs) if (d.kind === 'position' || acknowledged.get(mode, d.kind, d.key) === undefined) upsert.run(mode, ts, d.kind, d.key, d.instrument, d.ours, d.broker, d.detail);
  }).immediate();
}

interface DifferenceRow {
  id: number;
  ts: number;
  kind: DifferenceKind;
  key: string;
  instrument: string | null;
  ours: number | null;
  broker: number | null;
  detail: string;
}

/** The differences of `mode` the trader has not acknowledged yet, oldest first. */
export function openDifferences(db: Database.Database, mode: LiveMode): StoredDifference[] {
  return db
    .prepare(
      `SELECT row AS id, ts, kind, key, instrument, ours, broker, detail FROM ib_differences
       WHERE mode = ? AND acknowledged_at IS NULL ORDER BY ts, row`,
    )
    .all(mode) as DifferenceRow[];
}

/** Marks one difference as seen by the trader; false when `id` is not an open difference of `mode`. */
export function acknowledgeDifference(db: Database.Database, mode: LiveMode, id: number, at: number): boolean {
  return db.prepare('UPDATE ib_differences SET acknowledged_at = ? WHERE row = ? AND mode = ? AND acknowledged_at IS NULL').run(at, id, mode).changes === 1;
}

/** The newest fill row of `mode` (0 when none): what a snapshot taken now accounts for. */
export function lastFillRow(db: Database.Database, mode: LiveMode): number {
  const r = db.prepare('SELECT max(row) AS m FROM fills WHERE mode = ?').get(mode) as { m: number | null };
  return r.m ?? 0;
}

export function recordBaseline(db: Database.Database, mode: LiveMode, ts: number, throughFillRow: number): void {
  db.prepare('INSERT OR REPLACE INTO ib_position_baselines (mode, ts, through_fill_row) VALUES (?, ?, ?)').run(mode, ts, throughFillRow);
}

type FillRow = { id: string; instrument: string; side: 'BUY' | 'SELL'; quantity: number };

/**
 * The app's own record of its positions: the snapshot of the last reconciliation plus every fill
 * stored after the row it accounts for (a snapshot from before 008 has no row: fills after its time).
 * Null when the app has no record at all (never reconciled, no fill): a first connect adopts the account.
 */
export function expectedPositions(db: Database.Database, mode: LiveMode, excludeFillIds: ReadonlySet<string>): Map<string, number> | null {
  const out = new Map<string, number>();
  // A strategy session's snapshots (session_id set) are its own view at its bars, not a reconciliation.
  const snapshotAt = (ts: number): void => {
    const rows = db.prepare('SELECT instrument, quantity FROM positions_snapshots WHERE mode = ? AND ts = ? AND session_id IS NULL').all(mode, ts) as { instrument: string; quantity: number }[];
    for (const r of rows) out.set(r.instrument, r.quantity);
  };
  // Fills of the same mode from another broker (Alpaca's, see 009) are that broker's record, not IB's;
  // so are the local simulator's.
  const cols = `SELECT id, instrument, side, quantity FROM fills WHERE mode = ? AND row NOT IN (SELECT fill_row FROM alpaca_fills)
    AND row NOT IN (SELECT fill_row FROM ib_executions WHERE account = '${LOCAL_SIMULATOR_ACCOUNT}')`;
  let fills: FillRow[];
  const base = db.prepare('SELECT ts, through_fill_row AS r FROM ib_position_baselines WHERE mode = ? ORDER BY ts DESC LIMIT 1').get(mode) as
    | { ts: number; r: number }
    | undefined;
  if (base) {
    snapshotAt(base.ts);
    fills = db.prepare(`${cols} AND row > ? ORDER BY row`).all(mode, base.r) as FillRow[];
  } else {
    const snap = db.prepare('SELECT max(ts) AS ts FROM positions_snapshots WHERE mode = ? AND session_id IS NULL').get(mode) as { ts: number | null };
    if (snap.ts !== null) snapshotAt(snap.ts);
    fills = (db.prepare(`${cols} AND ts > ? ORDER BY row`).all(mode, snap.ts ?? Number.MIN_SAFE_INTEGER) as FillRow[]).filter((f) => !excludeFillIds.has(f.id));
    if (snap.ts === null && fills.length === 0) return null;
  }
  for (const f of fills) {
    if (excludeFillIds.has(f.id)) continue;
    out.set(f.instrument, (out.get(f.instrument) ?? 0) + (f.side === 'BUY' ? f.quantity : -f.quantity));
  }
  return out;
}
