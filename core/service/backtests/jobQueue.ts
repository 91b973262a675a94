import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Job } from '../../ipc/contract/backtests';
import { holdLease } from '../../store/leases';
import { JobStore, type EndState } from './jobStore';
import type { WorkerInput, WorkerMessage } from './worker/messages';
import { backtestWorkerUrl } from './worker/workerUrl';

export interface JobQueueOptions {
  /** The host's connection: jobs are persisted in its backtest_jobs table. */
  db: Database.Database;
  dbPath: string;
  baseDir: string;
  /** Told of every change to a job (queued, started, progressed, ended). */
  onJob: (job: Job) => void;
  /** Told of equity points as a running job computes them. */
  onPoints: (jobId: string, runId: string | null, ts: number[], equity: number[]) => void;
  now?: () => number;
  workerUrl?: URL;
  /** Told when recording a job's change in the store failed (the queue itself goes on). */
  onStoreError?: (what: string, err: unknown) => void;
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
 *
 * Jobs are persisted (JobStore): the queue a previous host left (after a crash, its running job
 * too) is loaded by the constructor and run by resume(). The host holds a lease while the queue is
 * open, so another host can tell its running job from one a crash left behind.
 */
export class JobQueue {
  private readonly entries: Entry[] = [];
  private readonly now: () => number;
  private readonly idleWaiters: (() => void)[] = [];
  private readonly store: JobStore;
  private readonly releaseLease: () => void;
  private paused = true;
  private closing = false;

  constructor(private readonly opts: JobQueueOptions) {
    this.now = opts.now ?? Date.now;
    this.store = new JobStore(opts.db);
    this.releaseLease = holdLease(opts.db);
    this.store.recover(this.now());
    for (const { job, spec } of this.store.load(KEEP_ENDED)) {
      this.entries.push({ job, spec, cancel: new SharedArrayBuffer(4), firstReport: null, worker: null });
    }
  }

  /** Starts running the queue, including the jobs loaded from the store. */
  resume(): void {
    this.paused = false;
    this.pump();
  }

  list(): Job[] {
    return this.entries.map((e) => ({ ...e.job }));
  }

  enqueue(name: string, spec: Record<string, unknown>): Job {
    if (this.closing) throw new Error('the backtest queue is shutting down');
    const job = this.store.add(name, spec, this.now());
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
      this.store.cancelQueued(jobId, this.now());
      e.job.state = 'cancelled';
      this.changed(e.job);
      this.prune();
    } else if (e.job.state === 'running') {
      Atomics.store(new Int32Array(e.cancel), 0, 1);
    }
    return { ...e.job };
  }

  /** Resolves when nothing is running and nothing queued will start (the queue is drained or paused). */
  idle(): Promise<void> {
    const busy = this.entries.some((e) => e.job.state === 'running' || (!this.paused && e.job.state === 'queued'));
    if (!busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops the running job (its run is recorded as cancelled) and waits for its worker; queued jobs
   * stay queued in the store, and the next host runs them.
   */
  async close(): Promise<void> {
    this.closing = true;
    this.paused = true;
    const running = this.entries.filter((e) => e.job.state === 'running');
    for (const e of running) this.cancel(e.job.jobId);
    if (running.length > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    this.releaseLease();
  }

  /**
   * Records a change made while a worker reports: a busy or failing database must not throw out of
   * an event handler (that would end the process). The in-memory queue stays right; a crash before
   * the next successful write at worst runs the job again.
   */
  private persist(what: string, write: () => void): void {
    try {
      write();
    } catch (err) {
      this.opts.onStoreError?.(what, err);
    }
  }

  private changed(job: Job): void {
    this.opts.onJob({ ...job });
  }

  private prune(): void {
    const ended = this.entries.filter((e) => e.job.state !== 'queued' && e.job.state !== 'running');
    for (const e of ended.slice(0, Math.max(0, ended.length - KEEP_ENDED))) this.entries.splice(this.entries.indexOf(e), 1);
    this.store.prune(KEEP_ENDED);
  }

  private pump(): void {
    if (this.entries.some((e) => e.job.state === 'running')) return;
    let next = this.paused ? undefined : this.entries.find((e) => e.job.state === 'queued');
    // Another host on the same database may have claimed or cancelled it: then it is not ours to show.
    while (next && !this.store.claim(next.job.jobId)) {
      this.entries.splice(this.entries.indexOf(next), 1);
      next = this.entries.find((e) => e.job.state === 'queued');
    }
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
      // The engine's V8 settings (see README): 32 MB semi-spaces, three of which make the young generation.
      resourceLimits: { maxYoungGenerationSizeMb: 96 },
    });
    e.worker = worker;
    let ended = false;
    const finish = (state: EndState, error: string | null): void => {
      if (ended) return;
      ended = true;
      e.job.state = state;
      e.job.error = error;
      e.job.etaMs = state === 'completed' ? 0 : null;
      e.worker = null;
      this.persist(`ending job ${e.job.jobId}`, () => this.store.end(e.job.jobId, state, error, this.now()));
      this.changed(e.job);
      this.persist('pruning ended jobs', () => this.prune());
      this.persist('starting the next job', () => this.pump());
    };
    worker.on('message', (m: WorkerMessage) => {
      switch (m.type) {
        case 'start':
          e.job.runId = m.runId;
          this.persist(`recording job ${e.job.jobId}'s run`, () => this.store.setRun(e.job.jobId, m.runId));
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
