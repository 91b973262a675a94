import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTws, type FakeTws } from '../fakeTws/index';
import { loadBarsCsv } from '../data/csv/loadBarsCsv';
import { runCommand } from '../fakeTws/testing/runCommand';
import { openDatabase } from '../store/db';
import { listSessions, sessionOrders, type SessionRow } from '../store/strategySessions';
import type Database from 'better-sqlite3';

const ROOT = path.join(__dirname, '..', '..');
const SPEC = path.join(ROOT, 'configs', 'backtests', 'goog-sma.yaml');

let dir: string | undefined;
let fake: FakeTws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('tradedesk live', () => {
  it('runs a session on the local simulator replaying the spec, prints each decision, and records it stopped', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tradedesk-live-'));
    const db = path.join(dir, 'app.db');
    const run = runCommand('live', [SPEC, '--broker', 'sim', '--speed', '50', '--decisions', '4', '--db', db]);
    expect(await run.exit, run.err()).toBe(0);
    const out = run.out();
    expect(out).toMatch(/^session [0-9a-f-]{36} started: goog-sma on the local simulator \(PAPER\), GOOG$/m);
    expect(out.match(/^decision \d+ at \d{4}-\d\d-\d\d: equity \d+\.\d\d \(running\)$/gm)?.length).toBeGreaterThanOrEqual(4);
    expect(out).toMatch(/stopped: stopped from the command line; 4 decisions, equity \d+\.\d\d\n$/);
    const store = openDatabase(db);
    try {
      const [s] = listSessions(store);
      expect(s).toMatchObject({ state: 'stopped', broker: 'sim', mode: 'PAPER', decisions: 4, strategy: 'sma-cross' });
    } finally {
      store.close();
    }
  }, 60_000);

  it('refuses what cannot be: live on the simulator, live without arming, resuming a simulator session', async () => {
    const sim = runCommand('live', [SPEC, '--broker', 'sim', '--mode', 'live', '--arm', 'TRADE WITH REAL MONEY']);
    expect(await sim.exit).toBe(2);
    expect(sim.err()).toContain('--broker sim is a paper broker: it cannot trade live');
    const unarmed = runCommand('live', [SPEC, '--mode', 'live']);
    expect(await unarmed.exit).toBe(2);
    expect(unarmed.err()).toContain('--mode live needs --arm "TRADE WITH REAL MONEY"');
    const resume = runCommand('live', [SPEC, '--broker', 'sim', '--resume', 'abc']);
    expect(await resume.exit).toBe(2);
    expect(resume.err()).toContain("a local simulator's session cannot resume");
  }, 60_000);

  it('trades on the local simulator over the live bars of a TWS, which never sees an order', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tradedesk-live-'));
    fake = await startFakeTws({ port: 0, series: [loadBarsCsv(path.join(ROOT, 'fixtures', 'data', 'GOOG.csv'), { symbol: 'GOOG' })], startBar: 520, barsPerSecond: 0 });
    await onTwsBars(dir, fake, SPEC, 'goog-sma', 30, ['--set', 'strategy.params.fast=2', '--set', 'strategy.params.slow=6'], () => {});
  }, 90_000);

  it('trades on the local simulator over the 5-minute bars of a TWS, warmed up on its history at that size', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tradedesk-live-'));
    const data = path.join(ROOT, 'fixtures', 'data', '2006-min-005.txt');
    const spec = path.join(dir, 'index-5m.yaml');
    // The file's volume is all 0: fills are not capped by it.
    writeFileSync(
      spec,
      `name: index-5m\ndata: {csv: ${JSON.stringify(data)}}\nstrategy: {name: sma-cross, params: {fast: 3, slow: 12}}\ninitial_cash: 100000\nsimulator: {fill_timing: same_close, use_volume_constraints: false}\nsession: {warmup_bars: 60}\n`,
    );
    // Named as the spec names the file's instrument.
    const bars = loadBarsCsv(data, { symbol: '2006-min-005' });
    fake = await startFakeTws({ port: 0, series: [bars], startBar: 300, barsPerSecond: 0 });
    await onTwsBars(dir, fake, spec, 'index-5m', 40, [], (store, s) => {
      expect(s).toMatchObject({ state: 'stopped', broker: 'sim', barSeconds: 300 });
      // Warmed up on the upstream's last 60 bars before the first live one: the simulator's market and the session's start there.
      const first = store.prepare('SELECT MIN(ts) AS ts, COUNT(*) AS n FROM session_bars WHERE session_id = ? AND live = 0').get(s.id);
      expect(first).toEqual({ ts: bars.ts[300 - 59], n: 60 });
    });
  }, 90_000);
});

/**
 * Runs `tradedesk live` on the local simulator over `fake`'s bars until its `decisions`-th decision, stepping the
 * fake; checks that every order filled at the simulator and none reached the fake, then hands the store over.
 */
async function onTwsBars(dir: string, tws: FakeTws, spec: string, name: string, decisions: number, extra: string[], check: (store: Database.Database, s: SessionRow) => void): Promise<void> {
  const db = path.join(dir, 'app.db');
  const run = runCommand('live', [spec, '--broker', 'sim', '--sim-bars', 'ib', '--port', String(tws.port), '--decisions', String(decisions), '--db', db, ...extra]);
  const started = (): boolean => new RegExp(`started: ${name} on the local simulator on 127\\.0\\.0\\.1:\\d+'s bars`).test(run.out());
  for (let i = 0; i < 600 && !started(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(started(), run.err()).toBe(true);
  // The session's fake TWS subscribes to the upstream's bars before the market moves.
  await new Promise((r) => setTimeout(r, 300));
  // Until its last decision (a bar that reaches it before its subscription is simply missed).
  for (let i = 0; i < 200 && run.child.exitCode === null; i++) {
    tws.step();
    await new Promise((r) => setTimeout(r, 60));
  }
  expect(await run.exit, run.err()).toBe(0);
  expect(run.out()).toMatch(new RegExp(`${decisions} decisions`));
  expect(tws.snapshot().orders).toEqual([]);
  const store = openDatabase(db);
  try {
    const [s] = listSessions(store);
    const orders = sessionOrders(store, s.id);
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.every((o) => o.status === 'FILLED')).toBe(true);
    check(store, s);
  } finally {
    store.close();
  }
}
