import type Database from 'better-sqlite3';
import type { Mode } from '../domain/enums';
import { createBatchWriter } from './batchWriter';
import { BACKTEST_TABLES, LIVE_TABLES } from './columns';
import type {
  ActionRow,
  EquityRow,
  FillRow,
  OrderRow,
  PositionSetRow,
  PositionSnapshotRow,
  TargetRow,
  TradeRow,
} from './rows';
import { OrderRefCompactor, RECORD_PREFIX_SQL, recordedPrefix, storedOrders } from './orderRefCompaction';
import { runRowOf } from './runs';
import { TableBuffer } from './tableBuffer';
import { ROWS_PER_STATEMENT, backtestPlans, livePlans } from './tablePlans';

export interface RunWriter {
  order(r: OrderRow): void;
  fill(r: FillRow): void;
  /** Paper and live only: a backtest stores a session's positions as one set. */
  position(r: PositionSnapshotRow): void;
  /** Backtests only: a session's held positions (see positionSets). */
  positionSet(r: PositionSetRow): void;
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
 * A buffered writer, in this thread, for everything one backtest run (mode BACKTEST with its run id)
 * or one paper/live session (runId null) records. Nothing reaches the database until flush().
 */
export function createRunWriter(db: Database.Database, runId: string | null, mode: Mode): RunWriter {
  if (mode === 'BACKTEST' && runId === null) throw new Error('createRunWriter: a BACKTEST writer needs a run id');
  if (mode !== 'BACKTEST' && runId !== null) throw new Error(`createRunWriter: a ${mode} writer records no run, got run id ${runId}`);
  const backtest = runId !== null;
  const specs = backtest ? BACKTEST_TABLES : LIVE_TABLES;
  const runRow = runId !== null ? runRowOf(db, runId, 'createRunWriter') : null;
  const plans = runRow !== null ? backtestPlans(runRow) : livePlans(mode as Exclude<Mode, 'BACKTEST'>);
  const writer = createBatchWriter(db, plans, ROWS_PER_STATEMENT);
  // Paper and live refs go to a broker and are kept as sent; only a backtest's are derivable.
  const refs = runRow !== null ? new OrderRefCompactor(recordedPrefix(db, runRow)) : null;
  const recordPrefix = refs ? db.prepare(RECORD_PREFIX_SQL) : null;
  const orders = new TableBuffer(storedOrders(specs.orders));
  const fills = new TableBuffer<FillRow>(specs.fills);
  const positions = backtest ? null : new TableBuffer<PositionSnapshotRow>(LIVE_TABLES.positions);
  const positionSets = backtest ? new TableBuffer<PositionSetRow>(BACKTEST_TABLES.positionSets) : null;
  const trades = new TableBuffer<TradeRow>(specs.trades);
  const actions = new TableBuffer<ActionRow>(specs.actions);
  const targets = new TableBuffer<TargetRow>(specs.targets);
  const equity = backtest ? new TableBuffer<EquityRow>(BACKTEST_TABLES.equity) : null;
  const buffers: TableBuffer<never>[] = [orders, fills, trades, actions, targets];
  for (const b of [positions, positionSets, equity]) if (b) buffers.push(b as TableBuffer<never>);

  const pending = () => buffers.reduce((n, b) => n + b.rows, 0);
  const writeAll = db.transaction(() => {
    const prefix = refs?.unrecordedPrefix() ?? null;
    if (prefix !== null && recordPrefix?.run(prefix, runRow).changes === 0) {
      throw new Error(`run ${runId} is gone or already records another order ref prefix`);
    }
    writer.write(buffers.map((b) => b.peek()));
  });
  const discard = () => {
    const n = pending();
    for (const b of buffers) b.clear();
    return n;
  };

  return {
    order: (r) => orders.push(refs ? refs.compact(r) : r),
    fill: (r) => fills.push(r),
    position: (r) => {
      if (!positions) throw new Error(`run ${runId} stores its positions as sets, one per session (positionSet)`);
      positions.push(r);
    },
    positionSet: (r) => {
      if (!positionSets) throw new Error(`position sets belong to a backtest run; this ${mode} writer has no run id`);
      positionSets.push(r);
    },
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
        // IMMEDIATE: it reads the run's prefix before writing, so it must hold the write lock from the start.
        writeAll.immediate();
        refs?.recorded();
      } catch (err) {
        const scope = runId === null ? `${mode} session` : `run ${runId}`;
        throw new Error(`flush for ${scope} rolled back, nothing written: ${(err as Error).message}`, { cause: err });
      }
      for (const b of buffers) b.clear();
    },
    discard,
  };
}
