import { describe, expect, it } from 'vitest';
import { stitchedMetrics } from './stitchedMetrics';

const DAY = 86_400_000;

describe('stitchedMetrics', () => {
  it('reads the stitched curve as a backtest would, and sums the windows\' counts', () => {
    const t0 = Date.UTC(2020, 0, 1);
    const curve = { ts: [0, 1, 2, 3].map((i) => t0 + i * DAY), equity: [100, 110, 99, 121] };
    const m = stitchedMetrics(curve, 100, 252, [
      { closed_trades: 2, orders: 5, fills: 5 },
      { closed_trades: 1, orders: 2, fills: null },
    ]);
    const r = [0.1, -0.1, 121 / 99 - 1];
    const mean = r.reduce((a, b) => a + b) / 3;
    const std = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / 2);
    expect(m.final_equity).toBe(121);
    expect(m.total_return_pct).toBeCloseTo(21, 10);
    expect(m.max_drawdown_pct).toBeCloseTo(-10, 10);
    expect(m.sharpe).toBeCloseTo((mean / std) * Math.sqrt(252), 10);
    expect(m.annual_return_pct).toBeCloseTo((1.21 ** (252 / 3) - 1) * 100, 6);
    expect([m.closed_trades, m.orders, m.fills]).toEqual([3, 7, 5]);
    // Nothing a curve alone cannot define (exposure, trade statistics, the benchmark's beta).
    expect(Object.keys(m)).not.toContain('exposure_time_pct');
    expect(Object.keys(m)).not.toContain('beta');
  });

  it('answers null, not NaN, for a ratio a flat curve leaves undefined', () => {
    const m = stitchedMetrics({ ts: [0, DAY, 2 * DAY], equity: [100, 100, 100] }, 100, 252, []);
    expect(m.sharpe).toBeNull();
    expect(m.calmar).toBeNull();
    expect(JSON.stringify(m)).not.toMatch(/NaN|Infinity/);
  });
});
