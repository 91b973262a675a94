import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { countRunRows } from '../store/queries';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'core/cli/tradedesk.ts');
const goog = path.join(root, 'configs/backtests/goog-sma.yaml');

function run(args: string[], env: Record<string, string> = {}) {
  const p = spawnSync(process.execPath, ['--import', 'tsx', cli, 'backtest', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: p.status, stdout: p.stdout, stderr: p.stderr };
}

function tmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'tradedesk-cli-'));
}

function runsIn(dbFile: string): { status: string; error: string | null }[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT status, error FROM backtest_runs').all() as { status: string; error: string | null }[];
  } finally {
    db.close();
  }
}

describe('backtest CLI', () => {
  it('runs the strategy-object examples: a bracket breakout and resting limits with OCO exits, recorded with their links', () => {
    const dir = tmp();
    const dbFile = path.join(dir, 'runs.db');
    const bracket = run([path.join(root, 'configs/backtests/goog-breakout-bracket.yaml'), '--json', '--db', dbFile]);
    expect(bracket.stderr).toBe('');
    const out = JSON.parse(bracket.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ status: 'completed', fill_timing: 'next_open', intrabar_policy: 'worst_case', risk_checks: 'on' });
    expect(out.closed_trades).toBeGreaterThan(10);
    const db = new Database(dbFile, { readonly: true });
    const roles = db
      .prepare("SELECT json_extract(extras, '$.link.role') AS role, type, status FROM backtest_orders_view WHERE extras IS NOT NULL")
      .all() as { role: string; type: string; status: string }[];
    const reasons = db.prepare('SELECT DISTINCT exit_reason AS r FROM backtest_trades WHERE exit_reason IS NOT NULL ORDER BY r').all() as { r: string }[];
    db.close();
    expect(new Set(roles.map((r) => `${r.role} ${r.type}`))).toEqual(new Set(['ENTRY STOP', 'TAKE_PROFIT LIMIT', 'STOP_LOSS TRAILING_STOP']));
    expect(reasons.map((r) => r.r)).toEqual(['TARGET', 'TRAILING_STOP']);
    const limits = run([path.join(root, 'configs/backtests/goog-mean-reversion-limits.yaml'), '--json', '--memory', '--set', 'risk_checks=off']);
    expect(JSON.parse(limits.stdout)).toMatchObject({ status: 'completed', risk_checks: 'off' });
    expect((JSON.parse(limits.stdout) as { fills: number }).fills).toBeGreaterThan(10);
  });

  it('runs the GOOG spec and prints exactly one JSON object with the documented keys, recorded in the db', () => {
    const dir = tmp();
    const dbFile = path.join(dir, 'runs.db');
    const r = run([goog, '--json', '--db', dbFile]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]) as Record<string, unknown>;
    for (const key of ['run_id', 'final_equity', 'total_return_pct', 'closed_trades', 'open_trades', 'max_drawdown_pct', 'sharpe', 'commissions', 'orders', 'fills', 'bars', 'elapsed_ms']) {
      expect(out).toHaveProperty(key);
    }
    expect(out.bars).toBe(2148);
    expect(out.closed_trades).toBe(93);
    expect(typeof out.run_id).toBe('string');
    const db = new Database(dbFile, { readonly: true });
    const runId = out.run_id as string;
    const row = db.prepare('SELECT status, seed, metrics_json FROM backtest_runs WHERE id = ?').get(runId) as { status: string; seed: number; metrics_json: string };
    const counts = [countRunRows(db, runId, 'orders'), countRunRows(db, runId, 'fills'), countRunRows(db, runId, 'trades'), countRunRows(db, runId, 'equity')];
    db.close();
    expect(row.status).toBe('completed');
    expect(row.seed).toBe(42);
    expect(JSON.parse(row.metrics_json).finalEquity).toBe(out.final_equity);
    // The trades table holds the closed round trips and the one still open, marked at the last close.
    expect(out.open_trades).toBe(1);
    expect(counts).toEqual([out.orders, out.fills, 94, 2148]);
    expect(out.open_trade_list).toEqual([expect.objectContaining({ instrument: 'GOOG', mark_date: '2013-03-01', mark_price: expect.any(Number) })]);
    const metrics = out.metrics as Record<string, unknown>;
    for (const key of ['annualReturnPct', 'alphaPct', 'beta', 'kelly', 'expectancy', 'expectancyPct', 'avgDrawdownPct', 'avgDrawdownDurationDays']) {
      expect(metrics).toHaveProperty(key);
    }
    expect(metrics).not.toHaveProperty('avgTradePnl');
  });

  it('with close_at_end, closes the open position at the last close as a recorded order, fill and trade', () => {
    const dir = tmp();
    const dbFile = path.join(dir, 'runs.db');
    const r = run([goog, '--json', '--db', dbFile, '--set', 'close_at_end=true']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect([out.closed_trades, out.open_trades, out.open_trade_list]).toEqual([94, 0, []]);
    const db = new Database(dbFile, { readonly: true });
    try {
      const runId = out.run_id as string;
      expect(countRunRows(db, runId, 'trades')).toBe(94);
      const last = db
        .prepare('SELECT o.intent, o.status, f.price, f.ts FROM backtest_fills_view f JOIN backtest_orders_view o ON o.run = f.run AND o.seq = f.order_seq WHERE f.run = (SELECT row FROM backtest_runs WHERE id = ?) ORDER BY f.seq DESC LIMIT 1')
        .get(runId) as { intent: string; status: string; price: number; ts: number };
      // The last close is 806.19; a 0.2 % commission model adds no price cost, so the sale prints at it.
      expect(last).toEqual({ intent: 'CLOSE_AT_END', status: 'FILLED', price: 806.19, ts: Date.parse('2013-03-01T00:00:00Z') });
    } finally {
      db.close();
    }
  });

  it('applies --set overrides and prints a summary table on a terminal run', () => {
    const r = run([goog, '--memory', '--set', 'simulator.fill_timing=same_close', '--set', 'strategy.params.mode=long_only']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/same_close \(OPTIMISTIC/);
    expect(r.stdout).toMatch(/total return/);
    expect(r.stdout).toMatch(/annualised return/);
    expect(r.stdout).toMatch(/Kelly/);
    expect(r.stdout).toMatch(/\(in memory\)/);
  });

  it('rejects a bad spec with one clear message naming file and key, and records nothing', () => {
    const dir = tmp();
    const spec = path.join(dir, 'bad.yaml');
    writeFileSync(spec, 'name: x\ndata: {synthetic: {symbols: 2, years: 1}}\nstrategy: {name: sma-cross}\nsimulator: {slipage_bps: 3}\n');
    const dbFile = path.join(dir, 'runs.db');
    const r = run([spec, '--json', '--db', dbFile]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.yaml: simulator\.slipage_bps: unknown key \(allowed: fill_timing, slippage_bps/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a malformed CSV with file, line and column, and leaves no run behind', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'BAD.csv'), 'Date,Open,High,Low,Close,Volume\n2020-01-01,10,11,9,10,100\n2020-01-02,10,9,9.5,10,100\n');
    const spec = path.join(dir, 'spec.yaml');
    writeFileSync(spec, 'name: bad-csv\ndata: {csv: BAD.csv}\nstrategy: {name: buy-and-hold}\n');
    const dbFile = path.join(dir, 'runs.db');
    const r = run([spec, '--db', dbFile]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/BAD\.csv:3: column "High"/);
    expect(runsIn(dbFile)).toEqual([]);
  });

  it('records a run whose strategy throws as failed, with the date and message', () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, 'boom.mjs'),
      'let n = 0; export default function () { if (++n === 5) throw new Error("bad signal"); return null; }\n',
    );
    const spec = path.join(dir, 'spec.yaml');
    writeFileSync(spec, 'name: boom\ndata: {synthetic: {symbols: 2, years: 1}}\nstrategy: {module: ./boom.mjs}\n');
    const dbFile = path.join(dir, 'runs.db');
    const r = run([spec, '--json', '--db', dbFile]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/strategy failed on 2000-01-07: bad signal/);
    expect(runsIn(dbFile)).toEqual([{ status: 'failed', error: 'strategy failed on 2000-01-07: bad signal' }]);
  });

  it('records in the app data directory when no --db is given', () => {
    const dir = tmp();
    const spec = path.join(dir, 'spec.yaml');
    writeFileSync(spec, 'name: default-db\nstrategy: {name: buy-and-hold}\ndata: {synthetic: {symbols: 2, years: 1}}\n');
    const r = run([spec, '--json'], { TRADEDESK_DATA_DIR: path.join(dir, 'appdata') });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { db: string };
    expect(out.db).toBe(path.join(dir, 'appdata', 'tradedesk.db'));
    expect(runsIn(out.db)).toEqual([{ status: 'completed', error: null }]);
  });

  it('explains its usage on a wrong call', () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage: tradedesk backtest/);
  });
});
