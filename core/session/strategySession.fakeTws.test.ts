import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_TIMINGS, eventually } from '../broker/ib/testing/ibRig';
import { IbBroker } from '../broker/ib/IbBroker';
import { parseSpec, type ResolvedSpec } from '../config/loadSpec';
import type { BarSeries } from '../data/BarSeries';
import { startFakeTws, type FakeTws } from '../fakeTws/index';
import { openDatabase } from '../store/db';
import { firstLiveTs, getSession, sessionEquity, sessionFills, sessionOrders, sessionSeries } from '../store/strategySessions';
import { tempDir } from '../store/testDb';
import { loadSpecData } from '../service/loadSpecData';
import { resolveStrategy } from '../service/resolveStrategy';
import { riskOf } from '../service/runSpec';
import { startStrategySession, type StartedSession } from '../service/sessions/startSession';
import { compareWithShadow, shadowBacktest } from './shadow';
import type Database from 'better-sqlite3';

const ROOT = join(__dirname, '..', '..');
const GOOG = join(ROOT, 'fixtures', 'data', 'GOOG.csv');
const FIVE_MINUTES = join(ROOT, 'fixtures', 'data', '2006-min-005.txt');
/** The fake starts here: about two years of history for the warm-up. */
const START_BAR = 520;

/** An SMA cross spec filled at the decision's close with costs: what the fake TWS does with a market order. */
function smaSpec(name: string, csv: string, params: Record<string, unknown>, session: Record<string, unknown>): ResolvedSpec {
  return parseSpec(
    {
      name,
      data: { csv },
      strategy: { name: 'sma-cross', params: { mode: 'long_only', weight: 0.9, ...params } },
      initial_cash: 100_000,
      simulator: { fill_timing: 'same_close', slippage_bps: 5, spread_bps: 4, use_volume_constraints: false, commission: { model: 'ibkr_fixed' } },
      session: { grace_ms: 2_000, ...session },
    },
    `${name}.yaml`,
    ROOT,
  );
}

/** SMA cross on GOOG daily bars. */
const goog = (session: Record<string, unknown> = {}): ResolvedSpec => smaSpec('goog-forward', GOOG, { fast: 2, slow: 6 }, { warmup_years: 2, ...session });
/** The same strategy on 5-minute bars: the session's bars are the broker's, at the data's size. */
const fiveMinutes = (session: Record<string, unknown> = {}): ResolvedSpec => smaSpec('index-5m-forward', FIVE_MINUTES, { fast: 3, slow: 12 }, { warmup_bars: 40, ...session });

interface Rig {
  tws: FakeTws;
  db: Database.Database;
  dbFile: string;
  brokers: IbBroker[];
  cleanup: () => void;
}

let rig: Rig | undefined;
afterEach(async () => {
  if (!rig) return;
  for (const b of rig.brokers) b.disconnect();
  await rig.tws.close();
  rig.db.close();
  rig.cleanup();
  rig = undefined;
});

async function startRig(spec: ResolvedSpec): Promise<Rig> {
  const { dir, cleanup } = tempDir();
  const dbFile = join(dir, 'session.db');
  const db = openDatabase(dbFile);
  const series = loadSpecData(spec.data).series as BarSeries[];
  const tws = await startFakeTws({ port: 0, series, startBar: START_BAR, sim: spec.simulator, initialCash: spec.initialCash });
  return { tws, db, dbFile, brokers: [], cleanup };
}

async function connect(r: Rig): Promise<IbBroker> {
  const broker = new IbBroker({ mode: 'PAPER', db: r.db, ...TEST_TIMINGS });
  r.brokers.push(broker);
  await broker.connect({ host: '127.0.0.1', port: r.tws.port, clientId: 3 });
  await eventually(() => broker.accountSummary() !== null, 'the account');
  return broker;
}

async function start(r: Rig, spec: ResolvedSpec, broker: IbBroker, resumeId?: string): Promise<StartedSession> {
  const started = await startStrategySession({ db: r.db, spec, mode: 'PAPER', brokerName: 'ib', broker, resumeId });
  // The bar subscription reaches the fake before its first step: a round trip on the same socket.
  await broker.sync();
  return started;
}

