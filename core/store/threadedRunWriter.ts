import { createRequire } from 'node:module';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { registerActiveWriter } from './activeWriters';
import { createBatchWriter } from './batchWriter';
import { BACKTEST_TABLES } from './columns';
import { CONNECTION_PRAGMAS } from './db';
import type { ActionRow, EquityRow, FillRow, OrderRow, PositionSetRow, TargetRow, TradeRow } from './rows';
import { OrderRefCompactor, RECORD_PREFIX_SQL, recordedPrefix, storedOrders } from './orderRefCompaction';
import { runRowOf } from './runs';
import { TableBuffer, type TableBatch, transferablesOf } from './tableBuffer';
import { ROWS_PER_STATEMENT, backtestPlans } from './tablePlans';
import {
  SIGNAL,
  SIGNAL_SLOTS,
  type WriterFailure,
  type WriterMessage,
  type WriterThreadData,
  writerThreadMain,
} from './writerThread';

/** A backtest run's writer whose SQLite work happens on another thread. */
export interface ThreadedRunWriter {
  order(r: OrderRow): void;
  fill(r: FillRow): void;
  /** A session's held positions (see positionSets). */
  positionSet(r: PositionSetRow): void;
  equity(r: EquityRow): void;
  trade(r: TradeRow): void;
  target(r: TargetRow): void;
  action(r: ActionRow): void;
  /**
   * Hands everything buffered to the writer thread, which commits it in one transaction together
   * with `sessionsDone`: a flush lands whole or not at all. Returns before the commit; throws if the
   * writer thread has failed (then nothing from the failed flush on is in the database).
   */
  flush(sessionsDone: number): void;
  /** Blocks until every flush so far is committed; throws the writer thread's error if it failed. */
  drain(): void;
  /** Drains, then stops the writer thread. Rejects with the writer's error if it failed. */
  close(): Promise<void>;
}

export interface ThreadedWriterOptions {
  /** Rows buffered before they are sent on, inside the current flush. */
  chunkRows?: number;
  /** Messages the writer thread may have queued before the engine waits: bounds memory. */
  maxInFlight?: number;
  /** How long the writer may make no progress before it is declared stuck. */
  stallMs?: number;
}

const DEFAULT_CHUNK_ROWS = 16_384;
const DEFAULT_MAX_IN_FLIGHT = 8;
const DEFAULT_STALL_MS = 120_000;
const WAIT_SLICE_MS = 1000;

/**
 * The writer thread's program as source text. The app ships as one bundle, so there is no worker
 * module file to point a Worker at; the two functions are self-contained and travel as text.
 * `__name` is the helper esbuild's keep-names (used by tsx) wraps functions in.
 */
const WORKER_SOURCE = `
const __name = (f) => f;
const { workerData, parentPort } = require('node:worker_threads');
(${writerThreadMain.toString()})({
  require,
  data: workerData,
  port: parentPort,
  createBatchWriter: (${createBatchWriter.toString()}),
  signal: ${JSON.stringify(SIGNAL)},
});`;

/**
 * Starts a writer thread for backtest run `runId` of the database file `db` is open on (it opens
 * its own connection). Rows are buffered in columns and sent in chunks, so SQLite work overlaps the engine.
 */
