import { Worker } from 'node:worker_threads';
import type { Job } from '../../ipc/contract/backtests';
import type { WorkerInput, WorkerMessage } from './worker/messages';
import { backtestWorkerUrl } from './worker/workerUrl';

export interface JobQueueOptions {
  dbPath: string;
  baseDir: string;
  /** Told of every change to a job (queued, started, progressed, ended). */
  onJob: (job: Job) => void;
  /** Told of equity points as a running job computes them. */
  onPoints: (jobId: string, runId: string | null, ts: number[], equity: number[]) => void;
  now?: () => number;
  workerUrl?: URL;
}

interface Entry {
  job: Job;
  spec: Record<string, unknown>;
  cancel: SharedArrayBuffer;
  /** When the first progress report came, and how far it was: the ETA's base, after data preparation. */
  firstReport: { at: number; done: number } | null;
  worker: Worker | null;
}

/** How many ended jobs the queue remembers (runs themselves live in the store). */
const KEEP_ENDED = 50;

/**
 * Runs backtests one after another, each in its own worker thread so the engine keeps answering
 * while it runs. Cancelling a queued job drops it; cancelling a running one stops it between
 * sessions and keeps what it computed (the run is recorded as cancelled).
 */
export class JobQueue {
  private readonly entries: Entry[] = [];
  private seq = 0;
  private readonly now: () => number;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly opts: JobQueueOptions) {
    this.now = opts.now ?? Date.now;
  }

  list(): Job[] {
    return this.entries.map((e) => ({ ...e.job }));
  }

  enqueue(name: string, spec: Record<string, unknown>): Job {
    const job: Job = {
      jobId: `job-${++this.seq}`,
      name,
      state: 'queued',
      runId: null,
      done: 0,
      total: 0,
      etaMs: null,
      error: null,
      queuedAt: this.now(),
    };
    this.entries.push({ job, spec, cancel: new SharedArrayBuffer(4), firstReport: null, worker: null });
    this.changed(job);
    this.pump();
    return { ...job };
  }

  /** Returns the job as it stands after the request, or undefined for an unknown id. */
  cancel(jobId: string): Job | undefined {
    const e = this.entries.find((x) => x.job.jobId === jobId);
    if (!e) return undefined;
    if (e.job.state === 'queued') {
      e.job.state = 'cancelled';
      this.changed(e.job);
      this.prune();
    } else if (e.job.state === 'running') {
      Atomics.store(new Int32Array(e.cancel), 0, 1);
    }
    return { ...e.job };
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (!this.entries.some((e) => e.job.state === 'queued' || e.job.state === 'running')) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Cancels everything and waits for the running worker to record its run. */
  async close(): Promise<void> {
    for (const e of this.entries) if (e.job.state === 'queued' || e.job.state === 'running') this.cancel(e.job.jobId);
    await this.idle();
  }

  private changed(job: Job): void {
    this.opts.onJob({ ...job });
  }

  private prune(): void {
    const ended = this.entries.filter((e) => e.job.state !== 'queued' && e.job.state !== 'running');
    for (const e of ended.slice(0, Math.max(0, ended.length - KEEP_ENDED))) this.entries.splice(this.entries.indexOf(e), 1);
  }

  private pump(): void {
    if (this.entries.some((e) => e.job.state === 'running')) return;
    const next = this.entries.find((e) => e.job.state === 'queued');
    if (!next) {
      for (const w of this.idleWaiters.splice(0)) w();
      return;
    }
    this.start(next);
  }

  private start(e: Entry): void {
    e.job.state = 'running';
    this.changed(e.job);
    const input: WorkerInput = {
      spec: e.spec,
      baseDir: this.opts.baseDir,
      dbPath: this.opts.dbPath,
      cancel: e.cancel,
      pointsPerReport: 200,
    };
    const worker = new Worker(this.opts.workerUrl ?? backtestWorkerUrl(), {
      workerData: input,
      // The engine's V8 settings (see README: young generation sized for orders and fills).
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    e.worker = worker;
    let ended = false;
    const finish = (state: Job['state'], error: string | null): void => {
      if (ended) return;
      ended = true;
      e.job.state = state;
      e.job.error = error;
      e.job.etaMs = state === 'completed' ? 0 : null;
      e.worker = null;
      this.changed(e.job);
      this.prune();
      this.pump();
    };
    worker.on('message', (m: WorkerMessage) => {
      switch (m.type) {
        case 'start':
          e.job.runId = m.runId;
          e.job.total = m.total;
          this.changed(e.job);
          break;
        case 'progress': {
          e.job.done = m.done;
          e.job.total = m.total;
          const now = this.now();
          e.firstReport ??= { at: now, done: m.done };
          const rate = (m.done - e.firstReport.done) / (now - e.firstReport.at);
          e.job.etaMs = rate > 0 ? Math.round((m.total - m.done) / rate) : null;
          this.opts.onPoints(e.job.jobId, e.job.runId, m.ts, m.equity);
          this.changed(e.job);
          break;
        }
        case 'done':
          finish(m.status, m.error);
          break;
        case 'error':
          finish('failed', m.message);
          break;
      }
    });
    worker.on('error', (err) => finish('failed', err.message));
    worker.on('exit', (code) => finish('failed', `the backtest worker stopped unexpectedly (exit code ${code})`));
  }
}
