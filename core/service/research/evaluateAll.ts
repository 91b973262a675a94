import { setMaxListeners } from 'node:events';
import type { ResolvedSpec } from '../../config/loadSpec';
import type { Combination } from '../../research/where';
import type { RunWindow } from './evaluator';
import type { SweepPool } from './sweepPool';
import type { SweepRow } from './worker/messages';

export interface EvaluateOptions {
  /** The database a store-sourced spec reads its bars from. */
  dbPath?: string | null;
  window?: RunWindow | null;
  withEquity?: boolean;
  /** Told after each batch: combinations done and the total. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Batches small enough for progress and an even finish across workers, large enough that messaging stays cheap. */
function batchSize(total: number, workers: number): number {
  return Math.max(1, Math.min(64, Math.ceil(total / (workers * 32))));
}

/**
 * Runs every combination on the pool and answers their rows in `combinations`' order (row i is combination i,
 * whatever its `index`). A failing run rejects with its combination named; `signal` stops the rest.
 */
export async function evaluateAll(
  pool: SweepPool,
  spec: ResolvedSpec,
  combinations: readonly { index: number; params: Combination }[],
  opts: EvaluateOptions = {},
): Promise<SweepRow[]> {
  const total = combinations.length;
  const size = batchSize(total, pool.workers);
  const rows = new Array<SweepRow>(total);
  let done = 0;
  // The first failure stops the batches still queued, as a cancel does.
  const stop = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
  // Every queued batch listens to it: that is the point, not a leak.
  setMaxListeners(0, signal);
  const batches: Promise<void>[] = [];
  for (let from = 0; from < total; from += size) {
    const slice = combinations.slice(from, from + size);
    const task = { spec, dbPath: opts.dbPath ?? null, combinations: slice, window: opts.window ?? null, withEquity: opts.withEquity ?? false };
    batches.push(
      pool.run(task, signal).then(
        (answer) => {
          for (let i = 0; i < answer.length; i++) rows[from + i] = answer[i];
          done += answer.length;
          opts.onProgress?.(done, total);
        },
        (err: unknown) => {
          stop.abort();
          throw err;
        },
      ),
    );
  }
  const settled = await Promise.allSettled(batches);
  if (opts.signal?.aborted) throw new SweepCancelled(rows);
  // The first real failure, not the aborts it caused in the batches after it.
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
