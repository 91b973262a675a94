import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plannerSchema, simulatorSchema, type SimulatorConfig } from '../config/simulatorSchema';
import type { BarSeries } from '../data/BarSeries';
import { sliceSeries } from '../data/calendar';
import { dailySeries } from '../data/seriesFromBars';
import { generateSyntheticMarket } from '../data/synthetic';
import { getStrategy } from '../strategy/registry';
import type { StrategyFn, Targets } from '../strategy/types';
import { MemorySink } from './memorySink';
import { runBacktest, type RunInput } from './runner';

function strategy(name: string, params: unknown, series: readonly BarSeries[]): StrategyFn {
  const def = getStrategy(name);
  return def.create(def.params.parse(params), { symbols: series.map((s) => s.symbol), baseDir: '.' });
}

const simArb = fc.record({
  fill_timing: fc.constantFrom('next_open', 'same_close', 'vwap'),
  slippage_bps: fc.constantFrom(0, 5, 25),
  spread_bps: fc.constantFrom(0, 4),
  impact_k: fc.constantFrom(0, 0.5),
  use_volume_constraints: fc.boolean(),
  max_participation_rate: fc.constantFrom(0.001, 0.1),
  commission: fc.constantFrom({ model: 'ibkr_tiered' }, { model: 'percent', rate: 0.001 }, { model: 'per_share', rate: 0.01, minimum: 1 }),
  account: fc.constantFrom({ type: 'cash' }, { type: 'margin', max_leverage: 2 }),
});

const strategyArb = fc.constantFrom(
  ['equal-weight', { rebalance: 'daily' }],
  ['equal-weight', { rebalance: 'weekly', weight: 1 }],
  ['sma-cross', { fast: 3, slow: 8, mode: 'long_short' }],
  ['momentum', { lookback: 20, top: 2 }],
  ['buy-and-hold', { weight: 1 }],
) as fc.Arbitrary<[string, unknown]>;

function baseInput(series: BarSeries[], sim: SimulatorConfig, strat: [string, unknown], seed = 3): RunInput {
  return {
    series,
    strategy: strategy(strat[0], strat[1], series),
    initialCash: 100_000,
    seed,
    sim,
    planner: plannerSchema.parse({}),
    strict: true,
  };
}

