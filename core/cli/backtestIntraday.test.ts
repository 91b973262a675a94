import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'core/cli/tradedesk.ts');
const minutes = fileURLToPath(new URL('../../fixtures/data/2006-01-02-volume-min-001.txt', import.meta.url));

function runSpecText(text: string): { status: number | null; stderr: string; out: Record<string, number | string> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tradedesk-intraday-'));
  const spec = path.join(dir, 'spec.yaml');
  writeFileSync(spec, text);
  const p = spawnSync(process.execPath, ['--import', 'tsx', cli, 'backtest', spec, '--json', '--memory'], { cwd: root, encoding: 'utf8' });
  return { status: p.status, stderr: p.stderr, out: p.status === 0 ? (JSON.parse(p.stdout) as Record<string, number | string>) : {} };
}

describe('backtest CLI on intraday bars', () => {
  it('runs sma-cross end to end on the 1-minute index future file and trades', () => {
    const { status, stderr, out } = runSpecText(
      [
        'name: fesx-1m-sma',
        'data:',
        `  csv: [{symbol: FESX, csv: ${JSON.stringify(minutes)}}]`,
        'strategy: {name: sma-cross, params: {fast: 10, slow: 30, mode: long_short}}',
        'initial_cash: 100000',
        'simulator: {commission: {model: none}}',
        '',
      ].join('\n'),
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(out.status).toBe('completed');
    // One session per 1-minute bar: 41 trading days from 2006-01-02 09:01 to 2006-02-27 22:00.
    expect(out.bars).toBe(30_889);
    expect(out.sessions).toBe(30_889);
    expect(out.closed_trades).toBeGreaterThan(100);
    expect(out.fills).toBeGreaterThan(200);
    expect(out.final_equity).not.toBe(100_000);
  });

  it('runs on a synthetic intraday market with regimes, rebalancing once per trading day', () => {
    const { status, stderr, out } = runSpecText(
      [
        'name: synthetic-5m',
        'data:',
        '  synthetic: {symbols: 3, years: 0.25, seed: 3, bar_size: 5m, regimes: {turbulent_vol: 3}, market_beta: 1.5}',
        'strategy: {name: equal-weight, params: {rebalance: daily}}',
        // No rebalance band, so every daily rebalance that drifted sends its orders.
        'planner: {rebalance_band: 0}',
        '',
      ].join('\n'),
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    // 63 trading days of 78 five-minute bars (09:35 to 16:00).
    expect(out.sessions).toBe(63 * 78);
    expect(out.bars).toBe(3 * 63 * 78);
    // At most one order per symbol and trading day: the daily rebalance does not fire on every bar.
    expect(out.orders).toBeGreaterThan(3);
    expect(out.orders).toBeLessThanOrEqual(3 * 63);
  });
});
