import { describe, expect, it } from 'vitest';
import { plannerSchema, simulatorSchema } from '../config/simulatorSchema';
import { dailySeries } from '../data/seriesFromBars';
import type { StrategyFn } from '../strategy/types';
import { MemorySink } from './memorySink';
import { runBacktest } from './runner';

const allInOnSecondSession = (): StrategyFn => {
  let session = 0;
  return () => (++session === 2 ? { kind: 'weight', values: new Map([['X', 1]]) } : null);
};

function firstFill(rows: number[][], fill_timing: string, extra: Record<string, unknown> = {}) {
  const sink = new MemorySink();
  runBacktest({
    series: [dailySeries('X', rows)],
    strategy: allInOnSecondSession(),
    initialCash: 10_000,
    seed: 1,
    sim: simulatorSchema.parse({ fill_timing, spread_bps: 0, slippage_bps: 0, use_volume_constraints: false, commission: { model: 'percent', rate: 0.001 }, ...extra }),
    planner: plannerSchema.parse({}),
    strict: true,
    sink,
  });
  return { ...sink.fills[0], cash: sink.equityPoints[2].cash };
}

describe('sizing at execution', () => {
  const before = [
    [10, 10.5, 9.5, 10, 1e6],
    [10, 10.5, 9.5, 10, 1e6],
  ];

  it('vwap sizes from the open: the fill bar’s high, low and close do not change the quantity', () => {
    const calm = firstFill([...before, [12, 12.2, 11.9, 12.1, 1e6]], 'vwap');
    const wild = firstFill([...before, [12, 20, 11, 19, 1e6]], 'vwap');
    expect(calm.quantity).toBe(Math.floor(10_000 / (12 * 1.001)));
    expect(wild.quantity).toBe(calm.quantity);
    // It still fills at the bar's typical price.
    expect(wild.price).toBeCloseTo((20 + 11 + 19) / 3, 2);
  });

  it('next_open sizes at the open it gapped to, not at the decision close', () => {
    const up = firstFill([...before, [12.5, 13, 12, 12.8, 1e6]], 'next_open');
    expect(up.price).toBe(12.5);
    expect(up.quantity).toBe(Math.floor(10_000 / (12.5 * 1.001)));
  });

  it('an open off the tick grid is sized at the tick above: the broker may print it there, inside the bar', () => {
    // Open = low = 1.333333: the nearest cent, 1.33, is below the bar, so the fill prints 1.34.
    const fill = firstFill([...before, [1.333333, 1.4, 1.333333, 1.38, 1e6]], 'next_open', { tick_size: 0.01 });
    expect(fill.price).toBe(1.34);
    expect(fill.quantity).toBe(Math.floor(10_000 / (1.34 * 1.001)));
    expect(fill.cash).toBeGreaterThanOrEqual(0);
  });

  it('an open on the grid is sized at the price it prints, the nearest tick of the costed price', () => {
    const fill = firstFill([...before, [12.5, 13, 12.4, 12.8, 1e6]], 'next_open', { tick_size: 0.01, slippage_bps: 10 });
    expect(fill.price).toBe(12.51);
    expect(fill.quantity).toBe(Math.floor(10_000 / (12.51 * 1.001)));
  });
});