export function createThreadedRunWriter(
  db: Database.Database,
  runId: string,
  options: ThreadedWriterOptions = {},
): ThreadedRunWriter {
  if (db.memory) throw new Error(`createThreadedRunWriter: run ${runId} is in an in-memory database, which another thread cannot open`);
  const runRow = runRowOf(db, runId, 'createThreadedRunWriter');
  const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;

  const signals = new SharedArrayBuffer(SIGNAL_SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const view = new Int32Array(signals);
  const { port1, port2 } = new MessageChannel();
  const workerData: WriterThreadData = {
    sqlitePath: createRequire(import.meta.url).resolve('better-sqlite3'),
    file: db.name,
    pragmas: [...CONNECTION_PRAGMAS],
    runId,
    runRow,
    plans: backtestPlans(runRow),
    recordPrefixSql: RECORD_PREFIX_SQL,
    rowsPerStatement: ROWS_PER_STATEMENT,
    signals,
    errors: port2,
  };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData, transferList: [port2] });
  // A run that is never closed must not keep the process alive; finishRun still drains it.
  worker.unref();
  port1.unref();

  const refs = new OrderRefCompactor(recordedPrefix(db, runRow));
  const orders = new TableBuffer(storedOrders(BACKTEST_TABLES.orders));
  const fills = new TableBuffer<FillRow>(BACKTEST_TABLES.fills);
  const positions = new TableBuffer<PositionSetRow>(BACKTEST_TABLES.positionSets);
  const trades = new TableBuffer<TradeRow>(BACKTEST_TABLES.trades);
  const targets = new TableBuffer<TargetRow>(BACKTEST_TABLES.targets);
  const actions = new TableBuffer<ActionRow>(BACKTEST_TABLES.actions);
  const equity = new TableBuffer<EquityRow>(BACKTEST_TABLES.equity);
  const buffers: TableBuffer<never>[] = [orders, fills, positions, trades, targets, actions, equity];
  let buffered = 0;
  let sent = 0;
  let failure: Error | null = null;
  let closed = false;

  function failed(): Error | null {
    if (failure === null && Atomics.load(view, SIGNAL.failed) === 1) {
      const received = receiveMessageOnPort(port1)?.message as WriterFailure | undefined;
      failure = new Error(`run ${runId} could not be written: ${received?.message ?? 'the writer thread failed'}`);
    }
    return failure;
  }

  /** Blocks until at most `limit` sent messages are unhandled, or the writer has failed. */
  function waitUntil(limit: number): void {
    let seen = Atomics.load(view, SIGNAL.handled);
    let progressAt = Date.now();
    while (sent - seen > limit && !failed()) {
      Atomics.wait(view, SIGNAL.handled, seen, WAIT_SLICE_MS);
      const now = Atomics.load(view, SIGNAL.handled);
      if (now !== seen) {
        seen = now;
        progressAt = Date.now();
      } else if (Date.now() - progressAt > stallMs) {
        failure = new Error(`run ${runId} could not be written: the writer thread made no progress for ${stallMs} ms`);
      }
    }
  }

  function send(msg: WriterMessage): void {
    if (closed) throw new Error(`run ${runId}: its writer is closed`);
    waitUntil(maxInFlight - 1);
    if (failed()) return;
    const transfer = msg.kind === 'close' ? [] : msg.batches.flatMap(transferablesOf);
    worker.postMessage(msg, transfer);
    sent++;
    // The writer thread records it in the transaction of these rows; if that fails, so does the run.
    if (msg.kind !== 'close' && msg.orderRefPrefix !== null) refs.recorded();
  }

  function take(): TableBatch[] {
    buffered = 0;
    return buffers.filter((b) => b.rows > 0).map((b) => b.take());
  }

  function added(): void {
    if (++buffered < chunkRows) return;
    // After a failure the rows have nowhere to go; dropping them keeps memory flat until flush reports it.
    if (failed()) take();
    else send({ kind: 'rows', batches: take(), orderRefPrefix: refs.unrecordedPrefix() });
  }

  function drain(): void {
    waitUntil(0);
    const err = failed();
    if (err) throw err;
  }

  const unregister = registerActiveWriter(runId, drain);

  return {
    order: (r) => (orders.push(refs.compact(r)), added()),
    fill: (r) => (fills.push(r), added()),
    positionSet: (r) => (positions.push(r), added()),
    equity: (r) => (equity.push(r), added()),
    trade: (r) => (trades.push(r), added()),
    target: (r) => (targets.push(r), added()),
    action: (r) => (actions.push(r), added()),
    flush(sessionsDone) {
      const batches = take();
      const err = failed();
      if (err) throw err;
      send({ kind: 'commit', batches, orderRefPrefix: refs.unrecordedPrefix(), sessionsDone });
    },
    drain,
    async close() {
      if (closed) return;
      try {
        drain();
      } finally {
        unregister();
        closed = true;
        // threadId is -1 once the thread has ended (e.g. its module never loaded): nothing to wait for.
        // (A `return` here would swallow drain's error.)
        if (worker.threadId >= 0) {
          const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
          worker.ref();
          worker.postMessage({ kind: 'close' } satisfies WriterMessage);
          await exited;
          port1.close();
        }
      }
    },
  };
}
