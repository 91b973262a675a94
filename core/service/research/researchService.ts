import type Database from 'better-sqlite3';
import { ConfigError } from '../../config/ConfigError';
import { parseSpec, type ResolvedSpec } from '../../config/loadSpec';
import type { Job } from '../../ipc/contract/backtests';
import type { ResearchJob, SweepRequest, WalkForwardRequest } from '../../ipc/contract/research';
import { ApiError } from '../../ipc/errors';
import { OBJECTIVES, type Objective } from '../../research/objective';
import { getRun } from '../../store/runs';
import { deleteSweep, getSweep, recoverResearch, setSweepRun, sweepProgress, sweepResults } from '../../store/sweeps';
import { createWalkForward, deleteWalkForward, finishWalkForward, walkForwardProgress, walkForwardStarted } from '../../store/walkForwards';
import type { JobQueue } from '../backtests/jobQueue';
import { prepareSweep, runSweep, type SweepSetup } from './sweep';
import { SweepPool } from './sweepPool';
import { endSweepRecord, failSweepRecord, startSweepRecord, strategyLabel, sweepRequestOf } from './sweepRecord';
import { runWalkForward } from './walkForward';
import { endWalkForwardRecord, failWalkForwardRecord } from './walkForwardRecord';

export interface ResearchServiceOptions {
  db: Database.Database;
  dbPath: string;
  /** Folder that relative paths typed into the form resolve against. */
  baseDir: string;
  /** The backtest queue: a combination's full run is recorded through it. */
  backtests: JobQueue;
  /** Told of every change to a research job. */
  onJob: (job: ResearchJob) => void;
  /** Worker threads per sweep; every core by default. */
  workers?: number;
  now?: () => number;
}

interface Entry {
  job: ResearchJob;
  run: (signal: AbortSignal, progress: (done: number, total: number) => void) => Promise<void>;
  abort: AbortController;
  started: number | null;
}

/** How often progress reaches the store and the renderer: enough for a smooth bar, little enough to cost nothing. */
const REPORT_EVERY_MS = 200;
const KEEP_ENDED = 20;
const FORM = 'sweep';
/** Idle workers exit after this, releasing the data they loaded. */
const POOL_IDLE_MS = 30_000;

/**
 * Sweeps and walk-forwards, one at a time on a pool of worker threads (every core), with progress, ETA and
 * cancel. Each is checked in full before it is queued (a bad request is refused, never half-run) and recorded
 * in the store as it starts; a full run with every order and fill is recorded only for a combination opened.
 */
export class ResearchService {
  private readonly entries: Entry[] = [];
  private readonly now: () => number;
  /** Backtest jobs recording a sweep combination's run, so the run is linked to it once named. */
  private readonly opening = new Map<string, { sweepId: string; index: number }>();
  private running = false;
  private closed = false;
  /** Shared by the jobs (one runs at a time), so a sweep soon after another finds its workers started and compiled. */
  private pool: SweepPool | null = null;

  constructor(private readonly opts: ResearchServiceOptions) {
    this.now = opts.now ?? Date.now;
    recoverResearch(opts.db);
  }

  objectives(): Objective[] {
    return [...OBJECTIVES];
  }

  /** The request checked in full: its spec, and its sweep against the strategy's params (a module's is loaded for them). */
  private async resolve(req: SweepRequest): Promise<{ spec: ResolvedSpec; setup: SweepSetup }> {
    const spec = parseSpec(req.spec, FORM, this.opts.baseDir);
    return { spec, setup: await prepareSweep(spec, req, req.objective, FORM) };
  }

