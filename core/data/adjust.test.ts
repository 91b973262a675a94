import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adjustSeries, detectSplits, type Split } from './adjust';
import type { BarSeries } from './BarSeries';
import { loadBarsCsv } from './csv/loadBarsCsv';
import { dailySeries } from './seriesFromBars';

const DATA_DIR = fileURLToPath(new URL('../../fixtures/data/', import.meta.url));
const load = (file: string): BarSeries => loadBarsCsv(DATA_DIR + file);
const isoOf = (ts: number): string => new Date(ts).toISOString().slice(0, 10);

describe('detectSplits', () => {
  it("finds ORCL's six splits in the 2015 file, whose close is as traded", () => {
    const found = detectSplits(load('orcl-1995-2014.legacy-2015.txt')).map((s) => [isoOf(s.ts), s.ratio]);
    expect(found).toEqual([
      ['1995-02-23', 1.5],
      ['1996-04-17', 1.5],
      ['1997-08-18', 1.5],
      ['1999-03-01', 1.5],
      ['2000-01-19', 2],
      ['2000-10-13', 2],
    ]);
  });

  it('finds none in already split-adjusted Yahoo files (dividends are not splits)', () => {
    for (const f of ['orcl-1995-2014.txt', 'nvda-1999-2014.txt', 'yhoo-1996-2015.txt']) expect(detectSplits(load(f))).toEqual([]);
  });

  it('finds a reverse split', () => {
    // 1-for-10 on day 2: the close jumps tenfold, the adjusted close does not.
    const s = { ...dailySeries('REV', [[1, 1, 1, 1], [1, 1, 1, 1], [10, 10, 10, 10]]), adjClose: Float64Array.from([10, 10, 10]) };
    expect(detectSplits(s)).toEqual([{ ts: s.ts[2], ratio: 0.1 }]);
  });
});

describe("adjustSeries 'split'", () => {
  const legacy = load('orcl-1995-2014.legacy-2015.txt');
  const yahoo = load('orcl-1995-2014.txt');

  it('turns the as-traded 2015 ORCL file into the split-adjusted Yahoo file', () => {
    const adjusted = adjustSeries(legacy, 'split');
    expect(adjusted.length).toBe(yahoo.length);
    let worst = 0;
    let volumeRevisions = 0;
    for (let i = 0; i < adjusted.length; i++) {
      // The 2015 file rounded as-traded prices (in eighths) to cents: within 0.005 before the division.
      const factor = legacy.close[i] / adjusted.close[i];
      for (const field of ['open', 'high', 'low', 'close'] as const) {
        worst = Math.max(worst, Math.abs(adjusted[field][i] - yahoo[field][i]) * factor);
      }
      // Both files carry split-adjusted volume; Yahoo revised a few late-2014 volumes by under 0.2 %.
      if (adjusted.volume[i] !== yahoo.volume[i]) {
        volumeRevisions++;
        expect(isoOf(yahoo.ts[i]).startsWith('2014-1')).toBe(true);
        expect(Math.abs(adjusted.volume[i] / yahoo.volume[i] - 1)).toBeLessThan(2e-3);
      }
    }
    expect(worst).toBeLessThan(0.0051);
    expect(volumeRevisions).toBeLessThanOrEqual(8);
    expect(adjusted.open[0]).toBeCloseTo(44.125 / 20.25, 2);
    expect(adjusted.adjClose).toBe(legacy.adjClose);
  });

  it('leaves an already split-adjusted series unchanged, so adjusting twice changes nothing', () => {
    expect(adjustSeries(yahoo, 'split')).toBe(yahoo);
    const once = adjustSeries(legacy, 'split');
    expect(adjustSeries(once, 'split')).toBe(once);
  });

  it('scales as-traded volume by the split ratio, from a given list of splits', () => {
    // 2-for-1 on day 5: price halves and as-traded volume doubles.
    const rows = [...Array(5).fill([100, 101, 99, 100, 1000]), ...Array(5).fill([50, 50.5, 49.5, 50, 2000])] as number[][];
    const s = dailySeries('SPL', rows);
    const splits: Split[] = [{ ts: s.ts[5], ratio: 2 }];
    const a = adjustSeries(s, 'split', splits);
    expect(Array.from(a.close)).toEqual(Array(10).fill(50));
    expect(Array.from(a.volume)).toEqual(Array(10).fill(2000));
    expect(Array.from(a.high.subarray(0, 5))).toEqual(Array(5).fill(50.5));
  });

  it('names the symbol when it has neither an adjusted close nor splits', () => {
    expect(() => adjustSeries(load('GOOG.csv'), 'split')).toThrow(
      'split adjustment of GOOG needs an adjusted close (Adj Close column) to detect splits, or a list of splits, and its data has none',
    );
    const s = dailySeries('BAD', [[1, 1, 1, 1]]);
    expect(() => adjustSeries(s, 'split', [{ ts: s.ts[0], ratio: -2 }])).toThrow(/BAD at 2020-01-01: ratio -2/);
  });
});

