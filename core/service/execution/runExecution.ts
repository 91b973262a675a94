import type Database from 'better-sqlite3';
import type { PriceSeries } from '../backtests/worker/messages';
import { executionAnalytics, type ExecOrder, type ExecutionAnalytics } from './executionAnalytics';

/** The planner's intents (core/engine/planner.ts): only its orders wait for the next open. */
const PLANNED = new Set(['OPEN_LONG', 'OPEN_SHORT', 'CLOSE', 'INCREASE', 'REDUCE']);

/** The close of `s` at or before `ts` (strictly before with `before`), or null before its first bar. */
function closeAt(s: PriceSeries | undefined, ts: number, before: boolean): number | null {
  if (!s) return null;
  let lo = 0;
  let hi = s.ts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (before ? s.ts[mid] < ts : s.ts[mid] <= ts) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? s.close[found] : null;
}

/**
 * A backtest's execution analytics. Its orders store nothing derivable, so the arrival price is
 * recomputed as the decision's close: the instrument's close at the session an order was placed,
 * or, for the planner's orders placed at the next open (`plannedAtOpen`: size_at execution and no
 * same_close), at the session before. The reference is what each fill was priced from (the open,
 * close, limit or stop the simulator quoted).
 */
export function runExecution(db: Database.Database, runId: string, series: readonly PriceSeries[], plannedAtOpen: boolean): ExecutionAnalytics {
  const run = db.prepare('SELECT row FROM backtest_runs WHERE id = ?').get(runId) as { row: number } | undefined;
  if (!run) throw new Error(`no run ${runId}`);
  const fills = new Map<number, { first: number; refValue: number; qty: number }>();
  const fillRows = db
    .prepare('SELECT order_seq AS seq, min(ts) AS first, sum(reference_price * quantity) AS refValue, sum(quantity) AS qty FROM backtest_fills WHERE run = ? GROUP BY order_seq')
    .iterate(run.row) as Iterable<{ seq: number; first: number; refValue: number; qty: number }>;
  for (const f of fillRows) fills.set(f.seq, f);
  const bySymbol = new Map(series.map((s) => [s.symbol, s]));
  const rows = db
    .prepare(
      'SELECT seq, instrument, side, type, quantity, filled_quantity AS filledQuantity, avg_fill_price AS avgFillPrice, status, created_at AS createdAt, intent FROM backtest_orders WHERE run = ?',
    )
    .iterate(run.row) as Iterable<{
    seq: number;
    instrument: string;
    side: 'BUY' | 'SELL';
    type: string;
    quantity: number;
    filledQuantity: number;
    avgFillPrice: number;
    status: string;
    createdAt: number;
    intent: string | null;
  }>;
  function* orders(): Iterable<ExecOrder> {
    for (const r of rows) {
      const f = fills.get(r.seq);
      yield {
        type: r.type,
        side: r.side,
        quantity: r.quantity,
        filledQuantity: r.filledQuantity,
        avgFillPrice: r.avgFillPrice,
        status: r.status,
        createdAt: r.createdAt,
        firstFillAt: f ? f.first : null,
        // A strategy's own orders (and close_at_end's) go out at the close they were decided at.
        arrivalPrice: closeAt(bySymbol.get(r.instrument), r.createdAt, plannedAtOpen && r.intent !== null && PLANNED.has(r.intent)),
        referencePrice: f && f.qty > 0 ? f.refValue / f.qty : null,
      };
    }
  }
  return executionAnalytics(orders());
}

/**
 * Paper or live orders (a strategy session's when `refPrefix` is given; else every order of the
 * mode): arrival price and quote as recorded when each was sent.
 */
export function liveExecution(db: Database.Database, mode: 'PAPER' | 'LIVE', refPrefix?: string): ExecutionAnalytics {
  const rows = db
    .prepare(
      `SELECT o.type, o.side, o.quantity, o.filled_quantity AS filledQuantity, o.avg_fill_price AS avgFillPrice, o.status, o.created_at AS createdAt,
              o.arrival_price AS arrivalPrice, o.arrival_quote AS referencePrice,
              (SELECT min(f.ts) FROM fills f WHERE f.order_id = o.id AND f.mode = o.mode) AS firstFillAt
       FROM orders o WHERE o.mode = ? AND (? IS NULL OR substr(o.client_order_ref, 1, length(?)) = ?)`,
    )
    .all(mode, refPrefix ?? null, `${refPrefix ?? ''}-`, `${refPrefix ?? ''}-`) as ExecOrder[];
  return executionAnalytics(rows);
}