  /** How many combinations a request makes, or every problem with it. */
  async plan(req: SweepRequest): Promise<{ combinations: number; paramNames: string[]; issues: string[] }> {
    try {
      const { setup } = await this.resolve(req);
      return { combinations: setup.plan.combinations.length, paramNames: setup.plan.paramNames, issues: [] };
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      return { combinations: 0, paramNames: [], issues: err.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)) };
    }
  }

  private poolOf(): SweepPool {
    this.pool ??= new SweepPool({ workers: this.opts.workers, idleMs: POOL_IDLE_MS });
    return this.pool;
  }

  private dbPathFor(spec: ResolvedSpec): string | null {
    return spec.data.kind === 'store' ? this.opts.dbPath : null;
  }

  async startSweep(req: SweepRequest): Promise<ResearchJob> {
    const { spec, setup } = await this.resolve(req);
    const request = sweepRequestOf(spec, [], req, setup.objective.name);
    const id = startSweepRecord(this.opts.db, setup, request, 'queued');
    return this.enqueue(id, 'sweep', spec.name, setup.plan.combinations.length, async (signal, progress) => {
      try {
        const run = await runSweep(setup, this.poolOf(), {
          dbPath: this.dbPathFor(spec),
          signal,
          onProgress: (done, total) => {
            progress(done, total);
            sweepProgress(this.opts.db, id, done);
          },
        });
        endSweepRecord(this.opts.db, id, run);
        if (run.state === 'cancelled') throw new CancelledError();
      } catch (err) {
        if (!(err instanceof CancelledError)) failSweepRecord(this.opts.db, id, err);
        throw err;
      }
    });
  }

  async startWalkForward(req: WalkForwardRequest): Promise<ResearchJob> {
    const { spec, setup } = await this.resolve(req);
    const request = { ...sweepRequestOf(spec, [], req, setup.objective.name), windows: req.windows };
    const id = createWalkForward(this.opts.db, {
      name: spec.name,
      strategy: strategyLabel(spec),
      objective: setup.objective.name,
      request,
      paramNames: setup.plan.paramNames,
      total: 0,
    }, 'queued');
    return this.enqueue(id, 'walkforward', spec.name, 0, async (signal, progress) => {
      try {
        const result = await runWalkForward(spec, req, this.poolOf(), {
          dbPath: this.dbPathFor(spec),
          label: FORM,
          signal,
          onStart: (start) => walkForwardStarted(this.opts.db, id, start.total),
          onProgress: (done, total) => {
            progress(done, total);
            walkForwardProgress(this.opts.db, id, done);
          },
        });
        endWalkForwardRecord(this.opts.db, id, result);
        if (result.state === 'cancelled') throw new CancelledError();
      } catch (err) {
        if (!(err instanceof CancelledError)) failWalkForwardRecord(this.opts.db, id, err);
        throw err;
      }
    });
  }

  private enqueue(id: string, kind: ResearchJob['kind'], name: string, total: number, run: Entry['run']): ResearchJob {
    if (this.closed) throw new ApiError('UNAVAILABLE', 'the engine is shutting down');
    const job: ResearchJob = { id, kind, name, state: 'queued', done: 0, total, etaMs: null, error: null };
    this.entries.push({ job, run, abort: new AbortController(), started: null });
    this.changed(job);
    void this.pump();
    return { ...job };
  }

  private changed(job: ResearchJob): void {
    this.opts.onJob({ ...job });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    const e = this.entries.find((x) => x.job.state === 'queued');
    if (!e) return;
    this.running = true;
    e.job.state = 'running';
    e.started = this.now();
    this.changed(e.job);
    let last = 0;
    try {
      await e.run(e.abort.signal, (done, total) => {
        e.job.done = done;
        e.job.total = total;
        const now = this.now();
        const elapsed = now - (e.started ?? now);
        e.job.etaMs = done > 0 && elapsed > 0 ? Math.round((elapsed / done) * (total - done)) : null;
        if (now - last >= REPORT_EVERY_MS || done === total) {
          last = now;
          this.changed(e.job);
        }
      });
      e.job.state = 'completed';
      e.job.etaMs = 0;
    } catch (err) {
      e.job.state = err instanceof CancelledError || e.abort.signal.aborted ? 'cancelled' : 'failed';
      e.job.error = e.job.state === 'failed' ? (err instanceof Error ? err.message : String(err)) : null;
      e.job.etaMs = null;
    }
    this.changed(e.job);
    this.trim();
    this.running = false;
    if (!this.closed) void this.pump();
  }

  private trim(): void {
    const ended = this.entries.filter((x) => x.job.state !== 'queued' && x.job.state !== 'running');
    for (const old of ended.slice(0, Math.max(0, ended.length - KEEP_ENDED))) this.entries.splice(this.entries.indexOf(old), 1);
  }

  cancel(id: string): ResearchJob {
    const e = this.entries.find((x) => x.job.id === id);
    if (!e) throw new ApiError('NOT_FOUND', `no sweep or walk-forward ${id} in progress`);
    if (e.job.state === 'queued') {
      e.job.state = 'cancelled';
      if (e.job.kind === 'sweep') endSweepRecord(this.opts.db, id, { state: 'cancelled', rows: [], best: null, overfitting: null, elapsedMs: 0 });
      else finishWalkForward(this.opts.db, id, { state: 'cancelled', elapsedMs: 0, result: null, error: null });
      this.changed(e.job);
    } else if (e.job.state === 'running') e.abort.abort();
    return { ...e.job };
  }

  /** Deletes a sweep or walk-forward that has ended (a queued or running one is cancelled first). */
  delete(id: string): { deleted: boolean } {
    const active = this.entries.find((e) => e.job.id === id && (e.job.state === 'queued' || e.job.state === 'running'));
    if (active) throw new ApiError('CONFLICT', `${active.job.kind === 'sweep' ? 'the sweep' : 'the walk-forward'} is still ${active.job.state}; cancel it first`);
    return { deleted: deleteSweep(this.opts.db, id) || deleteWalkForward(this.opts.db, id) };
  }

  jobs(): ResearchJob[] {
    return this.entries.map((e) => ({ ...e.job }));
  }

  /**
   * The full run of a sweep's combination: the recorded one if it is still there, else a backtest job that
   * records it (the same spec with the combination's params, so its metrics are the sweep's to the cent).
   */
  openRun(id: string, index: number): { runId: string | null; job: Job | null } {
    const sweep = getSweep(this.opts.db, id);
    if (!sweep) throw new ApiError('NOT_FOUND', `no sweep ${id}`);
    const row = sweepResults(this.opts.db, id).find((r) => r.index === index);
    if (!row) throw new ApiError('NOT_FOUND', `sweep ${id} has no combination ${index}`);
    if (row.runId !== null && getRun(this.opts.db, row.runId)) return { runId: row.runId, job: null };
    const request = sweep.request as SweepRequest;
    const strategy = request.spec.strategy as Record<string, unknown>;
    const params = { ...(strategy.params as Record<string, unknown> | undefined), ...row.params };
    const label = Object.entries(row.params).map(([k, v]) => `${k}=${String(v)}`).join(' ');
    const spec = { ...request.spec, name: `${sweep.name} (${label})`, strategy: { ...strategy, params } };
    const job = this.opts.backtests.enqueue(spec.name, spec);
    this.opening.set(job.jobId, { sweepId: id, index });
    return { runId: null, job };
  }

  /** Told of every backtest job change: links an opened combination to its run as soon as the run is named. */
  noteBacktestJob(job: Job): void {
    const link = this.opening.get(job.jobId);
    if (!link || job.runId === null) return;
    setSweepRun(this.opts.db, link.sweepId, link.index, job.runId);
    this.opening.delete(job.jobId);
  }

  /** Cancels what runs and drops what waits. */
  async close(): Promise<void> {
    this.closed = true;
    for (const e of this.entries) if (e.job.state === 'running' || e.job.state === 'queued') e.abort.abort();
    while (this.running) await new Promise((r) => setTimeout(r, 10));
    await this.pool?.close();
  }
}

class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}
