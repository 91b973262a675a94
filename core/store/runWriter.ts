import type Database from 'better-sqlite3';
import type { Mode } from '../domain/enums';
import {
  ACTION_FIELDS,
  EQUITY_FIELDS,
  FILL_FIELDS,
  ORDER_FIELDS,
  POSITION_FIELDS,
  TARGET_FIELDS,
  TRADE_FIELDS,
} from './columns';
import type {
  ActionRow,
  EquityRow,
  FillRow,
  OrderRow,
  PositionSnapshotRow,
  TargetRow,
  TradeRow,
} from './rows';
import { type BufferedTable, TableBuffer } from './tableBuffer';

export interface RunWriter {
  order(r: OrderRow): void;
  fill(r: FillRow): void;
  position(r: PositionSnapshotRow): void;
  /** Backtests only: equity rows belong to a run. */
  equity(r: EquityRow): void;
  /** Goes to backtest_trades for a run, to trades (with the mode) otherwise. */
  trade(r: TradeRow): void;
  action(r: ActionRow): void;
  target(r: TargetRow): void;
  /** Rows buffered and not yet written. */
  pending(): number;
  /**
   * Writes every buffered row in one transaction: all or nothing. On failure nothing of this flush is
   * in the database and the rows stay buffered (a retry after e.g. SQLITE_BUSY can succeed); call
   * discard() to drop them instead.
   */
  flush(): void;
  /** Drops the buffered rows without writing them; returns how many there were. */
  discard(): number;
}

/**
 * A buffered writer for everything one run (or, with runId null, one paper/live session) records.
 * Nothing reaches the database until flush().
 */
export function createRunWriter(db: Database.Database, runId: string | null, mode: Mode): RunWriter {
  if (mode === 'BACKTEST' && runId === null) throw new Error('createRunWriter: a BACKTEST writer needs a run id');
  if (runId !== null && !db.prepare('SELECT 1 FROM backtest_runs WHERE id = ?').get(runId)) {
    throw new Error(`createRunWriter: no run with id ${runId}`);
  }
  const scoped = { run_id: runId, mode };
  const orders = new TableBuffer<OrderRow>(db, 'orders', ORDER_FIELDS, scoped);
  const fills = new TableBuffer<FillRow>(db, 'fills', FILL_FIELDS, scoped);
  const positions = new TableBuffer<PositionSnapshotRow>(db, 'positions_snapshots', POSITION_FIELDS, scoped);
  const trades =
    runId === null
      ? new TableBuffer<TradeRow>(db, 'trades', TRADE_FIELDS, { mode })
      : new TableBuffer<TradeRow>(db, 'backtest_trades', TRADE_FIELDS, { run_id: runId });
  const equity = runId === null ? null : new TableBuffer<EquityRow>(db, 'backtest_daily_equity', EQUITY_FIELDS, { run_id: runId });
  const actions = new TableBuffer<ActionRow>(db, 'executed_actions', ACTION_FIELDS, scoped);
  const targets = new TableBuffer<TargetRow>(db, 'target_portfolios', TARGET_FIELDS, scoped);
  const buffers: BufferedTable[] = [orders, fills, positions, trades, actions, targets];
  if (equity) buffers.push(equity);

  const pending = () => buffers.reduce((n, b) => n + b.rows, 0);
  const writeAll = db.transaction(() => {
    for (const b of buffers) b.write();
  });
  const discard = () => {
    const n = pending();
    for (const b of buffers) b.clear();
    return n;
  };

  return {
    order: (r) => orders.push(r),
    fill: (r) => fills.push(r),
    position: (r) => positions.push(r),
    equity: (r) => {
      if (!equity) throw new Error(`equity rows need a backtest run; this ${mode} writer has no run id`);
      equity.push(r);
    },
    trade: (r) => trades.push(r),
    action: (r) => actions.push(r),
    target: (r) => targets.push(r),
    pending,
    flush: () => {
      if (pending() === 0) return;
      try {
        writeAll();
      } catch (err) {
        const scope = runId === null ? `${mode} session` : `run ${runId}`;
        throw new Error(`flush for ${scope} rolled back, nothing written: ${(err as Error).message}`, { cause: err });
      }
      for (const b of buffers) b.clear();
    },
    discard,
  };
}
