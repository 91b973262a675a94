import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DATA_DIR } from '../data/csv/fixtureDataProfile';
import type { Job } from '../ipc/contract/backtests';
import { ApiClient } from '../ipc/client';
import { createInProcessTransport } from '../ipc/inProcessTransport';
import { defaultDbPath } from '../store/db';
import { createHost } from './createHost';
import { eventually, startTestHost, type TestHost } from './testing';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const goog = (): string => readFileSync(join(FIXTURE_DATA_DIR, 'GOOG.csv'), 'utf8');

/**
 * Large enough that its writer thread commits many flushes while the imports run: with no rebalance
 * band, a daily equal-weight rebalance writes orders for most symbols every session.
 */
const writingSpec = {
  name: 'busy writer',
  data: { synthetic: { symbols: 200, years: 20, seed: 3 } },
  strategy: { name: 'equal-weight', params: { rebalance: 'daily' } },
  planner: { rebalance_band: 0 },
  initial_cash: 1_000_000,
};

describe('writes while a backtest writes', () => {
  let t: TestHost;
  const jobs: Job[] = [];
  beforeAll(async () => {
    t = await startTestHost('in-process');
    t.client.on('backtests.job', (j) => jobs.push(j));
  });
  afterAll(async () => t?.close());

  it('imports ten files while a threaded backtest writer commits, every one succeeding', async () => {
    const text = goog();
    const job = await t.client.call('backtests.launch', { spec: writingSpec });
    await eventually(() => jobs.some((j) => j.jobId === job.jobId && j.state === 'running' && j.done > 0), 'the run to write', 60_000);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => t.client.call('data.import', { name: 'GOOG.csv', text, symbol: `IMP${i}` })),
    );
    const runningAfter = jobs.filter((j) => j.jobId === job.jobId).at(-1)?.state;
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(failures).toEqual([]);
    expect(runningAfter).toBe('running');
    const done = await eventually(() => jobs.find((j) => j.jobId === job.jobId && j.state !== 'running' && j.state !== 'queued') ?? false, 'the run to end', 120_000);
    expect(done.state).toBe('completed');
  }, 180_000);
});

describe('web mode on a database a CLI backtest is writing', () => {
  it('starts, answers and imports while the command-line run commits, and the run completes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tradedesk-cli-writes-'));
    try {
      const dbFile = defaultDbPath(dataDir);
      const specFile = join(dataDir, 'busy.yaml');
      writeFileSync(
        specFile,
        'name: cli writer\ndata:\n  synthetic: {symbols: 200, years: 20, seed: 4}\nstrategy:\n  name: equal-weight\n  params: {rebalance: daily}\nplanner: {rebalance_band: 0}\ninitial_cash: 1000000\n',
      );
      const cli = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'core/cli/tradedesk.ts'), 'backtest', specFile, '--db', dbFile, '--json'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      cli.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      const exited = new Promise<number | null>((resolve) => cli.once('exit', (code) => resolve(code)));
      const progress = (): number => {
        const reader = new Database(dbFile, { readonly: true, fileMustExist: true });
        try {
          return (reader.prepare("SELECT sessions_done FROM backtest_runs WHERE status = 'running'").pluck().get() as number | undefined) ?? 0;
        } finally {
          reader.close();
        }
      };
      await eventually(() => progress() > 0, 'the CLI run to commit its first sessions', 60_000);

      const host = await createHost({ dataDir, transport: 'web', logError: () => undefined });
      try {
        const client = new ApiClient(createInProcessTransport(host.router, host.bus));
        const runs = await client.call('backtests.list', {});
        expect(runs.map((r) => r.status)).toEqual(['running']);
        const imported = await client.call('data.import', { name: 'GOOG.csv', text: goog(), symbol: 'WEBIMP' });
        expect(imported.series.bars).toBeGreaterThan(0);
        expect(await exited).toBe(0);
        expect(stderr).toBe('');
        expect((await client.call('backtests.list', {})).map((r) => r.status)).toEqual(['completed']);
      } finally {
        await host.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
