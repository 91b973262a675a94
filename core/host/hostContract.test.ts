import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../ipc/contract/backtests';
import { ApiError } from '../ipc/errors';
import { eventually, startTestHost, type TestHost } from './testing';

const smallSpec = (name: string, years = 2) => ({
  name,
  data: { synthetic: { symbols: 4, years, seed: 7 } },
  strategy: { name: 'sma-cross', params: { fast: 5, slow: 20 } },
  initial_cash: 100_000,
});

async function callError(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

/** The same contract checks over each transport: what the renderer sees must not depend on it. */
describe.each(['in-process', 'ws'] as const)('engine contract over %s', (transport) => {
  let t: TestHost;
  let runId: string;
  const jobs: Job[] = [];
  const points: number[] = [];

  beforeAll(async () => {
    t = await startTestHost(transport);
    t.client.on('backtests.job', (j) => jobs.push(j));
    t.client.on('backtests.progress', (p) => points.push(...p.equity));
    const job = await t.client.call('backtests.launch', { spec: smallSpec('contract run') });
    expect(job.state === 'queued' || job.state === 'running').toBe(true);
    const done = await eventually(() => jobs.find((j) => j.jobId === job.jobId && j.state === 'completed') ?? false, 'the run to complete', 30_000);
    runId = done.runId as string;
  }, 60_000);
  afterAll(async () => t?.close());

  it('describes itself', async () => {
    const info = await t.client.call('system.info', {});
    expect(info.transport).toBe(transport === 'ws' ? 'web' : 'in-process');
    expect(info.dbPath.startsWith(t.dataDir)).toBe(true);
  });

  it('refuses unknown methods and bad input with a code and a sentence only', async () => {
    const unknown = await t.client.transport.request('backtests.nope', {});
    expect(unknown).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'unknown method "backtests.nope"' } });
    const bad = await t.client.transport.request('backtests.get', { runId: 'not-a-uuid' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('BAD_INPUT');
      expect(bad.error.message).toContain('runId');
      expect(Object.keys(bad.error).sort()).toEqual(['code', 'message']);
    }
    const extra = await t.client.transport.request('backtests.jobs', { sneaky: 1 });
    expect(extra.ok).toBe(false);
  });

  it('refuses before launch a synthetic market the generator would refuse', async () => {
    const spec = { ...smallSpec('too big'), data: { synthetic: { symbols: 500, years: 20, seed: 1, bar_size: '1m' } } };
    const { issues } = await t.client.call('backtests.validate', { spec });
    expect(issues).toEqual([{ path: 'data.synthetic', message: expect.stringContaining('more than 20,000,000 bars') }]);
    const odd = { ...smallSpec('odd session'), data: { synthetic: { symbols: 1, years: 1, seed: 1, bar_size: '1h' } } };
    expect((await t.client.call('backtests.validate', { spec: odd })).issues[0].message).toContain('not a whole number of 60-minute bars');
  });

  it('reports a missing run as NOT_FOUND', async () => {
    const err = await callError(t.client.call('backtests.get', { runId: '00000000-0000-4000-8000-000000000000' }));
    expect(err.code).toBe('NOT_FOUND');
  });

  it('explains an invalid spec field by field and refuses to launch it', async () => {
    const spec = { ...smallSpec('bad'), initial_cash: -5, strategy: { name: 'sma-cross', params: { fast: 30, slow: 20 } } };
    const { issues } = await t.client.call('backtests.validate', { spec });
    expect(issues.map((i) => i.path)).toContain('initial_cash');
    const err = await callError(t.client.call('backtests.launch', { spec }));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toContain('initial_cash');
    const params = await t.client.call('backtests.validate', { spec: { ...smallSpec('bad params'), strategy: { name: 'sma-cross', params: { fast: 30, slow: 20 } } } });
    expect(params.issues).toEqual([{ path: 'strategy.params.fast', message: 'sma-cross: fast must be less than slow' }]);
  });

  it('streams progress and equity points while a run computes', () => {
    const states = jobs.map((j) => j.state);
    expect(states).toContain('running');
    expect(states[states.length - 1]).toBe('completed');
    expect(points.length).toBeGreaterThan(10);
  });

  it('lists the finished run with its metrics', async () => {
    const runs = await t.client.call('backtests.list', {});
    const run = runs.find((r) => r.id === runId);
    expect(run?.status).toBe('completed');
    expect(run?.metrics?.sharpe).toEqual(expect.any(Number));
    expect(run?.initialCash).toBe(100_000);
    expect(await t.client.call('backtests.list', { search: 'no such name' })).toEqual([]);
  });

  it('serves the detail views from the store', async () => {
    const detail = await t.client.call('backtests.get', { runId });
    expect(detail.symbols.length).toBeGreaterThan(0);
    expect(detail.config).toMatchObject({ name: 'contract run', data: { synthetic: { symbols: 4 } }, strategy: { name: 'sma-cross' } });
    const eq = await t.client.call('backtests.equity', { runId, maxPoints: 100 });
    expect(eq.ts).toHaveLength(100);
    expect(eq.totalPoints).toBeGreaterThan(400);
    expect(eq.equity[eq.equity.length - 1]).toBeCloseTo(detail.metrics?.finalEquity as number, 6);
    const returns = await t.client.call('backtests.returns', { runId });
    expect(returns.monthly.length).toBeGreaterThanOrEqual(23);
    const fills = await t.client.call('backtests.fills', { runId, limit: 5, sortBy: 'price', sortDir: 'desc' });
    expect(fills.total).toBeGreaterThan(5);
    expect(fills.rows).toHaveLength(5);
    expect(fills.rows[0].price).toBeGreaterThanOrEqual(fills.rows[4].price);
    const trades = await t.client.call('backtests.trades', { runId, limit: 1000 });
    expect(trades.rows.length).toBe(trades.total);
    const orders = await t.client.call('backtests.orders', { runId, instrument: detail.symbols[0], limit: 1000 });
    expect(orders.rows.every((o) => o.instrument === detail.symbols[0])).toBe(true);
    const asOf = await t.client.call('backtests.asOf', { runId, ts: eq.ts[60] + 1 });
    expect(asOf.sessionTs).toBe(eq.ts.filter((x) => x <= eq.ts[60] + 1).pop());
    const prices = await t.client.call('backtests.prices', { runId, symbol: detail.symbols[0], maxPoints: 200 });
    expect(prices.close.length).toBeLessThanOrEqual(200);
    expect(prices.close.length).toBeGreaterThan(100);
    expect(prices.barsPerCandle).toBeGreaterThan(1);
    // The synthetic market's fills print on its 0.01 tick.
    const decimals = await t.client.call('backtests.priceDecimals', { runId });
    expect(Object.keys(decimals).length).toBeGreaterThan(0);
    expect(Object.values(decimals).every((d) => d === 2)).toBe(true);
    expect(prices.markers.length).toBe(orders.rows.filter((o) => o.filledQuantity > 0).length);
    const csv = await t.client.call('backtests.export', { runId, what: 'fills' });
    expect(csv.content.trim().split('\n')).toHaveLength(fills.total + 1);
    const report = await t.client.call('backtests.export', { runId, what: 'report' });
    expect(JSON.parse(report.content).run.id).toBe(runId);
  });

  it('cancels a running job, keeping what it computed', async () => {
    const job = await t.client.call('backtests.launch', { spec: smallSpec('to cancel', 40) });
    await eventually(() => jobs.some((j) => j.jobId === job.jobId && j.state === 'running' && j.done > 0), 'the run to start', 30_000);
    await t.client.call('backtests.cancel', { jobId: job.jobId });
    const ended = await eventually(() => jobs.find((j) => j.jobId === job.jobId && j.state === 'cancelled') ?? false, 'the run to be cancelled', 30_000);
    const run = (await t.client.call('backtests.list', {})).find((r) => r.id === ended.runId);
    expect(run?.status).toBe('cancelled');
    expect(run?.sessionsDone).toBeGreaterThan(0);
    expect(run?.sessionsDone).toBeLessThan(run?.sessionsTotal as number);
  }, 60_000);

  it('compares runs and deletes one', async () => {
    const runs = await t.client.call('backtests.list', {});
    const cmp = await t.client.call('backtests.compare', { runIds: runs.slice(0, 2).map((r) => r.id) });
    expect(cmp.curves).toHaveLength(2);
    expect(cmp.curves[0].value[0]).toBeGreaterThan(0.5);
    const victim = runs.find((r) => r.status === 'cancelled') ?? runs[0];
    expect(await t.client.call('backtests.delete', { runId: victim.id })).toEqual({ deleted: true });
    expect((await t.client.call('backtests.list', {})).some((r) => r.id === victim.id)).toBe(false);
  });

  it('starts with a synthetic universe in the bar store, and imports a file whole or not at all', async () => {
    const before = await t.client.call('data.series', {});
    expect(before.length).toBeGreaterThanOrEqual(20);
    const text = 'Date,Open,High,Low,Close,Volume\n2020-01-02,10,11,9,10.5,100\n2020-01-03,10.5,12,10,11,200\n';
    const preview = await t.client.call('data.preview', { name: 'ABC.csv', text });
    expect(preview).toMatchObject({ valid: true, symbol: 'ABC', bars: 2 });
    const imported = await t.client.call('data.import', { name: 'ABC.csv', text });
    expect(imported.series).toMatchObject({ symbol: 'ABC', bars: 2 });
    const bars = await t.client.call('data.bars', { symbol: 'ABC' });
    expect(bars.bars.map((b) => b.close)).toEqual([10.5, 11]);
    const broken = 'Date,Open,High,Low,Close,Volume\n2020-01-06,10,9,11,10,100\n';
    const refused = await callError(t.client.call('data.import', { name: 'ABC.csv', text: broken, replace: true }));
    expect(refused.code).toBe('REJECTED');
    expect(refused.message).toContain('ABC.csv:2: column "High"');
    expect((await t.client.call('data.bars', { symbol: 'ABC' })).bars).toHaveLength(2);
    const dup = await callError(t.client.call('data.import', { name: 'ABC.csv', text }));
    expect(dup.code).toBe('CONFLICT');
    await t.client.call('data.delete', { symbol: 'ABC' });
    expect((await t.client.call('data.series', {})).some((x) => x.symbol === 'ABC')).toBe(false);
  });
});