describe('runBacktest invariants (property tests)', () => {
  it('equity = cash + sum of position values at every snapshot, rebuilt independently from the fills', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), simArb, strategyArb, (seed, simIn, strat) => {
        const series = generateSyntheticMarket({ symbols: 4, years: 0.5, seed });
        const sim = simulatorSchema.parse(simIn);
        const sink = new MemorySink();
        const res = runBacktest({ ...baseInput(series, sim, strat), sink });
        expect(res.status).toBe('completed');
        const byTs = new Map<number, typeof sink.fills>();
        for (const f of sink.fills) byTs.set(f.timestamp, [...(byTs.get(f.timestamp) ?? []), f]);
        const qty = new Map<string, number>();
        let cash = 100_000;
        const lastClose = new Map<string, number>();
        for (const p of sink.equityPoints) {
          for (const f of byTs.get(p.ts) ?? []) {
            const signed = f.side === 'BUY' ? f.quantity : -f.quantity;
            cash -= signed * f.price + f.commission;
            qty.set(f.instrument, (qty.get(f.instrument) ?? 0) + signed);
          }
          for (const s of series) {
            const i = s.ts.indexOf(p.ts);
            if (i >= 0) lastClose.set(s.symbol, s.close[i]);
          }
          let value = 0;
          for (const [inst, q] of qty) value += q * (lastClose.get(inst) ?? 0);
          const scale = Math.max(1, Math.abs(p.equity));
          expect(Math.abs(p.cash - cash) / scale).toBeLessThan(1e-9);
          expect(Math.abs(p.equity - (cash + value)) / scale).toBeLessThan(1e-9);
          const snapValue = sink.snapshots.filter((x) => x.ts === p.ts).reduce((s, x) => s + x.position.marketValue, 0);
          expect(Math.abs(p.equity - (p.cash + snapValue)) / scale).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('never prices a fill outside what its bar traded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), simArb, strategyArb, (seed, simIn, strat) => {
        const series = generateSyntheticMarket({ symbols: 3, years: 0.5, seed });
        const sink = new MemorySink();
        runBacktest({ ...baseInput(series, simulatorSchema.parse(simIn), strat), sink });
        for (const f of sink.fills) {
          const s = series.find((x) => x.symbol === f.instrument) as BarSeries;
          const i = s.ts.indexOf(f.timestamp);
          expect(i).toBeGreaterThanOrEqual(0);
          expect(f.price).toBeGreaterThanOrEqual(s.low[i]);
          expect(f.price).toBeLessThanOrEqual(s.high[i]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives identical orders, fills and equity for the same data, config and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), simArb, strategyArb, (seed, simIn, strat) => {
        const series = generateSyntheticMarket({ symbols: 3, years: 0.5, seed });
        const sim = simulatorSchema.parse({ ...simIn, limit_fill_prob: 0.5 });
        const runs = [new MemorySink(), new MemorySink()].map((sink) => {
          const res = runBacktest({ ...baseInput(series, sim, strat, seed), sink });
          const orders = sink.orders.map(({ clientOrderRef: _ref, ...o }) => o);
          return JSON.stringify({ orders, fills: sink.fills, eq: Array.from(res.equity), m: res.metrics });
        });
        expect(runs[0]).toBe(runs[1]);
      }),
      { numRuns: 20 },
    );
  });

  it('decides the same up to any date D whether or not the data after D exists (no look-ahead)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 5, max: 120 }), strategyArb, (seed, cut, strat) => {
        const full = generateSyntheticMarket({ symbols: 4, years: 0.5, seed });
        const d = full[0].ts[cut];
        const truncated = full.map((s) => sliceSeries(s, -Infinity, d));
        const sim = simulatorSchema.parse({});
        const decisions = (series: BarSeries[]) => {
          const inner = strategy(strat[0], strat[1], series);
          const seen: string[] = [];
          const spy: StrategyFn = (asOf, view, pf) => {
            const t: Targets | null = inner(asOf, view, pf);
            seen.push(`${asOf}:${t ? JSON.stringify([t.kind, [...t.values]]) : '-'}`);
            return t;
          };
          const res = runBacktest({ ...baseInput(series, sim, strat), strategy: spy });
          return { seen, equity: Array.from(res.equity) };
        };
        const a = decisions(full);
        const b = decisions(truncated);
        expect(a.seen.slice(0, cut + 1)).toEqual(b.seen);
        expect(a.equity.slice(0, cut + 1)).toEqual(b.equity);
      }),
      { numRuns: 30 },
    );
  });

  it('an all-in target (weight 1.0) never overdraws a cash account once both legs pay commission', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), simArb, (seed, simIn) => {
        const series = generateSyntheticMarket({ symbols: 3, years: 0.5, seed });
        const sim = simulatorSchema.parse({ ...simIn, account: { type: 'cash' } });
        const sink = new MemorySink();
        runBacktest({ ...baseInput(series, sim, ['equal-weight', { rebalance: 'daily', weight: 1 }]), sink });
        for (const p of sink.equityPoints) expect(p.cash).toBeGreaterThanOrEqual(-1e-9);
      }),
      { numRuns: 40 },
    );
  });
});

describe('runBacktest margin calls', () => {
  it('liquidates a margin account at the next open once equity falls under the maintenance margin', () => {
    // Short 2x equity at 100; the price doubles, so equity / gross drops well under 25%.
    const rows = [[100, 100, 100, 100], [100, 100, 100, 100], [150, 150, 150, 150], [160, 160, 160, 160], [170, 170, 170, 170]];
    const series = [dailySeries('AAA', rows.map((r) => [...r, 1e9]))];
    let calls = 0;
    const shortOnce: StrategyFn = () => (++calls === 1 ? { kind: 'weight', values: new Map([['AAA', -2]]) } : null);
    const sim = simulatorSchema.parse({ slippage_bps: 0, spread_bps: 0, commission: { model: 'none' }, account: { type: 'margin', max_leverage: 2 } });
    const sink = new MemorySink();
    const res = runBacktest({ ...baseInput(series, sim, ['buy-and-hold', {}]), initialCash: 10_000, strategy: shortOnce, sink });
    expect(res.marginCalls).toBe(1);
    expect(sink.actions.map((a) => [a.action, new Date(a.ts).toISOString().slice(0, 10)])).toEqual([['MARGIN_CALL', '2020-01-03']]);
    expect(sink.fills.map((f) => [f.side, f.quantity, f.price])).toEqual([['SELL', 200, 100], ['BUY', 200, 160]]);
    expect(calls).toBe(4);
    expect(res.equity.at(-1)).toBeCloseTo(10_000 - 200 * 60, 9);
  });
});

