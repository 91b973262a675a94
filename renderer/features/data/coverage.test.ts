import { describe, expect, it } from 'vitest';
import { dayEnd, dayStart, fmtBarStamp, fmtGaps, fmtPrice, fmtSource, fmtVolume, seriesId } from './coverage';

describe('coverage formatting', () => {
  it('stamps daily bars by date and intraday bars by UTC minute, ticks to the millisecond', () => {
    const ts = Date.UTC(2006, 0, 2, 9, 5, 7, 42);
    expect(fmtBarStamp(Date.UTC(2004, 7, 19), 86_400)).toBe('2004-08-19');
    expect(fmtBarStamp(ts, 604_800)).toBe('2006-01-02');
    expect(fmtBarStamp(ts, 300)).toBe('2006-01-02 09:05');
    expect(fmtBarStamp(ts, 0.85)).toBe('2006-01-02 09:05:07.042');
    expect(fmtBarStamp(null, 60)).toBe('—');
  });

  it('shows gaps with their share of the bars', () => {
    expect(fmtGaps(0, 2148)).toBe('0');
    expect(fmtGaps(12, 2148)).toBe('12 (0.56 %)');
    expect(fmtGaps(1, 100_000)).toBe('1 (<0.01 %)');
    expect(fmtGaps(1_234, 5_000)).toBe('1,234 (24.68 %)');
  });

  it('names a series by symbol and bar size, and its source by format and file', () => {
    expect(seriesId({ symbol: 'GOOG', barSize: '1d' })).toBe('GOOG@1d');
    expect(seriesId({ symbol: 'GOOG', barSize: '1d' })).not.toBe(seriesId({ symbol: 'GOOG', barSize: '1w' }));
    expect(fmtSource('yahoo', 'GOOG.csv')).toBe('yahoo · GOOG.csv');
    expect(fmtSource('synthetic', null)).toBe('synthetic');
  });

  it('reads a typed day as its first and last millisecond, UTC', () => {
    expect(dayStart('2004-08-19')).toBe(Date.UTC(2004, 7, 19));
    expect(dayEnd('2004-08-19')).toBe(Date.UTC(2004, 7, 20) - 1);
    expect(dayStart('')).toBeNull();
    expect(dayStart('2004-02-30')).toBeNull();
    expect(dayEnd('19/08/2004')).toBeNull();
  });

  it('shows prices to the digits they have, at least cents', () => {
    expect(fmtPrice(100)).toBe('100.00');
    expect(fmtPrice(104.06)).toBe('104.06');
    expect(fmtPrice(1.06543)).toBe('1.06543');
    expect(fmtPrice(0.1 + 0.2)).toBe('0.30');
    expect(fmtPrice(12345.5)).toBe('12,345.50');
    expect(fmtVolume(22351900)).toBe('22,351,900');
    expect(fmtVolume(1234.5678)).toBe('1,234.5678');
  });
});
