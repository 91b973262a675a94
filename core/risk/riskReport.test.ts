import { describe, expect, it } from 'vitest';
import { buildRiskReport } from './riskReport';

const DAY = 86_400_000;
const bench = [100, 101, 99, 102, 100, 103];
// The portfolio moves exactly twice the benchmark's return each day.
const equity = [1000];
for (let i = 1; i < bench.length; i++) equity.push(equity[i - 1] * (1 + 2 * (bench[i] / bench[i - 1] - 1)));

describe('buildRiskReport', () => {
  it('measures beta only over the days the benchmark has values', () => {
    const curve = equity.map((e, i) => ({ ts: i * DAY, equity: e, benchmark: i === 3 ? null : bench[i] }));
    const r = buildRiskReport({ asOf: 10 * DAY, curve, holdings: [], scenarios: [], rollingWindow: 2 });
    // Days 3 and 4 lose their benchmark return; the other three still lie on the slope 2.
    expect(r.beta).toBeCloseTo(2, 10);
    expect(r.observations).toBe(5);
    expect(r.figures).toHaveLength(8);
    expect(r.figures.filter((f) => f.horizonDays === 10).every((f) => f.method === 'parametric' || f.var === null)).toBe(true);
    expect(r.exposures.gross).toBe(0);
    expect(r.worstWindows.map((w) => w.days)).toEqual([1, 5]);
  });

  it('ignores history after the as-of date', () => {
    const curve = equity.map((e, i) => ({ ts: i * DAY, equity: e, benchmark: bench[i] }));
    const r = buildRiskReport({ asOf: 2 * DAY + 5, curve, holdings: [], scenarios: [], rollingWindow: 2 });
    expect(r.asOf).toBe(2 * DAY);
    expect(r.equity).toBe(equity[2]);
    expect(r.observations).toBe(2);
  });

  it('names the date when nothing was recorded by then', () => {
    expect(() => buildRiskReport({ asOf: -1, curve: [{ ts: 0, equity: 1, benchmark: null }], holdings: [], scenarios: [], rollingWindow: 2 })).toThrow(
      /no equity recorded at or before 1969-12-31T23:59:59.999Z/,
    );
  });
});
