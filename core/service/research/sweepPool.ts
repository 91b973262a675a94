import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { TransferListItem } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { PboPart } from '../../research/stats/pbo';
import type { PboTask, SweepTask } from './worker/messages';
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
 * Worker threads that run sweeps, one per core. Each worker keeps the data it loaded (or runs on the caller's,
 * shared), so a sweep (and a walk-forward's windows) reads its bars once per worker at most, not once per run.
 */
export class SweepPool {
  private readonly pool: Piscina<SweepTask | PboTask, number | PboPart>;
  readonly workers: number;

  constructor(opts: SweepPoolOptions = {}) {
    this.workers = Math.max(1, Math.floor(opts.workers ?? availableParallelism()));
    this.pool = new Piscina<SweepTask | PboTask, number | PboPart>({
      filename: fileURLToPath(opts.workerUrl ?? sweepWorkerUrl()),
      minThreads: opts.idleMs === undefined ? this.workers : 0,
      maxThreads: this.workers,
      // One task at a time per worker: an evaluation gives each worker one task, which takes combinations until none is left.
      concurrentTasksPerWorker: 1,
      idleTimeout: opts.idleMs ?? 60_000,
      // As the backtest worker: young-generation room for a run's short-lived objects (see JobQueue).
      resourceLimits: { maxYoungGenerationSizeMb: 96 },
    });
  }

  /** Runs a worker's share of an evaluation (see SweepTask); answers how many combinations it ran. `signal` ends it at once. */
  run(task: SweepTask, opts: { signal?: AbortSignal; transferList?: TransferListItem[] } = {}): Promise<number> {
    return this.pool.run(task, { signal: opts.signal ?? null, transferList: opts.transferList }) as Promise<number>;
  }

  pboPart(task: PboTask): Promise<PboPart> {
    return this.pool.run(task, { name: 'pboPart' }) as Promise<PboPart>;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
