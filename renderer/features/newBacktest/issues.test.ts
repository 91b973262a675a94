import { describe, expect, it } from 'vitest';
import { mergeIssues, placeIssues } from './issues';

describe('placeIssues', () => {
  const known = ['data', 'data.csv', 'simulator.slippage_bps', 'strategy', 'strategy.params.fast'];

  it('puts each issue on the most specific known path', () => {
    const { byPath, unplaced } = placeIssues(
      [
        { path: 'simulator.slippage_bps', message: 'expected a number >= 0' },
        { path: 'strategy.params.fast', message: 'fast must be less than slow' },
        { path: 'data.csv.0.symbol', message: 'duplicate symbol' },
        { path: 'data', message: 'give exactly one of csv or synthetic' },
        { path: 'strategy.params.slow', message: 'too small' },
      ],
      known,
    );
    expect(byPath.get('simulator.slippage_bps')).toEqual(['expected a number >= 0']);
    expect(byPath.get('strategy.params.fast')).toEqual(['fast must be less than slow']);
    expect(byPath.get('data.csv')).toEqual(['duplicate symbol']);
    expect(byPath.get('data')).toEqual(['give exactly one of csv or synthetic']);
    expect(byPath.get('strategy')).toEqual(['too small']);
    expect(unplaced).toEqual([]);
  });

  it('keeps issues no input claims, and does not match partial key names', () => {
    const { byPath, unplaced } = placeIssues(
      [
        { path: '', message: 'unknown key "foo"' },
        { path: 'dataset', message: 'x' },
      ],
      known,
    );
    expect(byPath.size).toBe(0);
    expect(unplaced.map((i) => i.path)).toEqual(['', 'dataset']);
  });
});

describe('mergeIssues', () => {
  it('lists the issues of several checks in order, each message once per path', () => {
    const missing = { path: 'strategy.module', message: 'no such file: /a/my.ts' };
    const cash = { path: 'initial_cash', message: 'expected a number > 0' };
    expect(mergeIssues([cash, missing], [missing, { path: 'strategy', message: 'no such file: /a/my.ts' }])).toEqual([
      cash,
      missing,
      { path: 'strategy', message: 'no such file: /a/my.ts' },
    ]);
  });
});
