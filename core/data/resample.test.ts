import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BarSeries } from './BarSeries';
import { loadBarsCsv } from './csv/loadBarsCsv';
import { formatBarSize, parseBarSize, resampleSeries, type BarSize } from './resample';
import { seriesFromBars } from './seriesFromBars';

const DATA_DIR = fileURLToPath(new URL('../../fixtures/data/', import.meta.url));
const load = (file: string): BarSeries => loadBarsCsv(DATA_DIR + file, { symbol: 'IDX' });
const resample = (s: BarSeries, size: string): BarSeries => resampleSeries(s, parseBarSize(size));

/** The comparable content of a series, as plain arrays (so a failing test shows the bars). */
function bars(s: BarSeries, count = s.length): Record<string, number[] | number> {
  const col = (c: Float64Array): number[] => Array.from(c.subarray(0, count));
  return { barSeconds: s.barSeconds, ts: col(s.ts), open: col(s.open), high: col(s.high), low: col(s.low), close: col(s.close), volume: col(s.volume) };
}

const MINUTE = 60_000;
const iso = (ts: number): string => new Date(ts).toISOString();

describe('parseBarSize / formatBarSize', () => {
  it('reads counts of seconds, minutes, hours, days, ISO weeks and months', () => {
    expect(parseBarSize('1s')).toEqual({ kind: 'seconds', seconds: 1 });
    expect(parseBarSize('5m')).toEqual({ kind: 'seconds', seconds: 300 });
    expect(parseBarSize('1h')).toEqual({ kind: 'seconds', seconds: 3600 });
    expect(parseBarSize('2d')).toEqual({ kind: 'seconds', seconds: 172_800 });
    expect(parseBarSize('2w')).toEqual({ kind: 'calendar', unit: 'week', count: 2 });
    expect(parseBarSize('3mo')).toEqual({ kind: 'calendar', unit: 'month', count: 3 });
  });

  it('formats in the largest whole unit, so parse and format round-trip', () => {
    for (const text of ['1s', '1m', '5m', '15m', '1h', '1d', '2d', '1w', '2w', '1mo', '12mo']) {
      expect(formatBarSize(parseBarSize(text))).toBe(text);
    }
    expect(formatBarSize(parseBarSize('60m'))).toBe('1h');
    expect(formatBarSize(parseBarSize('24h'))).toBe('1d');
  });

  it('reads the W, D, H and M (month) spellings of charts and the words of broker APIs', () => {
    expect(parseBarSize('1W')).toEqual(parseBarSize('1w'));
    expect(parseBarSize('1D')).toEqual(parseBarSize('1d'));
    expect(parseBarSize('4H')).toEqual(parseBarSize('4h'));
    expect(parseBarSize('1M')).toEqual({ kind: 'calendar', unit: 'month', count: 1 });
    expect(parseBarSize('3MO')).toEqual(parseBarSize('3mo'));
    expect(parseBarSize('5 mins')).toEqual(parseBarSize('5m'));
    expect(parseBarSize('1 Week')).toEqual(parseBarSize('1w'));
    expect(parseBarSize('30 secs')).toEqual(parseBarSize('30s'));
    expect(parseBarSize('1 month')).toEqual(parseBarSize('1mo'));
    expect(formatBarSize(parseBarSize('1M'))).toBe('1mo');
  });

  it('keeps m a minute and M a month: the one letter whose case matters', () => {
    expect(parseBarSize('1m')).toEqual({ kind: 'seconds', seconds: 60 });
    expect(parseBarSize('1M')).not.toEqual(parseBarSize('1m'));
    expect(() => parseBarSize('1mins')).not.toThrow();
    expect(() => parseBarSize('1 mn')).toThrow(/m \(minute\).*M \(month\)/);
  });

  it('rejects what it cannot bucket, saying what is accepted', () => {
    expect(() => parseBarSize('5')).toThrow(/"5": expected a count and a unit/);
    expect(() => parseBarSize('1y')).toThrow(/unit/);
    expect(() => parseBarSize('0m')).toThrow(/positive whole number/);
    expect(() => parseBarSize('7m')).toThrow(/divide a day evenly/);
    expect(() => parseBarSize('36h')).toThrow(/whole days/);
    expect(() => parseBarSize('5mo')).toThrow(/divide 12/);
  });
});

