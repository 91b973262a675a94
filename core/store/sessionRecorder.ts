import type Database from 'better-sqlite3';
import type { SessionRecorder } from '../session/strategySession';
import { recordArrival } from './orderArrivals';
import { insertSessionBars, setSessionState } from './strategySessions';

/** A session's records in the store: its own tables, and the paper/live tables tagged with its id. */
export function storeRecorder(db: Database.Database, sessionId: string, mode: 'PAPER' | 'LIVE'): SessionRecorder {
  const deciding = db.prepare('UPDATE strategy_sessions SET last_decided_ts = ?, decisions = ?, updated_at = ? WHERE id = ?');
  const equity = db.prepare('INSERT OR REPLACE INTO session_equity (session_id, ts, decision, equity, cash) VALUES (?, ?, ?, ?, ?)');
  const snapshot = db.prepare(
    `INSERT INTO positions_snapshots (mode, ts, instrument, quantity, avg_cost, market_price, market_value, unrealized_pnl, realized_pnl, session_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const target = db.prepare('INSERT INTO target_portfolios (mode, ts, instrument, kind, value, session_id) VALUES (?, ?, ?, ?, ?, ?)');
  const action = db.prepare('INSERT INTO executed_actions (mode, ts, action, instrument, detail_json, session_id) VALUES (?, ?, ?, ?, ?, ?)');
  const sent = db.prepare(
    'INSERT OR IGNORE INTO session_orders (client_order_ref, session_id, decision_ts, instrument, decision_price, arrival_quote, decided_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const acknowledged = db.prepare('UPDATE session_orders SET acknowledged_at = coalesce(acknowledged_at, ?) WHERE client_order_ref = ?');
  const filled = db.prepare('UPDATE session_orders SET filled_at = coalesce(filled_at, ?) WHERE client_order_ref = ?');
  const arrival = db.prepare('SELECT decision_price AS price, arrival_quote AS quote FROM session_orders WHERE client_order_ref = ?');
  const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

  return {
    bars(ts, bars) {
      db.transaction(() => {
        for (const [symbol, b] of bars) insertSessionBars(db, sessionId, symbol, [{ ...b, ts }], true);
      })();
    },
    deciding(ts, index) {
      deciding.run(ts, index, Date.now(), sessionId);
    },
    decided(d) {
      db.transaction(() => {
        equity.run(sessionId, d.ts, d.index, d.equity, d.cash);
        for (const p of d.positions) {
          snapshot.run(mode, d.ts, p.instrument, p.quantity, p.avgCost, p.marketPrice, p.marketValue, p.unrealizedPnl, p.realizedPnl, sessionId);
        }
        if (d.targets) for (const [instrument, value] of d.targets.values) target.run(mode, d.ts, instrument, d.targets.kind, value, sessionId);
      })();
    },
    equity(ts, index, value, cash) {
      equity.run(sessionId, ts, index, value, cash);
    },
    sent(o) {
      sent.run(o.ref, sessionId, o.ts, o.instrument, finite(o.decisionPrice), o.arrivalQuote === null ? null : finite(o.arrivalQuote), Number.isFinite(o.decidedAt) ? o.decidedAt : o.sentAt, o.sentAt);
    },
    orderEvent(ref, kind, at) {
      (kind === 'acknowledged' ? acknowledged : filled).run(at, ref);
      // The broker's order row exists by now: it gets the arrival the session recorded before sending.
      const s = arrival.get(ref) as { price: number | null; quote: number | null } | undefined;
      if (s) recordArrival(db, ref, s.price, s.quote);
    },
    action(at, name, instrument, detail) {
      action.run(mode, at, name, instrument, JSON.stringify(detail), sessionId);
    },
    state(state, reason, at) {
      setSessionState(db, sessionId, state, reason, at);
    },
  };
}
