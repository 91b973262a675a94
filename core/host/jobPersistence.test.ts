import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../ipc/contract/backtests';
import { defaultDbPath, openDatabase } from '../store/db';
import { INTERRUPTED_ERROR, getRun } from '../store/runs';
import { createHost, type Host } from './createHost';
import { eventually } from './testing';

const CRASHING_HOST = fileURLToPath(new URL('./testing/crashingHost.ts', import.meta.url));

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tradedesk-jobs-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function openHost(dataDir: string): Promise<{ host: Host; jobs: Job[] }> {
  const host = await createHost({ dataDir, transport: 'in-process', logError: () => undefined });
  const jobs: Job[] = [];
  host.bus.subscribe((event, payload) => {
    if (event === 'backtests.job') jobs.push(payload as Job);
  });
  cleanups.push(() => host.close());
  return { host, jobs };
}

async function list(host: Host): Promise<Job[]> {
  const r = await host.router.call('backtests.jobs', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Job[];
}

/** A host process that queued three jobs, killed (SIGKILL: no shutdown runs) while the first one writes its run. */
async function crashWithJobsQueued(dataDir: string): Promise<{ jobIds: string[]; runId: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CRASHING_HOST, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  cleanups.push(async () => (child.kill('SIGKILL'), exited));
  const report = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    child.once('exit', (code) => reject(new Error(`the host process exited (code ${code}) before its first job ran`)));
  });
  child.kill('SIGKILL');
  await exited;
  return JSON.parse(report) as { jobIds: string[]; runId: string };
}

describe('persisted backtest jobs', () => {
  it('a crash leaves the queue queued: the next host runs the interrupted job again and the ones behind it', async () => {
    const dataDir = tempDataDir();
    const crashed = await crashWithJobsQueued(dataDir);
    // Time passing beyond the dead host's lease, without waiting for it.
    const db = openDatabase(defaultDbPath(dataDir));
    db.prepare('UPDATE leases SET expires_at = 0').run();
    db.close();

    const { host, jobs } = await openHost(dataDir);
    expect(getRun(host.db, crashed.runId)).toMatchObject({ status: 'failed', error: INTERRUPTED_ERROR });
    expect((await list(host)).map((j) => j.jobId)).toEqual(crashed.jobIds);
    const ended = await eventually(
      () => {
        const last = crashed.jobIds.map((id) => jobs.filter((j) => j.jobId === id).at(-1));
        return last.every((j) => j?.state === 'completed') && last;
      },
      'every job to complete',
      120_000,
    );
    expect(ended.map((j) => j?.runId)).not.toContain(crashed.runId);
    expect(new Set(ended.map((j) => j?.runId)).size).toBe(3);
  }, 180_000);

  it("leaves a job whose host still holds its lease alone, while the queued ones behind it run here", async () => {
    const dataDir = tempDataDir();
    const crashed = await crashWithJobsQueued(dataDir);
    // The killed host's lease has not lapsed yet: as far as anyone can tell, it is still running its job.
    const { host, jobs } = await openHost(dataDir);
    expect(getRun(host.db, crashed.runId)?.status).toBe('running');
    expect((await list(host)).map((j) => j.jobId)).toEqual(crashed.jobIds.slice(1));
    await eventually(() => jobs.some((j) => j.jobId === crashed.jobIds[2] && j.state === 'completed'), 'the queued jobs to run here', 60_000);
    const rows = host.db.prepare('SELECT id, state FROM backtest_jobs ORDER BY position').all();
    expect(rows).toEqual([
      { id: crashed.jobIds[0], state: 'running' },
      { id: crashed.jobIds[1], state: 'completed' },
      { id: crashed.jobIds[2], state: 'completed' },
    ]);
  }, 60_000);

  it('a clean shutdown cancels the running job and keeps the queued ones for the next start', async () => {
    const dataDir = tempDataDir();
    const first = await openHost(dataDir);
    const spec = (name: string, symbols: number) => ({
      name,
      data: { synthetic: { symbols, years: 20, seed: 2 } },
      strategy: { name: 'equal-weight', params: { rebalance: 'daily' } },
      initial_cash: 1_000_000,
    });
    const ids: string[] = [];
    for (const [name, n] of [['long', 100], ['next', 2]] as const) {
      const r = await first.host.router.call('backtests.launch', { spec: spec(name, n) });
      if (!r.ok) throw new Error(r.error.message);
      ids.push((r.value as Job).jobId);
    }
    await eventually(() => first.jobs.some((j) => j.jobId === ids[0] && j.state === 'running' && j.done > 0), 'the long job to run', 60_000);
    await first.host.close();
    cleanups.pop();
    expect(first.jobs.filter((j) => j.jobId === ids[0]).at(-1)?.state).toBe('cancelled');

    const second = await openHost(dataDir);
    const listed = await list(second.host);
    expect(listed.map((j) => [j.jobId, j.state === 'cancelled' ? 'cancelled' : 'pending'])).toEqual([
      [ids[0], 'cancelled'],
      [ids[1], 'pending'],
    ]);
    const done = await eventually(() => second.jobs.find((j) => j.jobId === ids[1] && j.state === 'completed') ?? false, 'the queued job to run', 60_000);
    expect(done.runId).not.toBeNull();
  }, 120_000);
});
