import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../ipc/errors';
import { eventually, startTestHost, type TestHost } from '../testing';

describe('risk.report through the host', () => {
  let t: TestHost;
  let runId: string;

  beforeAll(async () => {
    t = await startTestHost('in-process');
    const job = await t.client.call('backtests.launch', {
      spec: { name: 'risk run', data: { synthetic: { symbols: 4, years: 2, seed: 3 } }, strategy: { name: 'sma-cross', params: { fast: 5, slow: 20 } }, initial_cash: 100_000 },
    });
    const done = await eventually(
      async () => (await t.client.call('backtests.jobs', {})).find((j) => j.jobId === job.jobId && j.state === 'completed') ?? false,
      'the run to complete',
      30_000,
    );
    runId = done.runId as string;
  }, 60_000);
  afterAll(async () => t?.close());

  it('reports the book the run held on the chosen session and the curve up to it', async () => {
    const eq = await t.client.call('backtests.equity', { runId, maxPoints: 20_000 });
    expect(eq.ts).toHaveLength(eq.totalPoints);
    const session = eq.ts[300];
    const report = await t.client.call('risk.report', { runId, asOf: session + 1 });
    expect(report.asOf).toBe(session);
    expect(report.equity).toBeCloseTo(eq.equity[300], 9);
    expect(report.observations).toBe(300);
    const held = (await t.client.call('backtests.asOf', { runId, ts: session })).positions.filter((p) => p.quantity !== 0);
    expect(report.exposures.bySymbol.map((s) => s.symbol).sort()).toEqual(held.map((p) => p.instrument).sort());
    const gross = held.reduce((acc, p) => acc + Math.abs(p.marketValue), 0);
    expect(report.exposures.gross).toBeCloseTo(gross, 6);
    // The synthetic run has a buy-and-hold benchmark, so beta is defined.
    expect(report.beta).not.toBeNull();
    expect(report.figures.every((f) => f.var !== null && f.es !== null && f.es >= f.var - 1e-12)).toBe(true);
    expect(report.mode).toBe('BACKTEST');
    expect(report.runId).toBe(runId);
  });

  it('stores each report with an id of its own', async () => {
    const a = await t.client.call('risk.report', { runId });
    const b = await t.client.call('risk.report', { runId, scenarios: [{ kind: 'market', shockPct: -30 }] });
    expect(b.id).toBeGreaterThan(a.id);
    expect(b.scenarios).toHaveLength(1);
    expect(b.scenarios[0].pnl).toBeCloseTo(-0.3 * b.exposures.net, 6);
  });

  it('answers risk.account with UNAVAILABLE until a broker account is connected', async () => {
    const err = await t.client.call('risk.account', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('UNAVAILABLE');
    expect((err as ApiError).message).toContain('connect on the Trading screen');
  });

  it('refuses a bad window or an unknown run with a sentence naming it', async () => {
    const bad = await t.client.call('risk.report', { runId, rollingWindow: 1 }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).code).toBe('BAD_INPUT');
    expect((bad as ApiError).message).toContain('rollingWindow');
    const missing = await t.client.call('risk.report', { runId: '00000000-0000-4000-8000-000000000000' }).catch((e: unknown) => e);
    expect((missing as ApiError).code).toBe('NOT_FOUND');
  });
});
