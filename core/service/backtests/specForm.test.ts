import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../config/loadSpec';
import { ensureDefaultUniverse } from '../../data/barStore/defaultUniverse';
import { loadSeries } from '../../data/barStore/loadBars';
import { openDatabase } from '../../store/db';
import { loadSpecData } from '../loadSpecData';
import { defaultSpec, specIssues } from './specForm';

const base = defaultSpec();
const strategy = base.strategy as { name: string; params: Record<string, unknown> };
const synthetic = (base.data as { synthetic: Record<string, unknown> }).synthetic;

describe('specIssues', () => {
  it('finds nothing wrong with the default spec', () => {
    expect(specIssues(base, '/tmp')).toEqual([]);
  });

  it("lists every issue at once: the spec's own and the strategy's params together", () => {
    const spec = {
      ...base,
      initial_cash: -5,
      start: '2020-13-45',
      data: { synthetic: { ...synthetic, symbols: 0 } },
      strategy: { name: 'sma-cross', params: { ...strategy.params, fast: 50, slow: 20 } },
    };
    const paths = specIssues(spec, '/tmp').map((i) => i.path);
    expect(paths.sort()).toEqual(['data.synthetic.symbols', 'initial_cash', 'start', 'strategy.params.fast']);
  });

  it('does not check params again when the spec already found them wrong, nor for an unknown strategy', () => {
    const unknown = specIssues({ ...base, initial_cash: -5, strategy: { name: 'no-such', params: { fast: 50, slow: 20 } } }, '/tmp');
    expect(unknown.filter((i) => i.path.startsWith('strategy.params'))).toEqual([]);
    expect(unknown.map((i) => i.path)).toContain('initial_cash');
  });
});

describe('the default synthetic world', () => {
  it("is one: the form's default data are the series the bar store starts with", () => {
    const fromForm = loadSpecData(parseSpec(defaultSpec(), 'test', '/tmp').data).series;
    const db = openDatabase(':memory:');
    try {
      ensureDefaultUniverse(db, 0);
      const stored = loadSeries(db, null, '1d');
      expect(stored.map((s) => s.symbol)).toEqual(fromForm.map((s) => s.symbol));
      for (const i of [0, 7, 19]) {
        expect(Array.from(stored[i].ts)).toEqual(Array.from(fromForm[i].ts));
        expect(Array.from(stored[i].close)).toEqual(Array.from(fromForm[i].close));
        expect(Array.from(stored[i].volume)).toEqual(Array.from(fromForm[i].volume));
      }
    } finally {
      db.close();
    }
  });
});
