import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpecFile } from '../../config/loadSpec';
import { openDatabase } from '../../store/db';
import { loadSpecData } from '../loadSpecData';
import { runSpec } from '../runSpec';
import { runExecution } from './runExecution';

const SPEC = path.join(__dirname, '..', '..', '..', 'configs', 'backtests', 'goog-sma.yaml');

describe('runExecution', () => {
  it("measures a stored backtest's fills against the decision's close (the session before a next-open fill) and the simulator's quote", async () => {
    const db = openDatabase(':memory:');
    const spec = loadSpecFile(SPEC);
    const { runId, result } = await runSpec(spec, { db });
    const series = loadSpecData(spec.data).series;
    const a = runExecution(db, runId as string, series, true);
    expect(a.orders).toBe(result.totals.orders);
    expect(a.filled).toBe(result.totals.orders);
    // No spread or slippage: every fill is at the open it was priced from.
    expect(a.vsReference.count).toBe(result.totals.orders);
    expect(Math.abs(a.vsReference.meanBps as number)).toBeLessThan(1e-9);
    // Against the decision's close, the session before each next-open fill, the fills carry the overnight gap.
    const orders = db.prepare('SELECT side, avg_fill_price AS px, created_at AS at FROM backtest_orders ORDER BY seq').all() as { side: string; px: number; at: number }[];
    const goog = series[0];
    const gaps = orders.map((o) => {
      let k = goog.ts.findIndex((t) => t >= o.at) - 1;
      if (k < 0) k = 0;
      return ((o.side === 'BUY' ? 1 : -1) * (o.px - goog.close[k]) * 1e4) / goog.close[k];
    });
    expect(a.vsArrival.count).toBe(orders.length);
    expect(a.vsArrival.meanBps).toBeCloseTo(gaps.reduce((x, y) => x + y, 0) / gaps.length, 9);
    expect(a.vsArrival.meanBps).not.toBe(0);
    db.close();
  });
});
