import { describe, expect, it } from 'vitest';
import { fmtHolding } from './holding';

describe('fmtHolding', () => {
  const t0 = Date.UTC(2010, 0, 4);
  it('gives calendar days and sessions for a closed daily trip', () => {
    expect(fmtHolding(t0, t0 + 23 * 86_400_000, 17)).toBe('23 d · 17 bars');
    expect(fmtHolding(t0, t0 + 86_400_000, 1)).toBe('1 d · 1 bar');
  });

  it('uses hours and minutes for intraday trips', () => {
    expect(fmtHolding(t0, t0 + 5 * 3_600_000, 20)).toBe('5 h · 20 bars');
    expect(fmtHolding(t0, t0 + 15 * 60_000, null)).toBe('15 min');
  });

  it('says when a trip is still open', () => {
    expect(fmtHolding(t0, null, 40)).toBe('open · 40 bars');
    expect(fmtHolding(t0, null, null)).toBe('open');
  });
});
