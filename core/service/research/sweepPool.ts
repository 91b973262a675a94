import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { PboPart } from '../../research/stats/pbo';
import type { PboTask, SweepRow, SweepTask } from './worker/messages';
import { sweepWorkerUrl } from './worker/workerUrl';

export interface SweepPoolOptions {
  /** Worker threads; every core by default. */
  workers?: number;
  workerUrl?: URL;
  /**
   * Keep idle workers this long, then let them exit (their loaded data with them); they start again on the
   * next task. By default the workers live as long as the pool (one command's sweep).
   */
  idleMs?: number;
}

/**
 * Worker threads that run sweep batches, one per core. Each worker keeps the data it loaded, so a sweep's
 * batches (and a walk-forward's windows) read their bars once per worker, not once per run.
 */
export class SweepPool {
  private readonly pool: Piscina<SweepTask | PboTask, SweepRow[] | PboPart>;
  readonly workers: number;

  constructor(opts: SweepPoolOptions = {}) {
    this.workers = Math.max(1, Math.floor(opts.workers ?? availableParallelism()));
    this.pool = new Piscina<SweepTask | PboTask, SweepRow[] | PboPart>({
      filename: fileURLToPath(opts.workerUrl ?? sweepWorkerUrl()),
      minThreads: opts.idleMs === undefined ? this.workers : 0,
      maxThreads: this.workers,
      // One batch at a time per worker: the pool's queue, not the worker's, holds the rest (so cancel drops them).
      concurrentTasksPerWorker: 1,
      idleTimeout: opts.idleMs ?? 60_000,
      // As the backtest worker: young-generation room for a run's short-lived objects (see JobQueue).
      resourceLimits: { maxYoungGenerationSizeMb: 96 },
    });
  }

  run(task: SweepTask, signal?: AbortSignal): Promise<SweepRow[]> {
    return this.pool.run(task, { signal: signal ?? null }) as Promise<SweepRow[]>;
  }

  pboPart(task: PboTask): Promise<PboPart> {
    return this.pool.run(task, { name: 'pboPart' }) as Promise<PboPart>;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