describe("adjustSeries 'total_return'", () => {
  it('multiplies prices by adjClose/close and divides volume by it, keeping the notional', () => {
    const nvda = load('nvda-1999-2014.txt');
    const tr = adjustSeries(nvda, 'total_return');
    const adj = nvda.adjClose as Float64Array;
    for (let i = 0; i < nvda.length; i += 97) {
      const f = adj[i] / nvda.close[i];
      expect(tr.close[i]).toBeCloseTo(adj[i], 9);
      expect(tr.open[i]).toBeCloseTo(nvda.open[i] * f, 9);
      expect(tr.high[i]).toBeCloseTo(nvda.high[i] * f, 9);
      expect(tr.low[i]).toBeCloseTo(nvda.low[i] * f, 9);
      expect(tr.close[i] * tr.volume[i]).toBeCloseTo(nvda.close[i] * nvda.volume[i], 0);
      expect(tr.low[i]).toBeLessThanOrEqual(Math.min(tr.open[i], tr.close[i]));
    }
    expect(tr.ts).toBe(nvda.ts);
  });

  it('gives the same daily returns from the 2015 and the 2018 ORCL downloads, and the same volume', () => {
    const old = adjustSeries(load('orcl-1995-2014.legacy-2015.txt'), 'total_return');
    const now = adjustSeries(load('orcl-1995-2014.txt'), 'total_return');
    // The two adjusted closes were computed on different dates: levels differ by a constant factor, returns
    // agree up to the 2015 file's rounding of adjClose to cents (largest where the price was near $2).
    let worst = 0;
    for (let i = 1000; i < old.length; i++) {
      worst = Math.max(worst, Math.abs(old.close[i] / old.close[i - 1] - now.close[i] / now.close[i - 1]));
    }
    expect(worst).toBeLessThan(2e-3);
    // Only the dividend part of adjClose/close divides the 2015 file's (already split-adjusted) volume, so
    // the two volumes differ by the same constant as the prices, not by the split factor of up to 20.25.
    const ratio = old.volume[old.length - 1] / now.volume[now.length - 1];
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.2);
    for (let k = 1000; k < old.length - 60; k += 50) expect(old.volume[k] / now.volume[k] / ratio).toBeCloseTo(1, 2);
  });

  it('is a no-op on its own output and names the symbol when there is no adjusted close', () => {
    const once = adjustSeries(load('yhoo-1996-2015.txt'), 'total_return');
    const twice = adjustSeries(once, 'total_return');
    expect(Array.from(twice.close)).toEqual(Array.from(once.close));
    expect(() => adjustSeries(load('GOOG.csv'), 'total_return')).toThrow(/total_return adjustment of GOOG needs an adjusted close/);
  });
});

describe("adjustSeries 'raw'", () => {
  it('returns the series as it is', () => {
    const goog = load('GOOG.csv');
    expect(adjustSeries(goog, 'raw')).toBe(goog);
  });
});
