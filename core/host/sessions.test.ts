import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { simulatorSchema } from '../config/simulatorSchema';
import { loadBarsCsv } from '../data/csv/loadBarsCsv';
import { startFakeTws, type FakeTws } from '../fakeTws/index';
import { createHost, type Host } from './createHost';
import { eventually } from './testing';

const GOOG = path.join(__dirname, '..', '..', 'fixtures', 'data', 'GOOG.csv');
const SIM = { fill_timing: 'same_close', slippage_bps: 5, spread_bps: 4, use_volume_constraints: false, commission: { model: 'ibkr_fixed' } } as const;

let fake: FakeTws | undefined;
let hosts: Host[] = [];
let dir: string | undefined;
afterEach(async () => {
  for (const h of hosts) await h.close();
  hosts = [];
  await fake?.close();
  fake = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function call<T>(h: Host, method: string, input: unknown): Promise<T> {
  const r = (await h.router.call(method as never, input as never)) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

interface Summary {
  id: string;
  state: string;
  decisions: number;
  attached: boolean;
}

describe('strategy sessions through the host', () => {
  it('trade on the connected fake TWS, resume after the app restarts without sending anything twice, and match the shadow backtest', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tradedesk-sessions-'));
    const specPath = path.join(dir, 'forward.yaml');
    writeFileSync(
      specPath,
      [
        'name: goog-forward',
        `data: {csv: ${JSON.stringify(GOOG)}}`,
        'strategy: {name: sma-cross, params: {fast: 2, slow: 6, mode: long_only, weight: 0.9}}',
        'initial_cash: 100000',
        `simulator: ${JSON.stringify(SIM)}`,
        'session: {warmup_years: 2, grace_ms: 2000}',
      ].join('\n'),
    );
    const log: string[] = [];
    fake = await startFakeTws({ port: 0, series: [loadBarsCsv(GOOG, { symbol: 'GOOG' })], startBar: 520, sim: simulatorSchema.parse(SIM), initialCash: 100_000, log: (l) => log.push(l) });
    const subscribed = (n: number) => eventually(() => log.filter((l) => /real-time bars \d+ for GOOG/.test(l)).length === n, `bar subscription ${n}`);
    const open = async (): Promise<Host> => {
      const h = await createHost({ dataDir: dir as string, transport: 'in-process', logError: () => undefined });
      hosts.push(h);
      await call(h, 'trading.connect', { preset: 'custom', host: '127.0.0.1', port: fake?.port, clientId: 4 });
      return h;
    };
    const decisions = async (h: Host, id: string, n: number) => {
      for (let i = 0; i < n; i++) {
        const before = (await call<Summary[]>(h, 'sessions.list', {})).find((s) => s.id === id)?.decisions ?? 0;
        fake?.step();
        await eventually(async () => ((await call<Summary[]>(h, 'sessions.list', {})).find((s) => s.id === id)?.decisions ?? 0) === before + 1, 'the decision');
        // The app's broker has heard of every fill (TWS reports cash to the cent).
        await eventually(async () => {
          const st = await call<{ account: { cash: number } | null; positions: { instrument: string; quantity: number }[]; openOrders: unknown[] }>(h, 'trading.state', {});
          const f = fake?.snapshot();
          const held = f?.positions.find((p) => p.symbol === 'GOOG')?.quantity ?? 0;
          return st.openOrders.length === 0 && (st.positions.find((p) => p.instrument === 'GOOG')?.quantity ?? 0) === held && Math.abs((st.account?.cash ?? Number.NaN) - (f?.cash ?? 0)) <= 0.005 + 1e-9;
        }, 'the broker to report the fills');
      }
    };

    const first = await open();
    const started = await call<Summary>(first, 'sessions.start', { specPath });
    expect(started).toMatchObject({ state: 'running', attached: true, decisions: 0 });
    await subscribed(1);
    await decisions(first, started.id, 15);

    const beforeRestart = (await call<(Summary & { lastDecidedTs: number })[]>(first, 'sessions.list', {}))[0].lastDecidedTs;
    // The app quits while the session runs; the market moves on without it.
    await first.close();
    hosts = [];
    fake.step(2);
    const second = await open();
    await eventually(async () => (await call<Summary[]>(second, 'sessions.list', {}))[0]?.attached === true, 'the session to resume');
    await subscribed(2);
    await decisions(second, started.id, 15);

    const detail = await call<{
      session: Summary;
      curve: { ts: number; live: number | null; backtest: number | null }[];
      fills: { live: unknown; backtest: unknown }[];
      orders: { clientOrderRef: string; status: string | null; decisionTs: number }[];
      summary: { identical: number; fillRate: number | null };
    }>(second, 'sessions.get', { id: started.id });
    expect(detail.session.decisions).toBe(30);
    const refs = detail.orders.map((o) => o.clientOrderRef);
    // Orders from decisions on both sides of the restart.
    expect(detail.orders.some((o) => o.decisionTs <= beforeRestart)).toBe(true);
    expect(detail.orders.some((o) => o.decisionTs > beforeRestart)).toBe(true);
    expect(new Set(refs).size).toBe(refs.length);
    const atFake = (fake.snapshot().orders ?? []).map((o) => o.orderRef).filter((r) => refs.includes(r));
    expect(atFake.sort()).toEqual([...refs].sort());
    expect(detail.summary.fillRate).toBe(1);
    // The two missed bars are history for both: from the resumed decision on, the shadow decides what the session decided.
    const live = detail.curve.filter((p) => p.live !== null);
    expect(live.length).toBe(30);
    // Up to the restart the session and its shadow backtest saw the same bars: equal to the cent.
    const early = live.filter((p) => p.ts <= beforeRestart);
    expect(early.length).toBe(15);
    for (const p of early) expect(Math.round((p.live ?? 0) * 100)).toBe(Math.round((p.backtest ?? Number.NaN) * 100));
    const stopped = await call<Summary>(second, 'sessions.control', { id: started.id, action: 'stop' });
    expect(stopped.state).toBe('stopped');
  }, 90_000);
});