describe('resampleSeries against the shipped resampled files', () => {
  const daily = load('2006-day-001.txt');

  it('daily -> weekly equals 2006-week-001.txt exactly', () => {
    expect(bars(resample(daily, '1w'))).toEqual(bars(load('2006-week-001.txt')));
  });

  it('daily -> monthly equals 2006-month-001.txt exactly', () => {
    expect(bars(resample(daily, '1mo'))).toEqual(bars(load('2006-month-001.txt')));
  });

  it('weekly -> 2-weekly equals 2006-week-002.txt exactly, and so does daily -> 2-weekly', () => {
    const expected = bars(load('2006-week-002.txt'));
    expect(bars(resample(load('2006-week-001.txt'), '2w'))).toEqual(expected);
    expect(bars(resample(daily, '2w'))).toEqual(expected);
  });

  it('daily -> 2-day matches 2006-day-002.txt up to where backtrader stamped a bar on the 2006-05-01 holiday', () => {
    const mine = resample(daily, '2d');
    const shipped = load('2006-day-002.txt');
    expect(bars(mine, 41)).toEqual({ ...bars(shipped, 41), barSeconds: mine.barSeconds });
    // Backtrader closed a one-day bar (2006-04-28 alone) on 2006-05-01, a day with no data; compression by
    // two trading days keeps pairing: 04-28 with 05-02.
    expect(iso(shipped.ts[41])).toBe('2006-05-01T00:00:00.000Z');
    expect(shipped.open[41]).toBe(3865.91);
    expect(iso(mine.ts[41])).toBe('2006-05-02T00:00:00.000Z');
    expect([mine.open[41], mine.close[41]]).toEqual([3865.91, 3862.24]);
    expect(mine.length).toBe(Math.ceil(daily.length / 2));
  });
});

describe('resampleSeries on 1-minute bars', () => {
  const minutes = load('2006-01-02-volume-min-001.txt');
  const sum = (c: Float64Array): number => c.reduce((a, b) => a + b, 0);

  it('builds 5-minute bars from the end-stamped minutes inside each bucket', () => {
    const five = resample(minutes, '5m');
    expect(five.barSeconds).toBe(300);
    expect(iso(minutes.ts[0])).toBe('2006-01-02T09:01:00.000Z');
    expect(iso(five.ts[0])).toBe('2006-01-02T09:05:00.000Z');
    const first = { open: minutes.open[0], high: Math.max(...minutes.high.subarray(0, 5)), low: Math.min(...minutes.low.subarray(0, 5)), close: minutes.close[4], volume: sum(minutes.volume.subarray(0, 5)) };
    expect({ open: five.open[0], high: five.high[0], low: five.low[0], close: five.close[0], volume: five.volume[0] }).toEqual(first);
    expect(sum(five.volume)).toBe(sum(minutes.volume));
    // Every 5-minute bar is stamped at a minute bar of its own bucket: (end - 5m, end].
    const stamps = new Set(minutes.ts);
    for (let i = 0; i < five.length; i++) {
      expect(stamps.has(five.ts[i])).toBe(true);
      const end = Math.ceil(five.ts[i] / (5 * MINUTE)) * 5 * MINUTE;
      if (i > 0) expect(five.ts[i - 1]).toBeLessThanOrEqual(end - 5 * MINUTE);
    }
  });

  it('gives the same hourly bars directly or through 5-minute bars', () => {
    const direct = resample(minutes, '1h');
    expect(bars(resample(resample(minutes, '5m'), '1h'))).toEqual(bars(direct));
    expect(direct.barSeconds).toBe(3600);
    // One bar per clock hour that has minutes, (09:00, 10:00] to (21:00, 22:00]; 2006-01-02 closed at 20:04.
    expect(direct.length).toBe(new Set(Array.from(minutes.ts, (t) => Math.ceil(t / (60 * MINUTE)))).size);
    expect(direct.length).toBe(532);
    expect(iso(direct.ts[11])).toBe('2006-01-02T20:04:00.000Z');
    expect(iso(direct.ts[12])).toBe('2006-01-03T10:00:00.000Z');
  });

  it('builds one daily bar per trading day, stamped 00:00 UTC like daily bars', () => {
    const days = resample(minutes, '1d');
    expect(days.length).toBe(41);
    expect(days.barSeconds).toBe(86_400);
    expect(iso(days.ts[0])).toBe('2006-01-02T00:00:00.000Z');
    expect(days.open[0]).toBe(minutes.open[0]);
    const lastOfDay = minutes.ts.findLastIndex((t) => t < Date.parse('2006-01-03T00:00:00Z'));
    expect(iso(minutes.ts[lastOfDay])).toBe('2006-01-02T20:04:00.000Z');
    expect(days.close[0]).toBe(minutes.close[lastOfDay]);
    expect(bars(resample(resample(minutes, '1h'), '1d'))).toEqual(bars(days));
  });

  it('refuses a finer size or one that is not a multiple of the bars', () => {
    expect(() => resample(minutes, '1s')).toThrow('cannot resample IDX: 1s bars are finer than its 1m bars');
    expect(() => resample(load('2006-week-001.txt'), '1d')).toThrow(/1d bars are finer than its 7d bars/);
    expect(() => resample(load('2006-month-001.txt'), '2w')).toThrow(/finer/);
    expect(() => resample(load('2006-min-005.txt'), '450s')).toThrow(/450s is not a whole multiple of its 5m bars/);
  });
});

