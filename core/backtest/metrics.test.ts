import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics, type MetricsInput } from './metrics';
import { emptyTradeSummary, summarizeTrades } from './tradesSummary';

const YEAR_MS = 365.25 * 86_400_000;
const f64 = (xs: number[]) => Float64Array.from(xs);

function input(equity: number[], over: Partial<MetricsInput> = {}): MetricsInput {
  const n = equity.length;
  return {
    ts: f64(equity.map((_, i) => (n > 1 ? (i * YEAR_MS) / (n - 1) : 0))),
    equity: f64(equity),
    exposure: f64(equity.map(() => 0)),
    benchmarkEquity: f64(equity),
    initialCash: 100,
    periodsPerYear: 252,
    trades: emptyTradeSummary(),
    openTrades: 0,
    commissions: 0,
    slippage: 0,
    turnoverValue: 0,
    ...over,
  };
}

describe('computeMetrics', () => {
  // Equity 100 -> 110 -> 99 -> 120 over exactly one 365.25-day year.
  // Returns: +10%, -10%, +21.2121%; mean 0.0707071, sample std 0.1581090, downside dev sqrt(0.01 / 3).
  const m = computeMetrics(
    input([100, 110, 99, 120], {
      exposure: f64([0, 50, 50, 0]),
      benchmarkEquity: f64([100, 105, 103, 108]),
      turnoverValue: 429,
      trades: summarizeTrades([
        { pnl: 10, barsHeld: 1, returnPct: 2 },
        { pnl: -5, barsHeld: 3, returnPct: -1 },
        { pnl: 20, barsHeld: 2, returnPct: 4 },
        { pnl: 0, barsHeld: 0, returnPct: 0 },
      ]),
      openTrades: 2,
      commissions: 3.5,
      slippage: 1.25,
    }),
  );

  it('computes the return metrics by hand on a tiny series', () => {
    expect(m.totalReturnPct).toBeCloseTo(20, 10);
    expect(m.cagrPct).toBeCloseTo(20, 10);
    expect(m.annualVolatilityPct).toBeCloseTo(250.99032501, 6);
    expect(m.sharpe).toBeCloseTo(7.09915086, 6);
    expect(m.sortino).toBeCloseTo(19.44123022, 6);
    expect(m.maxDrawdownPct).toBeCloseTo(-10, 10);
    expect(m.calmar).toBeCloseTo(2, 10);
    expect(m.maxDrawdownDurationDays).toBeCloseTo(243.5, 6); // from the peak at 1/3 year to recovery at 1 year
    expect(m.maxDrawdownDurationBars).toBe(2);
    expect(m.exposureTimePct).toBe(50);
    expect(m.turnover).toBeCloseTo(4, 10); // 429 / mean equity 107.25 / 1 year
    expect(m.buyAndHoldReturnPct).toBeCloseTo(8, 10);
    expect(m.finalEquity).toBe(120);
  });

  it('annualises the geometric session return over sessions, not calendar time', () => {
    // 3 returns compound to 1.2; a 252-session year is 84 of these 3-session spans, while CAGR sees 1 calendar year.
    expect(m.annualReturnPct).toBeCloseTo((1.2 ** 84 - 1) * 100, 0);
    expect(computeMetrics(input([100, 110, 99, 120], { periodsPerYear: 3 })).annualReturnPct).toBeCloseTo(20, 10);
    expect(computeMetrics(input([100, 50, 0])).annualReturnPct).toBe(-100);
    expect(computeMetrics(input([100])).annualReturnPct).toBeNull();
  });

  it('regresses session returns on the benchmark for beta and an annualised alpha', () => {
    // Returns 0.001 + 1.5 b exactly, for benchmark returns b = +1 %, -2 %, +3 %.
    const b = [0.01, -0.02, 0.03];
    const bench = [100];
    const eq = [100];
    for (const x of b) {
      bench.push(bench[bench.length - 1] * (1 + x));
      eq.push(eq[eq.length - 1] * (1 + 0.001 + 1.5 * x));
    }
    const ab = computeMetrics(input(eq, { benchmarkEquity: f64(bench) }));
    expect(ab.beta).toBeCloseTo(1.5, 10);
    expect(ab.alphaPct).toBeCloseTo((1.001 ** 252 - 1) * 100, 8); // 28.65 %
    // The tiny series above by hand: beta = cov(r, b) / var(b) = 3.7204842, alpha = -0.0278809 a session.
    expect(m.beta).toBeCloseTo(3.72048423, 6);
    expect(m.alphaPct).toBeCloseTo(((1 - 0.0278808878) ** 252 - 1) * 100, 4);
  });

  it('gives a null alpha and beta against a flat benchmark', () => {
    const flat = computeMetrics(input([100, 110, 99, 120], { benchmarkEquity: f64([100, 100, 100, 100]) }));
    expect(flat).toMatchObject({ alphaPct: null, beta: null });
    expect(computeMetrics(input([100, 110]))).toMatchObject({ alphaPct: null, beta: null });
  });

  it('averages drawdown depth and duration over episodes', () => {
    // One episode: the peak 110 at 1/3 year, 99 under it (-10 %), recovered at 1 year (2 sessions, 243.5 days).
    expect(m).toMatchObject({ avgDrawdownPct: expect.closeTo(-10, 10), avgDrawdownDurationDays: expect.closeTo(243.5, 6), avgDrawdownDurationBars: 2 });
    // Two episodes: 100 -> 90 -> 100 (-10 %, 2 sessions) and 100 -> 70 -> end (-30 %, 2 sessions).
    const two = computeMetrics(input([100, 90, 100, 80, 70]));
    expect(two.avgDrawdownPct).toBeCloseTo(-20, 10);
    expect(two.avgDrawdownDurationBars).toBe(2);
    expect(two.avgDrawdownDurationDays).toBeCloseTo(YEAR_MS / 4 / 86_400_000 * 2, 6);
    expect(computeMetrics(input([100, 101, 102]))).toMatchObject({ avgDrawdownPct: null, avgDrawdownDurationDays: null, avgDrawdownDurationBars: null });
  });

  it('computes the trade metrics by hand (pnl 10, -5, 20, 0)', () => {
    expect(m).toMatchObject({
      closedTrades: 4,
      openTrades: 2,
      winRatePct: 50,
      profitFactor: 6,
      avgWin: 15,
      avgLoss: -5,
      expectancy: 6.25,
      expectancyPct: 1.25, // (2 - 1 + 4 + 0) / 4
      kelly: expect.closeTo(1 / 3, 12), // 0.5 - 0.5 / (15 / 5)
      largestWin: 20,
      largestLoss: -5,
      avgBarsHeld: 1.5,
      commissions: 3.5,
      slippage: 1.25,
    });
    expect(m.sqn).toBeCloseTo(1.12746904, 6);
  });

  it('gives nulls for a single session and no trades', () => {
    const one = computeMetrics(input([100]));
    expect(one).toMatchObject({
      totalReturnPct: 0, cagrPct: null, annualVolatilityPct: null, sharpe: null, sortino: null, calmar: null,
      maxDrawdownPct: 0, maxDrawdownDurationDays: 0, turnover: null, exposureTimePct: 0, winRatePct: null,
      profitFactor: null, avgWin: null, avgLoss: null, expectancy: null, expectancyPct: null, kelly: null, sqn: null,
      largestWin: null, largestLoss: null, avgBarsHeld: null, finalEquity: 100,
    });
  });

  it('gives null ratios for zero volatility and an empty run', () => {
    const flat = computeMetrics(input([100, 100, 100]));
    expect(flat).toMatchObject({ annualVolatilityPct: 0, sharpe: null, sortino: null, calmar: null, cagrPct: 0 });
    const empty = computeMetrics(input([]));
    expect(empty).toMatchObject({ finalEquity: 100, totalReturnPct: 0, exposureTimePct: null, buyAndHoldReturnPct: null });
  });

  it('gives a null profit factor and sqn when nothing lost or varied', () => {
    const trip = { pnl: 5, barsHeld: 1, returnPct: 0.5 };
    const wins = computeMetrics(input([100, 101], { trades: summarizeTrades([trip, trip]) }));
    expect(wins).toMatchObject({ profitFactor: null, sqn: null, avgLoss: null, winRatePct: 100, kelly: null, expectancyPct: 0.5 });
    const losses = computeMetrics(input([100, 99], { trades: summarizeTrades([{ ...trip, pnl: -5 }]) }));
    expect(losses).toMatchObject({ kelly: null, avgWin: null, winRatePct: 0 });
  });

  it('measures drawdown from the initial cash and to the end when never recovered', () => {
    const r = computeMetrics(input([95, 120, 90, 100]));
    expect(r.maxDrawdownPct).toBeCloseTo(-25, 10);
    expect(r.maxDrawdownDurationBars).toBe(2);
    expect(r.cagrPct).toBe(0);
    expect(computeMetrics(input([100, 0, 0])).cagrPct).toBe(-100);
  });

  it('names mismatched inputs', () => {
    expect(() => computeMetrics(input([1, 2], { exposure: f64([0]) }))).toThrow('exposure has 1 points but equity has 2');
    expect(() => computeMetrics(input([1], { initialCash: 0 }))).toThrow('initialCash must be a positive number');
  });

  it('never puts NaN or Infinity in its output', () => {
    const num = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(0));
    fc.assert(
      fc.property(fc.array(num, { maxLength: 30 }), fc.array(fc.record({ pnl: num, barsHeld: fc.nat(50), returnPct: num }), { maxLength: 10 }), (eq, trips) => {
        const out = computeMetrics(input(eq, { trades: summarizeTrades(trips), exposure: f64(eq.map(Math.abs)) }));
        for (const [key, v] of Object.entries(out)) {
          if (v !== null && !Number.isFinite(v)) throw new Error(`${key} = ${v}`);
        }
      }),
    );
  });
});
