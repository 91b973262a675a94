import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../ipc/contract/backtests';
import { countRunRows } from '../store/queries';
import { eventually, startTestHost, type TestHost } from './testing';

/** Enough rows that deleting and exporting take many batches and pages. */
const spec = (name: string) => ({
  name,
  data: { synthetic: { symbols: 60, years: 3, seed: 11 } },
  strategy: { name: 'equal-weight', params: { rebalance: 'daily' } },
  // Resizing on any drift: an order for every symbol every session.
  planner: { rebalance_band: 0 },
  initial_cash: 1_000_000,
});

/** 1-minute bars as `,Open,High,Low,Close,Volume`: more text than the engine imports on its own thread. */
function minuteBarsCsv(rows: number): string {
  const lines = [',Open,High,Low,Close,Volume'];
  const start = Date.UTC(2021, 0, 4);
  for (let i = 0; i < rows; i++) {
    const stamp = new Date(start + i * 60_000).toISOString().slice(0, 19).replace('T', ' ');
    const p = (100 + Math.sin(i / 50)).toFixed(4);
    lines.push(`${stamp},${p},${p},${p},${p},${100 + (i % 50)}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('heavy calls leave the event loop free', () => {
  let t: TestHost;
  let runId: string;

  /**
   * Runs `call` while a ping (system.info) is sent on every turn of the event loop, and counts the
   * pings answered before the call settles: a call that blocked the loop throughout would let none in.
   */
  async function withPings<T>(call: () => Promise<T>): Promise<{ value: T; pings: number }> {
    let settled = false;
    let pings = 0;
    const ping = (): void => {
      if (settled) return;
      void t.client.call('system.info', {}).then(() => {
        if (!settled) pings++;
      });
      setImmediate(ping);
    };
    setImmediate(ping);
    try {
      return { value: await call(), pings };
    } finally {
      settled = true;
    }
  }

  beforeAll(async () => {
    t = await startTestHost('in-process');
    const jobs: Job[] = [];
    t.client.on('backtests.job', (j) => jobs.push(j));
    const job = await t.client.call('backtests.launch', { spec: spec('heavy') });
    const done = await eventually(() => jobs.find((j) => j.jobId === job.jobId && j.state === 'completed') ?? false, 'the run to complete', 120_000);
    runId = done.runId as string;
  }, 150_000);
  afterAll(async () => t?.close());

  it('exports every fill page by page while other calls are answered', async () => {
    const fills = countRunRows(t.host.db, runId, 'fills');
    expect(fills).toBeGreaterThan(20_000);
    const { value, pings } = await withPings(() => t.client.call('backtests.export', { runId, what: 'fills' }));
    expect(value.content.trim().split('\n')).toHaveLength(1 + fills);
    expect(pings).toBeGreaterThan(1);
  });

  it("loads a run's price chart in a worker while other calls are answered", async () => {
    const { value, pings } = await withPings(() => t.client.call('backtests.prices', { runId, symbol: 'SYN000', maxPoints: 100 }));
    // Candles: runs of bars merged to stay within maxPoints.
    expect(value.close.length).toBeLessThanOrEqual(100);
    expect(value.close.length).toBeGreaterThan(50);
    expect(value.high).toHaveLength(value.close.length);
    expect(pings).toBeGreaterThan(1);
    const missing = await t.client.call('backtests.prices', { runId, symbol: 'NOPE', maxPoints: 100 }).catch((err: { code: string }) => err.code);
    expect(missing).toBe('NOT_FOUND');
  });

  it('imports a large upload in a worker while other calls are answered, with progress and its codes', async () => {
    const progress: number[] = [];
    const off = t.client.on('data.importProgress', (p) => progress.push(p.done));
    const text = minuteBarsCsv(30_000);
    expect(text.length).toBeGreaterThan(1_000_000);
    const { value, pings } = await withPings(() => t.client.call('data.import', { name: 'MINUTES.csv', text, symbol: 'MINS' }));
    off();
    expect(value.series).toMatchObject({ symbol: 'MINS', bars: 30_000 });
    expect(pings).toBeGreaterThan(1);
    expect(progress.length).toBeGreaterThan(0);
    const again = await t.client.call('data.import', { name: 'MINUTES.csv', text, symbol: 'MINS' }).catch((err: { code: string }) => err.code);
    expect(again).toBe('CONFLICT');
  });

  it('deletes the run in batches while other calls are answered, leaving none of its rows', async () => {
    const { value, pings } = await withPings(() => t.client.call('backtests.delete', { runId }));
    expect(value).toEqual({ deleted: true });
    expect(pings).toBeGreaterThan(1);
    for (const table of ['backtest_orders', 'backtest_fills', 'backtest_position_sets', 'backtest_daily_equity', 'backtest_trades', 'backtest_targets']) {
      expect(t.host.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
    expect(await t.client.call('backtests.delete', { runId })).toEqual({ deleted: false });
  });
});