/** Steps the fake one bar and waits until the session decided it and the broker reports what its orders did. */
async function step(r: Rig, started: StartedSession, broker: IbBroker): Promise<void> {
  r.tws.step();
  const ts = r.tws.snapshot().marketTime;
  await eventually(() => started.session.lastDecidedTs === ts || started.session.state !== 'running', `the decision at ${new Date(ts).toISOString()}`);
  await eventually(() => {
    const fake = r.tws.snapshot();
    const open = broker.getOpenOrders().length;
    const same = fake.positions.every((f) => (broker.getPositions().find((p) => p.instrument === f.symbol)?.quantity ?? 0) === f.quantity);
    // TWS reports cash to the cent.
    return open === 0 && same && Math.abs(broker.getAccountState().cash - fake.cash) <= 0.005 + 1e-9;
  }, 'the broker to report the fills');
}

/** The session's fills and equity equal its shadow backtest's, fill for fill, to the cent. */
async function expectShadowIdentity(r: Rig, spec: ResolvedSpec, started: StartedSession, barSeconds: number, decisions: number): Promise<void> {
  const symbols = started.symbols;
  const row = getSession(r.db, started.id);
  const fills = sessionFills(r.db, started.id);
  const series = sessionSeries(r.db, started.id, symbols, barSeconds);
  const strategy = await resolveStrategy(spec.strategy, { symbols, baseDir: spec.baseDir }, spec.file);
  const shadow = shadowBacktest({
    series,
    start: firstLiveTs(r.db, started.id) ?? undefined,
    strategy: strategy.strategy,
    initialCash: row?.initialCash ?? Number.NaN,
    seed: spec.seed,
    sim: spec.simulator,
    planner: { ...spec.planner, size_at: 'decision' },
    strict: true,
    risk: riskOf(spec),
  });
  const orders = new Map(sessionOrders(r.db, started.id).map((o) => [o.clientOrderRef, o]));
  // Each order went out with the broker's quote recorded, and its broker row carries its arrival.
  for (const o of orders.values()) {
    expect(o.arrivalQuote).toBeGreaterThan(0);
    expect(r.db.prepare('SELECT arrival_price AS price, arrival_quote AS quote FROM orders WHERE client_order_ref = ?').get(o.clientOrderRef)).toEqual({ price: o.decisionPrice, quote: o.arrivalQuote });
  }
  const cmp = compareWithShadow(
    {
      curve: sessionEquity(r.db, started.id),
      fills: fills.map((f) => ({ ...f, decisionPrice: orders.get(f.clientOrderRef)?.decisionPrice ?? null, arrivalQuote: null, submitMs: null, ackMs: null, fillMs: null })),
    },
    shadow,
  );
  expect(cmp.fills.length).toBeGreaterThan(4);
  for (const f of cmp.fills) {
    expect(f.live, `live fill of ${f.side} ${f.instrument} at ${new Date(f.decisionTs).toISOString()}`).not.toBeNull();
    expect(f.backtest).not.toBeNull();
    expect(f.live?.quantity).toBe(f.backtest?.quantity);
    expect(Math.round((f.live?.price ?? 0) * 100)).toBe(Math.round((f.backtest?.price ?? 0) * 100));
    expect(Math.round((f.live?.commission ?? 0) * 100)).toBe(Math.round((f.backtest?.commission ?? 0) * 100));
  }
  expect(cmp.summary.identical).toBe(cmp.fills.length);
  expect(cmp.curve.length).toBe(decisions);
  for (const p of cmp.curve) expect(Math.round((p.live ?? Number.NaN) * 100), new Date(p.ts).toISOString()).toBe(Math.round((p.backtest ?? Number.NaN) * 100));
}

