import { describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../core/ipc/contract/backtests';
import { assumptionLines, runDifferences } from './compareDifferences';

const base: RunDetail = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'a',
  strategy: 'sma-cross',
  status: 'completed',
  error: null,
  createdAt: 0,
  finishedAt: 1,
  periodStart: Date.UTC(2010, 0, 4),
  periodEnd: Date.UTC(2012, 11, 31),
  sessionsTotal: 756,
  sessionsDone: 756,
  initialCash: 100_000,
  metrics: null,
  seed: 1,
  dataFingerprint: 'sha256:one',
  appVersion: '0.1.0',
  symbols: ['AAA', 'BBB'],
  config: { strategy: { name: 'sma-cross', params: { fast: 5 } }, simulator: { slippage_bps: 5 } },
};
const other = (patch: Partial<RunDetail>): RunDetail => ({ ...base, id: '00000000-0000-4000-8000-000000000002', name: 'b', ...patch });

describe('runDifferences', () => {
  it('finds nothing between runs on the same data, period and cash (the symbols in any order)', () => {
    expect(runDifferences([base, other({ symbols: ['BBB', 'AAA'], config: { strategy: { name: 'buy-and-hold' } } })])).toEqual([]);
  });

  it('warns when the data differ, naming whether the symbols differ too', () => {
    const sameSymbols = runDifferences([base, other({ dataFingerprint: 'sha256:two' })]);
    expect(sameSymbols.map((d) => d.what)).toEqual(['data']);
    expect(sameSymbols[0].message).toMatch(/same symbols on different data/);
    const otherSymbols = runDifferences([base, other({ dataFingerprint: 'sha256:two', symbols: ['GOOG'] })]);
    expect(otherSymbols.map((d) => d.what)).toEqual(['data', 'symbols']);
    expect(otherSymbols[1].message).toBe('The runs trade different symbols (a: 2 symbols; b: 1 symbol).');
  });

  it('warns when the periods or the initial cash differ, with each run’s value', () => {
    const diffs = runDifferences([base, other({ periodStart: Date.UTC(2011, 0, 3), initialCash: 50_000 })]);
    expect(diffs.map((d) => d.what)).toEqual(['period', 'initial cash']);
    expect(diffs[0].message).toBe('The runs cover different periods (a: 2010-01-04 → 2012-12-31; b: 2011-01-03 → 2012-12-31).');
    expect(diffs[1].message).toMatch(/a: 100,000\.00; b: 50,000\.00/);
  });

  it('compares every run against the first, not only neighbours', () => {
    const third = other({ id: '00000000-0000-4000-8000-000000000003', name: 'c', initialCash: 1 });
    expect(runDifferences([base, other({}), third]).map((d) => d.what)).toEqual(['initial cash']);
  });
});

describe('assumptionLines', () => {
  it('puts each assumption of the runs on one line and marks those that differ', () => {
    const lines = Object.fromEntries(assumptionLines([base, other({ config: { strategy: { name: 'sma-cross', params: { fast: 5 } }, simulator: { slippage_bps: 10 } } })]).map((l) => [l.label, l]));
    expect(lines['Slippage']).toEqual({ label: 'Slippage', values: ['5 bps', '10 bps'], differs: true });
    expect(lines['Strategy'].differs).toBe(false);
    expect(lines['Symbols'].values).toEqual(['AAA, BBB', 'AAA, BBB']);
  });
});
