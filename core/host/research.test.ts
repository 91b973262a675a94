import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../ipc/contract/backtests';
import type { ResearchJob } from '../ipc/contract/research';
import { ApiError } from '../ipc/errors';
import { eventually, startTestHost, type TestHost } from './testing';

const spec = {
  name: 'research host',
  data: { synthetic: { symbols: 2, years: 2, seed: 11 } },
  strategy: { name: 'sma-cross', params: { fast: 5, slow: 20 } },
  initial_cash: 100_000,
};
const request = {
  spec,
  axes: [
    { name: 'fast', min: 5, max: 15, step: 5 },
    { name: 'slow', values: [20, 30] },
  ],
  where: 'fast < slow',
  objective: 'sharpe',
};

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('research through the engine contract', () => {
  let t: TestHost;
  const research: ResearchJob[] = [];
  const backtests: Job[] = [];

  beforeAll(async () => {
    t = await startTestHost('in-process');
    t.client.on('research.job', (j) => research.push(j));
    t.client.on('backtests.job', (j) => backtests.push(j));
  });
  afterAll(async () => t?.close());

  it('plans a sweep, or lists every problem with it', async () => {
    expect(await t.client.call('research.plan', request)).toEqual({ combinations: 6, paramNames: ['fast', 'slow'], issues: [] });
    const bad = await t.client.call('research.plan', { ...request, axes: [{ name: 'fsat', values: [1] }], where: 'fast <' });
    expect(bad.combinations).toBe(0);
    expect(bad.issues.join('\n')).toContain('the strategy has no parameter "fsat"');
    expect(bad.issues.join('\n')).toContain('where:');
    const objectives = await t.client.call('research.objectives', {});
    expect(objectives.map((o) => o.name)).toContain('calmar');
  });

  it('refuses a bad sweep before queueing anything', async () => {
    const err = await failure(t.client.call('research.sweepStart', { ...request, objective: 'nope' }));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toContain('unknown objective "nope"');
    expect(await t.client.call('research.sweeps', {})).toEqual([]);
  });

  it('runs a sweep with progress, records every combination, and opens one as a full run with the same metrics', async () => {
    const job = await t.client.call('research.sweepStart', request);
    expect(job).toMatchObject({ kind: 'sweep', total: 6 });
    const done = await eventually(() => research.find((j) => j.id === job.id && j.state === 'completed') ?? false, 'the sweep to complete', 60_000);
    expect(done.done).toBe(6);
    expect(research.some((j) => j.id === job.id && j.state === 'running')).toBe(true);
    const detail = await t.client.call('research.sweep', { id: job.id });
    expect(detail.state).toBe('completed');
    expect(detail.paramNames).toEqual(['fast', 'slow']);
    expect(detail.results.map((r) => r.params)).toEqual([
      { fast: 5, slow: 20 },
      { fast: 5, slow: 30 },
      { fast: 10, slow: 20 },
      { fast: 10, slow: 30 },
      { fast: 15, slow: 20 },
      { fast: 15, slow: 30 },
    ]);
    expect(detail.best).not.toBeNull();
    const best = detail.results[detail.best!];
    expect(Math.max(...detail.results.map((r) => r.objective ?? -Infinity))).toBe(best.objective);
    expect(detail.overfitting?.deflatedSharpe?.trials).toBe(6);
    const [summary] = await t.client.call('research.sweeps', {});
    expect(summary).toMatchObject({ id: job.id, state: 'completed', combinations: 6, bestObjective: best.objective });

    const opened = await t.client.call('research.openRun', { id: job.id, index: best.index });
    expect(opened.runId).toBeNull();
    const runJob = opened.job!;
    const ended = await eventually(() => backtests.find((j) => j.jobId === runJob.jobId && j.state === 'completed') ?? false, 'the opened run', 60_000);
    const run = await t.client.call('backtests.get', { runId: ended.runId! });
    expect(run.metrics?.sharpe).toBe(best.metrics.sharpe);
    expect(run.metrics?.finalEquity).toBe(best.metrics.final_equity);
    expect(run.metrics?.closedTrades).toBe(best.metrics.closed_trades);
    // Linked: opening it again goes straight to the recorded run.
    await eventually(async () => (await t.client.call('research.sweep', { id: job.id })).results[detail.best!].runId === ended.runId, 'the link');
    expect(await t.client.call('research.openRun', { id: job.id, index: best.index })).toEqual({ runId: ended.runId, job: null });
  }, 120_000);

  it('cancels a running sweep and keeps what it finished', async () => {
    const big = { ...request, axes: [{ name: 'fast', min: 2, max: 19, step: 1 }, { name: 'slow', min: 20, max: 60, step: 1 }] };
    const job = await t.client.call('research.sweepStart', big);
    await eventually(() => research.find((j) => j.id === job.id && j.state === 'running' && j.done > 0) ?? false, 'the sweep to start', 60_000);
    const busy = await failure(t.client.call('research.delete', { id: job.id }));
    expect(busy.code).toBe('CONFLICT');
    await t.client.call('research.cancel', { id: job.id });
    const ended = await eventually(() => research.find((j) => j.id === job.id && j.state === 'cancelled') ?? false, 'the cancel', 60_000);
    const detail = await t.client.call('research.sweep', { id: job.id });
    expect(detail.state).toBe('cancelled');
    expect(detail.results.length).toBeGreaterThan(0);
    expect(detail.results.length).toBeLessThan(detail.combinations);
    expect(ended.done).toBeGreaterThan(0);
    const err = await failure(t.client.call('research.cancel', { id: 'no-such-id' }));
    expect(err.code).toBe('NOT_FOUND');
  }, 120_000);

  it('runs a walk-forward and records its windows and stitched out-of-sample curve', async () => {
    const job = await t.client.call('research.walkForwardStart', { ...request, windows: { mode: 'rolling', unit: 'sessions', inSample: 120, outOfSample: 60 } });
    expect(job.kind).toBe('walkforward');
    const done = await eventually(() => research.find((j) => j.id === job.id && j.state !== 'queued' && j.state !== 'running') ?? false, 'the walk-forward to end', 60_000);
    expect(done.error).toBeNull();
    expect(done.state).toBe('completed');
    const detail = await t.client.call('research.walkForward', { id: job.id });
    // Two years of sessions (about 504): windows of 120 + 60 stepping by 60.
    expect(detail.windows.length).toBeGreaterThanOrEqual(6);
    expect(detail.total).toBe(detail.windows.length * 7);
    for (const w of detail.windows) {
      expect(w.inSampleEnd).toBeLessThan(w.outOfSampleStart);
      expect(w.params.fast).toBeLessThan(w.params.slow as number);
    }
    expect(detail.stitched.equity[0]).toBe(100_000);
    expect(detail.stitched.ts.length).toBe(detail.stitched.equity.length);
    expect(detail.stitchedMetrics.final_equity).toBe(detail.stitched.equity[detail.stitched.equity.length - 1]);
    const [listed] = await t.client.call('research.walkForwards', {});
    expect(listed).toMatchObject({ id: job.id, state: 'completed', efficiency: detail.efficiency });
    const err = await failure(t.client.call('research.walkForward', { id: 'nope' }));
    expect(err.code).toBe('NOT_FOUND');
  }, 120_000);

  it('deletes ended sweeps and walk-forwards with their rows, and says when there was nothing to delete', async () => {
    const sweeps = await t.client.call('research.sweeps', {});
    const [wf] = await t.client.call('research.walkForwards', {});
    expect(await t.client.call('research.delete', { id: sweeps[0].id })).toEqual({ deleted: true });
    expect(await t.client.call('research.delete', { id: wf.id })).toEqual({ deleted: true });
    expect((await t.client.call('research.sweeps', {})).map((s) => s.id)).not.toContain(sweeps[0].id);
    expect(await t.client.call('research.walkForwards', {})).toEqual([]);
    expect(t.host.db.prepare('SELECT COUNT(*) FROM sweep_results WHERE sweep_id = ?').pluck().get(sweeps[0].id)).toBe(0);
    expect((await failure(t.client.call('research.sweep', { id: sweeps[0].id }))).code).toBe('NOT_FOUND');
    expect(await t.client.call('research.delete', { id: 'no-such-id' })).toEqual({ deleted: false });
  });
});