describe('a strategy session on the fake TWS', () => {
  it('trades at each bar close and equals its shadow backtest fill for fill, to the cent', async () => {
    const spec = goog();
    rig = await startRig(spec);
    const broker = await connect(rig);
    const started = await start(rig, spec, broker);
    for (let i = 0; i < 80; i++) await step(rig, started, broker);
    started.session.stop();

    const fills = sessionFills(rig.db, started.id);
    expect(fills.length).toBeGreaterThan(4);
    const row = getSession(rig.db, started.id);
    expect(row?.state).toBe('stopped');
    expect(row?.decisions).toBe(80);

    await expectShadowIdentity(rig, spec, started, 86_400, 80);
  }, 60_000);

  it('on 5-minute bars, warms up on bars of its size from the broker and equals its shadow backtest fill for fill', async () => {
    const spec = fiveMinutes();
    rig = await startRig(spec);
    const broker = await connect(rig);
    const started = await start(rig, spec, broker);
    const data = loadSpecData(spec.data).series[0];
    // The warm-up is the last 40 bars TWS had, stamped as the data is: no bar of the session's own is needed first.
    const [warm] = sessionSeries(rig.db, started.id, started.symbols, 300);
    expect(warm.barSeconds).toBe(300);
    expect([...warm.ts]).toEqual([...data.ts.subarray(START_BAR - 39, START_BAR + 1)]);
    expect([...warm.close]).toEqual([...data.close.subarray(START_BAR - 39, START_BAR + 1)]);
    for (let i = 0; i < 60; i++) await step(rig, started, broker);
    started.session.stop();
    expect(getSession(rig.db, started.id)?.decisions).toBe(60);
    await expectShadowIdentity(rig, spec, started, 300, 60);
  }, 60_000);

  it('records a warm-up the broker cannot give and runs on, warming up on live bars', async () => {
    // 1-minute bars of 5-minute data: TWS has nothing finer than what it has.
    const spec = fiveMinutes({ bar_size: '1m' });
    rig = await startRig(spec);
    const broker = await connect(rig);
    const started = await start(rig, spec, broker);
    expect(started.session.state).toBe('running');
    const actions = rig.db.prepare('SELECT action, instrument, detail_json AS detail FROM executed_actions WHERE session_id = ?').all(started.id) as { action: string; instrument: string; detail: string }[];
    expect(actions.map((a) => [a.action, a.instrument])).toEqual([['WARMUP_UNAVAILABLE', started.symbols[0]]]);
    expect(JSON.parse(actions[0].detail)).toMatchObject({ barSeconds: 60, reason: expect.stringMatching(/1 min/) });
    expect(sessionSeries(rig.db, started.id, started.symbols, 60)[0].length).toBe(0);
    started.session.stop();
  }, 60_000);

  it('resumes after the app restarts: bars it missed become history, nothing is sent twice, the store equals the fake', async () => {
    const spec = goog();
    rig = await startRig(spec);
    const first = await connect(rig);
    const before = await start(rig, spec, first);
    for (let i = 0; i < 25; i++) await step(rig, before, first);
    // The app dies: no stop, the session stays 'running' in the store.
    first.disconnect();
    rig.tws.step(3);
    const missed = rig.tws.snapshot().marketTime;
    const second = await connect(rig);
    const after = await start(rig, spec, second, before.id);
    expect(after.id).toBe(before.id);
    for (let i = 0; i < 25; i++) await step(rig, after, second);
    after.session.stop();

    const row = getSession(rig.db, before.id);
    expect(row?.decisions).toBe(50);
    const orders = sessionOrders(rig.db, before.id);
    expect(orders.length).toBeGreaterThan(6);
    expect(new Set(orders.map((o) => o.clientOrderRef)).size).toBe(orders.length);
    // No decision at the bars the app was away for.
    expect(orders.some((o) => o.decisionTs > before.session.lastDecidedTs && o.decisionTs <= missed)).toBe(false);
    const fake = rig.tws.snapshot();
    const ours = fake.orders.filter((o) => o.orderRef.startsWith(`${row?.refPrefix}-`));
    expect(ours.map((o) => o.orderRef).sort()).toEqual(orders.map((o) => o.clientOrderRef).sort());
    expect(orders.every((o) => o.status === 'FILLED')).toBe(true);
    const fills = sessionFills(rig.db, before.id);
    expect(fills.reduce((q, f) => q + (f.side === 'BUY' ? f.quantity : -f.quantity), 0)).toBe(fake.positions.find((p) => p.symbol === 'GOOG')?.quantity ?? 0);
    expect(fills.length).toBe(fake.executions.length);
    // The session's own position snapshots are not the account's reconciliation record: reconnecting found no difference.
    expect(rig.db.prepare('SELECT count(*) AS n FROM ib_differences').get()).toEqual({ n: 0 });
  }, 60_000);

  it('keeps trading through a TWS restart: the adapter reconnects, the bars resume, nothing is sent twice', async () => {
    const spec = goog();
    rig = await startRig(spec);
    const broker = await connect(rig);
    const started = await start(rig, spec, broker);
    for (let i = 0; i < 12; i++) await step(rig, started, broker);
    await rig.tws.faults.restart({ downMs: 50 });
    await eventually(() => broker.connectionState.state === 'ready', 'the reconnection');
    // The bar stream is renewed on the new connection before the market moves.
    await broker.sync();
    for (let i = 0; i < 12; i++) await step(rig, started, broker);
    expect(started.session.state).toBe('running');
    expect(started.session.decided).toBe(24);
    const orders = sessionOrders(rig.db, started.id);
    const refs = orders.map((o) => o.clientOrderRef);
    expect(new Set(refs).size).toBe(refs.length);
    const atFake = rig.tws.snapshot().orders.filter((o) => refs.includes(o.orderRef));
    expect(atFake.length).toBe(refs.length);
  }, 60_000);

  it('runs a strategy object: its brackets go to TWS as linked orders, and they fill', async () => {
    const spec = parseSpec(
      {
        name: 'goog-breakout-forward',
        data: { csv: GOOG },
        strategy: { module: join(ROOT, 'configs', 'strategies', 'breakout-bracket.ts'), params: { lookback: 10, entry_pct: 0.2, target_pct: 4, trail_pct: 3, weight: 0.5 } },
        initial_cash: 100_000,
        simulator: { use_volume_constraints: false, slippage_bps: 0, spread_bps: 0 },
        session: { warmup_years: 1, grace_ms: 2_000 },
      },
      'goog-breakout-forward.yaml',
      ROOT,
    );
    rig = await startRig(spec);
    const broker = await connect(rig);
    const started = await start(rig, spec, broker);
    for (let i = 0; i < 80; i++) {
      rig.tws.step();
      const ts = rig.tws.snapshot().marketTime;
      await eventually(() => started.session.lastDecidedTs === ts || started.session.state !== 'running', 'the decision');
      await broker.sync();
    }
    expect(started.session.state, started.session.reason ?? '').toBe('running');
    const orders = sessionOrders(rig.db, started.id);
    const types = new Set(orders.map((o) => o.type));
    // Entry stops, take-profit limits and trailing stops: whole brackets, each member with the session's ref.
    expect([...types].sort()).toEqual(['LIMIT', 'STOP', 'TRAILING_STOP']);
    const atFake = rig.tws.snapshot().orders.filter((o) => o.orderRef.startsWith(`${started.row.refPrefix}-`));
    expect(atFake.some((o) => o.parentId > 0)).toBe(true);
    expect(sessionFills(rig.db, started.id).length).toBeGreaterThan(0);
    started.session.stop();
  }, 60_000);

  it('stops and flattens itself at its daily loss limit, and says why', async () => {
    const spec = goog({ max_daily_loss: 50 });
    rig = await startRig(spec);
    const broker = await connect(rig);
    const started = await start(rig, spec, broker);
    for (let i = 0; i < 120 && started.session.state === 'running'; i++) await step(rig, started, broker);
    expect(started.session.state).toBe('stopped');
    expect(started.session.reason).toMatch(/^daily loss limit: lost \d+\.\d\d today, the limit is 50$/);
    await eventually(() => (rig?.tws.snapshot().positions.find((p) => p.symbol === 'GOOG')?.quantity ?? 0) === 0, 'the position to be closed');
    const row = getSession(rig.db, started.id);
    expect(row?.state).toBe('stopped');
    expect(row?.reason).toBe(started.session.reason);
    const actions = rig.db.prepare('SELECT action FROM executed_actions WHERE session_id = ? ORDER BY row').all(started.id) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['SESSION_LIMIT', 'SESSION_FLATTENED']);
  }, 60_000);
});
