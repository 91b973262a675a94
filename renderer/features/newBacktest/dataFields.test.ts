import { describe, expect, it } from 'vitest';
import { specIssues } from '../../../core/service/backtests/specForm';
import { DATA_SECTION_PATHS, dataFieldPaths } from './dataFields';
import { placeIssues } from './issues';

/** Where the form puts each of the engine's issues with `data`: path → the input (or section) it lands on. */
function placed(data: Record<string, unknown>): Map<string, string> {
  const issues = specIssues({ name: 'x', strategy: { name: 'sma-cross' }, data }, process.cwd());
  const { byPath, unplaced } = placeIssues(issues, [...dataFieldPaths(data), ...DATA_SECTION_PATHS]);
  expect(unplaced).toEqual([]);
  const home = new Map<string, string>();
  for (const issue of issues) {
    const at = [...byPath.keys()].filter((p) => issue.path === p || issue.path.startsWith(`${p}.`)).sort((a, b) => b.length - a.length)[0];
    home.set(issue.path, at);
  }
  return home;
}

describe('dataFieldPaths', () => {
  it("puts every issue with the synthetic market's options on its own input", () => {
    const home = placed({
      synthetic: {
        symbols: 0,
        years: 1,
        bar_size: '7m',
        session: { open: '10:00', close: '09:00' },
        regimes: { turbulent_vol: 0.5, calm_days: 0 },
        market_beta: 4,
        drift: 0.9,
        daily_volume: -1,
        volume_profile: 'x',
        spread_bps: 2000,
      },
    });
    expect([...home.keys()].map((p) => p.replace('data.synthetic.', ''))).toEqual([
      'symbols',
      'bar_size',
      'session.close',
      'regimes.turbulent_vol',
      'regimes.calm_days',
      'market_beta',
      'drift',
      'daily_volume',
      'volume_profile',
      'spread_bps',
    ]);
    for (const [path, at] of home) expect(at, path).toBe(path);
  });

  it('puts an adjustment issue on the Adjustment select for csv and store, and on the card for synthetic', () => {
    expect(placed({ csv: 'fixtures/data/GOOG.csv', adjustment: 'dividends' }).get('data.adjustment')).toBe('data.adjustment');
    expect(placed({ store: { bar_size: '1d' }, adjustment: 'dividends' }).get('data.adjustment')).toBe('data.adjustment');
    // The synthetic source has no Adjustment select: the refusal shows on the data card, not on a hidden input.
    expect(placed({ synthetic: { symbols: 2, years: 1 }, adjustment: 'split' }).get('data.adjustment')).toBe('data');
  });

  it('keeps the session inputs while a session is set, even on daily bars', () => {
    expect(dataFieldPaths({ synthetic: { symbols: 2, years: 1 } })).not.toContain('data.synthetic.session.open');
    expect(placed({ synthetic: { symbols: 2, years: 1, session: { open: '10:00', close: '09:00' } } }).get('data.synthetic.session.close')).toBe(
      'data.synthetic.session.close',
    );
  });
});
