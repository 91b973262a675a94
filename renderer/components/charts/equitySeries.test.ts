import { describe, expect, it } from 'vitest';
import { brushLogicalRange, equitySeries } from './equitySeries';

const DAY = 86_400_000;
const curve = {
  ts: [0, DAY, 2 * DAY],
  equity: [100, 50, -10],
  benchmark: [100, null, 120],
  drawdownPct: [0, -50, -110],
};

describe('equity series', () => {
  it('keeps every point on a linear scale, the benchmark’s gaps as gaps', () => {
    const s = equitySeries(curve, false);
    expect(s.equity.map((p) => p.value)).toEqual([100, 50, -10]);
    expect(s.benchmark.map((p) => p.time)).toEqual([0, 2 * 86_400]);
    expect(s.drawdown.map((p) => p.value)).toEqual([0, -50, -110]);
    expect(s.hidden).toBe(0);
  });

  it('drops equity at or below zero on a log scale but keeps the drawdown whole', () => {
    const s = equitySeries(curve, true);
    expect(s.equity.map((p) => p.value)).toEqual([100, 50]);
    expect(s.drawdown).toHaveLength(3);
    expect(s.hidden).toBe(1);
  });

  it('maps chart seconds back to the engine’s exact stamps', () => {
    const s = equitySeries({ ts: [1_500], equity: [1], benchmark: [null], drawdownPct: [0] }, false);
    expect(s.stampOf.get(1)).toBe(1_500);
  });
});

describe('brush range', () => {
  it('orders the ends of a drag', () => {
    expect(brushLogicalRange(80, 20)).toEqual({ from: 20, to: 80 });
  });

  it('treats a drag narrower than the minimum, or off the data, as no selection', () => {
    expect(brushLogicalRange(10, 11)).toBeNull();
    expect(brushLogicalRange(null, 40)).toBeNull();
  });
});