describe('runBacktest sizing', () => {
  // Decided at a close of 100; the next bar opens at 50. Weight 1.0 of 10,000 cash, no costs.
  const series = [dailySeries('AAA', [[100, 100, 100, 100, 1e9], [50, 50, 50, 50, 1e9], [50, 50, 50, 50, 1e9]])];
  const allIn: StrategyFn = (_asOf, _view, pf) => (pf.positions.size === 0 ? { kind: 'weight', values: new Map([['AAA', 1]]) } : null);
  const sim = simulatorSchema.parse({ slippage_bps: 0, spread_bps: 0, commission: { model: 'none' }, account: { type: 'cash' } });

  it('sizes weights against the fill price by default (size_at: execution)', () => {
    const sink = new MemorySink();
    runBacktest({ ...baseInput(series, sim, ['buy-and-hold', {}]), initialCash: 10_000, strategy: allIn, sink });
    expect(sink.fills.map((f) => [f.quantity, f.price])).toEqual([[200, 50]]);
  });

  it('sizes weights against the decision close with size_at: decision', () => {
    const sink = new MemorySink();
    const planner = plannerSchema.parse({ size_at: 'decision' });
    runBacktest({ ...baseInput(series, sim, ['buy-and-hold', {}]), initialCash: 10_000, strategy: allIn, planner, sink });
    expect(sink.fills.map((f) => [f.quantity, f.price])).toEqual([[100, 50]]);
  });
});

describe('runBacktest records', () => {
  it('records a target portfolio when it is set and again only when it changes', () => {
    const series = generateSyntheticMarket({ symbols: 3, years: 0.2, seed: 2 });
    const sink = new MemorySink();
    const res = runBacktest({ ...baseInput(series, simulatorSchema.parse({}), ['equal-weight', { rebalance: 'daily' }]), sink });
    const days = new Set(sink.targets.map((t) => t.ts));
    expect(res.sessions).toBeGreaterThan(40);
    expect(days.size).toBe(1);
    expect(sink.targets.map((t) => [t.instrument, t.kind, t.value])).toEqual(series.map((s) => [s.symbol, 'weight', 1 / 3]));
  });
});

describe('runBacktest failures', () => {
  const series = generateSyntheticMarket({ symbols: 2, years: 0.2, seed: 5 });
  const sim = simulatorSchema.parse({});

  it('fails the run when a strict strategy reads tomorrow, naming the date and the look-ahead', () => {
    const peek: StrategyFn = (_asOf, view) => {
      view.close(view.symbols[0], -1);
      return null;
    };
    const res = runBacktest({ ...baseInput(series, sim, ['buy-and-hold', {}]), strategy: peek });
    expect(res.status).toBe('failed');
    expect(res.error).toMatch(/^strategy failed on 2000-01-03: look-ahead: strategy asked for close 1 bar\(s\) ahead of SYN000/);
  });

  it('fails with the date and message of an exception inside the strategy, keeping what ran before', () => {
    let calls = 0;
    const boom: StrategyFn = () => {
      if (++calls === 10) throw new Error('division by zero in my signal');
      return null;
    };
    const sink = new MemorySink();
    const res = runBacktest({ ...baseInput(series, sim, ['buy-and-hold', {}]), strategy: boom, sink });
    expect(res.status).toBe('failed');
    expect(res.error).toBe('strategy failed on 2000-01-14: division by zero in my signal');
    expect(sink.equityPoints).toHaveLength(9);
    expect(sink.flushes).toBeGreaterThan(0);
  });

  it('stops as cancelled when asked to, keeping the sessions already computed', () => {
    let n = 0;
    const res = runBacktest({ ...baseInput(series, sim, ['equal-weight', { rebalance: 'daily' }]), shouldCancel: () => ++n > 20 });
    expect(res.status).toBe('cancelled');
    expect(res.sessions).toBe(20);
    expect(res.equity).toHaveLength(20);
  });
});
