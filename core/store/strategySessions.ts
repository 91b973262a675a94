import type Database from 'better-sqlite3';
import type { Bar, BarSeries } from '../data/BarSeries';
import type { Timestamp } from '../domain/order';

export type SessionStateName = 'running' | 'paused' | 'stopped' | 'failed';

/** A strategy session as stored. */
export interface SessionRow {
  id: string;
  name: string;
  mode: 'PAPER' | 'LIVE';
  broker: string;
  specJson: string;
  strategy: string;
  strategyVersion: string;
  sourceRunId: string | null;
  refPrefix: string;
  initialCash: number;
  barSeconds: number;
  state: SessionStateName;
  reason: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  stoppedAt: Timestamp | null;
  lastDecidedTs: Timestamp | null;
  decisions: number;
}

const COLUMNS = `id, name, mode, broker, spec_json AS specJson, strategy, strategy_version AS strategyVersion,
  source_run_id AS sourceRunId, ref_prefix AS refPrefix, initial_cash AS initialCash, bar_seconds AS barSeconds, state, reason, created_at AS createdAt, updated_at AS updatedAt,
  stopped_at AS stoppedAt, last_decided_ts AS lastDecidedTs, decisions`;

export function insertSession(db: Database.Database, s: Omit<SessionRow, 'updatedAt' | 'stoppedAt' | 'lastDecidedTs' | 'decisions' | 'reason'>): void {
  db.prepare(
    `INSERT INTO strategy_sessions (id, name, mode, broker, spec_json, strategy, strategy_version, source_run_id, ref_prefix, initial_cash, bar_seconds, state, created_at, updated_at)
     VALUES (@id, @name, @mode, @broker, @specJson, @strategy, @strategyVersion, @sourceRunId, @refPrefix, @initialCash, @barSeconds, @state, @createdAt, @createdAt)`,
  ).run(s);
}

export function getSession(db: Database.Database, id: string): SessionRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM strategy_sessions WHERE id = ?`).get(id) as SessionRow | undefined;
}

/** Newest first. */
export function listSessions(db: Database.Database): SessionRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM strategy_sessions ORDER BY created_at DESC, rowid DESC`).all() as SessionRow[];
}

export function setSessionState(db: Database.Database, id: string, state: SessionStateName, reason: string | null, at: Timestamp): void {
  db.prepare(
    `UPDATE strategy_sessions SET state = ?, reason = ?, updated_at = ?, stopped_at = CASE WHEN ? IN ('stopped', 'failed') THEN ? ELSE NULL END WHERE id = ?`,
  ).run(state, reason, at, state, at, id);
}

export function deleteSession(db: Database.Database, id: string): boolean {
  return db.transaction(() => {
    db.prepare('DELETE FROM positions_snapshots WHERE session_id = ?').run(id);
    db.prepare('DELETE FROM target_portfolios WHERE session_id = ?').run(id);
    db.prepare('DELETE FROM executed_actions WHERE session_id = ?').run(id);
    return db.prepare('DELETE FROM strategy_sessions WHERE id = ?').run(id).changes > 0;
  })();
}

/** Stores bars the session saw (`live` false: its warm-up history); a bar already stored is kept. */
export function insertSessionBars(db: Database.Database, id: string, symbol: string, bars: readonly Bar[], live: boolean): void {
  const stmt = db.prepare('INSERT OR IGNORE INTO session_bars (session_id, symbol, ts, open, high, low, close, volume, live) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const b of bars) stmt.run(id, symbol, b.ts, b.open, b.high, b.low, b.close, b.volume, live ? 1 : 0);
  })();
}

/** The session's bars per symbol, ascending, as series (barSeconds as given). */
export function sessionSeries(db: Database.Database, id: string, symbols: readonly string[], barSeconds: number): BarSeries[] {
  const stmt = db.prepare('SELECT ts, open, high, low, close, volume FROM session_bars WHERE session_id = ? AND symbol = ? ORDER BY ts');
  return symbols.map((symbol) => {
    const rows = stmt.all(id, symbol) as Bar[];
    const col = (k: keyof Bar): Float64Array => Float64Array.from(rows, (r) => r[k]);
    return { symbol, barSeconds, length: rows.length, ts: col('ts'), open: col('open'), high: col('high'), low: col('low'), close: col('close'), volume: col('volume') };
  });
}

/** The stamp of the session's first live bar, or null before any. */
export function firstLiveTs(db: Database.Database, id: string): Timestamp | null {
  const r = db.prepare('SELECT min(ts) AS ts FROM session_bars WHERE session_id = ? AND live = 1').get(id) as { ts: number | null };
  return r.ts;
}

export interface SessionEquityRow {
  ts: Timestamp;
  decision: number;
  equity: number;
  cash: number;
}

export function sessionEquity(db: Database.Database, id: string): SessionEquityRow[] {
  return db.prepare('SELECT ts, decision, equity, cash FROM session_equity WHERE session_id = ? ORDER BY ts').all(id) as SessionEquityRow[];
}

/** One order of a session with its broker record and latency stamps. */
export interface SessionOrderRow {
  clientOrderRef: string;
  decisionTs: Timestamp;
  instrument: string;
  decisionPrice: number | null;
  /** The broker's quote when it was sent; null when none had arrived. */
  arrivalQuote: number | null;
  decidedAt: Timestamp;
  sentAt: Timestamp;
  acknowledgedAt: Timestamp | null;
  filledAt: Timestamp | null;
  /** From the orders table; null when the broker never recorded the order. */
  orderId: string | null;
  side: 'BUY' | 'SELL' | null;
  type: string | null;
  quantity: number | null;
  status: string | null;
  filledQuantity: number | null;
  avgFillPrice: number | null;
  commission: number | null;
}

export function sessionOrders(db: Database.Database, id: string): SessionOrderRow[] {
  return db
    .prepare(
      `SELECT s.client_order_ref AS clientOrderRef, s.decision_ts AS decisionTs, s.instrument, s.decision_price AS decisionPrice, s.arrival_quote AS arrivalQuote,
              s.decided_at AS decidedAt, s.sent_at AS sentAt, s.acknowledged_at AS acknowledgedAt, s.filled_at AS filledAt,
              o.id AS orderId, o.side, o.type, o.quantity, o.status, o.filled_quantity AS filledQuantity, o.avg_fill_price AS avgFillPrice, o.commission
       FROM session_orders s LEFT JOIN orders o ON o.client_order_ref = s.client_order_ref
       WHERE s.session_id = ? ORDER BY s.decision_ts, s.rowid`,
    )
    .all(id) as SessionOrderRow[];
}

/** A fill of one of the session's orders. */
export interface SessionFillRow {
  clientOrderRef: string;
  decisionTs: Timestamp;
  instrument: string;
  side: 'BUY' | 'SELL';
  quantity: number;
  price: number;
  commission: number;
  ts: Timestamp;
}

export function sessionFills(db: Database.Database, id: string): SessionFillRow[] {
  return db
    .prepare(
      `SELECT s.client_order_ref AS clientOrderRef, s.decision_ts AS decisionTs, f.instrument, f.side, f.quantity, f.price, f.commission, f.ts
       FROM session_orders s JOIN orders o ON o.client_order_ref = s.client_order_ref JOIN fills f ON f.order_id = o.id AND f.mode = o.mode
       WHERE s.session_id = ? ORDER BY f.ts, f.row`,
    )
    .all(id) as SessionFillRow[];
}