describe('resampleSeries with an adjusted close', () => {
  it('carries the period’s last adjusted close', () => {
    const orcl = loadBarsCsv(`${DATA_DIR}orcl-1995-2014.txt`);
    const monthly = resample(orcl, '1mo');
    expect(monthly.adjClose).toBeDefined();
    const lastJan = orcl.ts.findLastIndex((t) => t < Date.parse('1995-02-01T00:00:00Z'));
    expect(monthly.adjClose?.[0]).toBe(orcl.adjClose?.[lastJan]);
    expect(monthly.close[0]).toBe(orcl.close[lastJan]);
    expect(resample(load('2006-day-001.txt'), '1w').adjClose).toBeUndefined();
  });
});

/** Random ascending series: integer volumes (exact sums), consistent OHLC, gaps from a minute to a few days. */
const seriesArb = fc
  .array(
    fc.record({
      gap: fc.constantFrom(MINUTE, 5 * MINUTE, 60 * MINUTE, 86_400_000, 3 * 86_400_000),
      open: fc.integer({ min: 1, max: 1000 }),
      close: fc.integer({ min: 1, max: 1000 }),
      up: fc.integer({ min: 0, max: 50 }),
      down: fc.integer({ min: 0, max: 50 }),
      volume: fc.integer({ min: 0, max: 1e6 }),
    }),
    { minLength: 1, maxLength: 300 },
  )
  .map((rows) => {
    let ts = Date.parse('2020-01-01T00:00:00Z');
    const out = rows.map((r) => {
      ts += r.gap;
      return { ts, open: r.open, close: r.close, high: Math.max(r.open, r.close) + r.up, low: Math.max(0.5, Math.min(r.open, r.close) - r.down), volume: r.volume };
    });
    // barSeconds 0: irregular, so every target size is allowed.
    return seriesFromBars('P', out, 0);
  });
const sizeArb = fc.constantFrom('5m', '1h', '4h', '1d', '2d', '1w', '2w', '1mo', '3mo').map((t): BarSize => parseBarSize(t));

describe('resampleSeries properties', () => {
  it('keeps total volume, the overall high and low, first open, last close and time order', () => {
    fc.assert(
      fc.property(seriesArb, sizeArb, (s, size) => {
        const r = resampleSeries(s, size);
        const sum = (c: Float64Array): number => c.reduce((a, b) => a + b, 0);
        expect(r.length).toBeGreaterThan(0);
        expect(r.length).toBeLessThanOrEqual(s.length);
        expect(sum(r.volume)).toBe(sum(s.volume));
        expect(Math.max(...r.high)).toBe(Math.max(...s.high));
        expect(Math.min(...r.low)).toBe(Math.min(...s.low));
        expect(r.open[0]).toBe(s.open[0]);
        expect(r.close[r.length - 1]).toBe(s.close[s.length - 1]);
        for (let i = 0; i < r.length; i++) {
          expect(r.high[i]).toBeGreaterThanOrEqual(Math.max(r.open[i], r.close[i]));
          expect(r.low[i]).toBeLessThanOrEqual(Math.min(r.open[i], r.close[i]));
          if (i > 0) expect(r.ts[i]).toBeGreaterThan(r.ts[i - 1]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is idempotent for sizes that are calendar periods (not N-bar compressions)', () => {
    const periodArb = fc.constantFrom('5m', '1h', '1d', '1w', '1mo', '3mo').map((t): BarSize => parseBarSize(t));
    fc.assert(
      fc.property(seriesArb, periodArb, (s, size) => {
        const once = resampleSeries(s, size);
        const twice = resampleSeries({ ...once, barSeconds: 0 }, size);
        expect(bars(twice)).toEqual(bars(once));
      }),
      { numRuns: 100 },
    );
  });
});
