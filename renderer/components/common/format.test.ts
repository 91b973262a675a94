import { describe, expect, it } from 'vitest';
import { EMPTY, MINUS, withMinus, fmtDate, fmtDuration, fmtInt, fmtNumber, fmtPct, fmtPeriod, fmtRatio, fmtSignedPct, signClass } from './format';

describe('format', () => {
  it('formats numbers with separators and fixed digits', () => {
    expect(fmtNumber(56227.7)).toBe('56,227.70');
    expect(fmtNumber(-1358.314, 1)).toBe('−1,358.3');
    expect(fmtInt(187)).toBe('187');
    expect(fmtInt(1234567)).toBe('1,234,567');
    expect(fmtRatio(0.82412)).toBe('0.824');
  });

  it('writes every negative number with the minus sign U+2212, and no sign on what rounds to zero', () => {
    expect(MINUS).toBe('\u2212');
    expect(fmtInt(-1234)).toBe('\u22121,234');
    expect(fmtPct(-3.1)).toBe('\u22123.10 %');
    expect(fmtSignedPct(-3.1)).toBe('\u22123.10 %');
    expect(fmtNumber(-0.001)).toBe('0.00');
    expect(fmtSignedPct(-0.001)).toBe('0.00 %');
    expect(fmtSignedPct(0.001)).toBe('0.00 %');
    expect(withMinus('-12%')).toBe('\u221212%');
    expect(withMinus('12')).toBe('12');
    for (const text of [fmtNumber(-5), fmtInt(-5), fmtPct(-5), fmtSignedPct(-5)]) expect(text).not.toContain('-');
  });

  it('shows missing values as an em dash', () => {
    for (const v of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(fmtNumber(v)).toBe(EMPTY);
      expect(fmtPct(v)).toBe(EMPTY);
      expect(fmtSignedPct(v)).toBe(EMPTY);
      expect(fmtDate(v)).toBe(EMPTY);
      expect(fmtDuration(v)).toBe(EMPTY);
    }
  });

  it('formats percents, signed for returns', () => {
    expect(fmtPct(462.281)).toBe('462.28 %');
    expect(fmtSignedPct(12.345)).toBe('+12.35 %');
    expect(fmtSignedPct(-34.13)).toBe('−34.13 %');
    expect(fmtSignedPct(0)).toBe('0.00 %');
    expect(signClass(3)).toBe('pos');
    expect(signClass(-0.1)).toBe('neg');
    expect(signClass(0)).toBe('');
    expect(signClass(null)).toBe('');
  });

  it('formats session dates in UTC', () => {
    expect(fmtDate(Date.UTC(2013, 2, 1))).toBe('2013-03-01');
    expect(fmtDate(Date.UTC(2004, 7, 19, 23, 59))).toBe('2004-08-19');
    expect(fmtPeriod(Date.UTC(2004, 7, 19), Date.UTC(2013, 2, 1))).toBe('2004-08-19 → 2013-03-01');
  });

  it('formats durations with two units at most', () => {
    expect(fmtDuration(850)).toBe('850 ms');
    expect(fmtDuration(42_400)).toBe('42 s');
    expect(fmtDuration(185_000)).toBe('3 m 05 s');
    expect(fmtDuration(7_620_000)).toBe('2 h 07 m');
    expect(fmtDuration(-1)).toBe(EMPTY);
  });
});
