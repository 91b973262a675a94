import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { ResolvedSpec } from '../../config/loadSpec';
import type { BarSeries } from '../../data/BarSeries';
import type { Combination } from '../../research/where';
import type { RunWindow } from './evaluator';
import { sharedSeries } from './sharedSeries';
import type { SweepPool } from './sweepPool';
import { CLAIM_STOP, type RowsMessage, type SweepRow } from './worker/messages';

export interface EvaluateOptions {
  /** The database a store-sourced spec reads its bars from. */
  dbPath?: string | null;
  /**
   * The spec's data when the caller has already loaded it (as loadSpecData gives it): the workers run on it,
   * shared (see sharedSeries; share it once beforehand when evaluating many times), instead of reading it again.
   */
  series?: readonly BarSeries[] | null;
  window?: RunWindow | null;
  withEquity?: boolean;
  /** Told as rows come back (every few runs): combinations done and the total. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Runs every combination on the pool and answers their rows in `combinations`' order (row i is combination i,
 * whatever its `index`). Each worker takes the next combination left as soon as it finishes one (see SweepTask),
 * so none waits for the others or for this thread between runs. A failing run rejects with its combination
 * named, and the other workers stop after their current run; `signal` stops the evaluation at once.
 */
export async function evaluateAll(
  pool: SweepPool,
  spec: ResolvedSpec,
  combinations: readonly { index: number; params: Combination }[],
  opts: EvaluateOptions = {},
): Promise<SweepRow[]> {
  const total = combinations.length;
  const rows = new Array<SweepRow>(total);
  if (opts.signal?.aborted) throw new SweepCancelled(rows);
  if (total === 0) return rows;
  let done = 0;
  const claims = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const series = opts.series ? sharedSeries(opts.series) : null;
  const shares = Math.min(pool.workers, total);
  const take = (m: RowsMessage): void => {
    for (let i = 0; i < m.rows.length; i++) rows[m.positions[i]] = m.rows[i];
    done += m.rows.length;
    opts.onProgress?.(done, total);
  };
  const ports: MessagePort[] = [];
  const tasks = Array.from({ length: shares }, async () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    // Resolved by the worker's last message on the port: every row it posted has been read by then.
    const drained = new Promise<void>((resolve) => {
      port1.on('message', (m: RowsMessage | null) => (m === null ? resolve() : take(m)));
    });
    const task = { spec, dbPath: opts.dbPath ?? null, series, combinations, claims, port: port2, window: opts.window ?? null, withEquity: opts.withEquity ?? false };
    try {
      await pool.run(task, { signal: opts.signal, transferList: [port2] });
    } catch (err) {
      Atomics.store(claims, CLAIM_STOP, 1);
      throw err;
    }
    await drained;
  });
  const settled = await Promise.allSettled(tasks);
  // A stopped worker's last rows may still wait on its port: they are done, so they are kept.
  for (const p of ports) {
    for (let m = receiveMessageOnPort(p); m !== undefined; m = receiveMessageOnPort(p)) if (m.message !== null) take(m.message as RowsMessage);
    p.close();
  }
  if (opts.signal?.aborted) throw new SweepCancelled(rows);
  // The first real failure, not the aborts it may have caused.
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected' && !isAbort(s.reason)) ?? settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return rows;
}

/** Thrown when the caller's signal cancelled the evaluation. */
export class SweepCancelled extends Error {
  /** The rows finished before the cancel, at their combination's position; the others are missing. */
  constructor(readonly rows: (SweepRow | undefined)[]) {
    super('cancelled');
    this.name = 'SweepCancelled';
  }
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || /aborted/i.test(err.message));
}
