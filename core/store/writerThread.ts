import type { MessagePort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { BatchWriter, TablePlan, createBatchWriter } from './batchWriter';
import type { TableBatch } from './tableBuffer';

/** What the writer thread is started with: plain data and ports, nothing that needs a module. */
export interface WriterThreadData {
  /** Absolute path of better-sqlite3, resolved by the engine thread (the worker has no module context). */
  sqlitePath: string;
  file: string;
  pragmas: string[];
  runId: string;
  runRow: number;
  plans: TablePlan[];
  /** Records the run's order ref prefix (see orderRefCompaction). */
  recordPrefixSql: string;
  rowsPerStatement: number;
  /** Int32 slots shared with the engine thread, indexed by SIGNAL. */
  signals: SharedArrayBuffer;
  /** The writer thread's failure message travels here; the engine thread reads it synchronously. */
  errors: MessagePort;
}

/**
 * The engine thread never yields to its event loop during a run, so the writer thread reports
 * through shared memory: a count of messages handled (waited on for back-pressure and drains)
 * and a failed flag.
 */
export const SIGNAL = { handled: 0, failed: 1 } as const;
export const SIGNAL_SLOTS = 2;

/**
 * rows: part of the current flush, written inside its open transaction.
 * commit: the flush's last rows; then the run's progress is recorded and the transaction committed.
 * orderRefPrefix: recorded with the run before the rows, whose NULL client order refs need it.
 */
export type WriterMessage =
  | { kind: 'rows'; batches: TableBatch[]; orderRefPrefix: string | null }
  | { kind: 'commit'; batches: TableBatch[]; orderRefPrefix: string | null; sessionsDone: number }
  | { kind: 'close' };

export interface WriterFailure {
  message: string;
}

interface WriterThreadEnv {
  require: (id: string) => unknown;
  data: WriterThreadData;
  port: MessagePort;
  createBatchWriter: typeof createBatchWriter;
  signal: typeof SIGNAL;
}

/**
 * The writer thread's program: one connection to the run's database file, one transaction per flush.
 *
 * SELF-CONTAINED like createBatchWriter: it runs from its source text and gets everything via `env`.
 */
export function writerThreadMain(env: WriterThreadEnv): void {
  const { data, port, signal } = env;
  const signals = new Int32Array(data.signals);
  let db: Database.Database | undefined;
  let writer: BatchWriter | undefined;
  let progress: Database.Statement | undefined;
  let recordPrefix: Database.Statement | undefined;
  let failed = false;

  function handled(): void {
    Atomics.add(signals, signal.handled, 1);
    Atomics.notify(signals, signal.handled);
  }

  /** Rolls back the open flush, so none of it lands, and reports; later messages are only counted. */
  function fail(err: unknown): void {
    failed = true;
    try {
      if (db?.inTransaction) db.exec('ROLLBACK');
    } catch {
      // SQLite discards an unfinished transaction anyway; the original error is the one to report.
    }
    data.errors.postMessage({ message: err instanceof Error ? err.message : String(err) });
    Atomics.store(signals, signal.failed, 1);
    Atomics.notify(signals, signal.handled);
  }

  /**
   * A flush's rows are written as they arrive, inside one IMMEDIATE transaction that its 'commit' ends,
   * so the writer keeps pace with the engine instead of idling until the flush is complete (waiting for
   * the commit cost about a third of a persisted run's speed). The write lock is held for one flush, a
   * progress step of the run; other writers wait for it on their busy timeout (see connectionPragmas).
   */
  function handle(msg: WriterMessage): void {
    if (msg.kind === 'close') {
      db?.close();
      port.close();
      return;
    }
    if (failed || !db || !writer || !progress || !recordPrefix) return;
    // IMMEDIATE takes the write lock up front, so a busy database fails before any row is written.
    if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
    if (msg.orderRefPrefix !== null && recordPrefix.run(msg.orderRefPrefix, data.runRow).changes === 0) {
      throw new Error(`run ${data.runId} is gone or already records another order ref prefix`);
    }
    writer.write(msg.batches);
    if (msg.kind === 'commit') {
      if (progress.run(msg.sessionsDone, data.runRow).changes === 0) {
        throw new Error(`run ${data.runId} is no longer running, so its records were not kept`);
      }
      db.exec('COMMIT');
    }
  }

  try {
    const Sqlite = env.require(data.sqlitePath) as typeof Database;
    db = new Sqlite(data.file, { fileMustExist: true });
    for (const p of data.pragmas) db.pragma(p);
    // Checking every row's run costs a lookup per row and proves nothing here: each flush's transaction
    // holds the write lock and ends by updating the run as still running, so a run deleted
    // meanwhile fails the flush and rolls back its rows.
    db.pragma('foreign_keys = OFF');
    writer = env.createBatchWriter(db, data.plans, data.rowsPerStatement);
    progress = db.prepare("UPDATE backtest_runs SET sessions_done = ? WHERE row = ? AND status = 'running'");
    recordPrefix = db.prepare(data.recordPrefixSql);
  } catch (err) {
    fail(err);
  }

  port.on('message', (msg: WriterMessage) => {
    try {
      handle(msg);
    } catch (err) {
      fail(err);
    }
    handled();
  });
}
