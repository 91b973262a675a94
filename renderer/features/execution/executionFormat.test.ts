import { describe, expect, it } from 'vitest';
import { bpsTone, fmtBps, fmtRate, fmtWait } from './executionFormat';

describe('execution formatting', () => {
  it('writes bps with their sign, the app’s minus and "—" for nothing', () => {
    expect(fmtBps(3.25)).toBe('+3.3 bps');
    expect(fmtBps(-1.5)).toBe('−1.5 bps');
    expect(fmtBps(-0.01)).toBe('0.0 bps');
    expect(fmtBps(1234.5)).toBe('+1,234.5 bps');
    expect(fmtBps(null)).toBe('—');
    expect(fmtBps(Number.NaN)).toBe('—');
  });

  it('colours a cost red and an improvement green', () => {
    expect(bpsTone(2)).toBe('neg');
    expect(bpsTone(-2)).toBe('pos');
    expect(bpsTone(0.01)).toBe('');
    expect(bpsTone(null)).toBe('');
  });

  it('writes a fill rate as a percent', () => {
    expect(fmtRate(0.875)).toBe('87.5 %');
    expect(fmtRate(null)).toBe('—');
  });

  it('writes a wait in the unit that reads best, up to days', () => {
    expect(fmtWait(0)).toBe('0 ms');
    expect(fmtWait(850)).toBe('850 ms');
    expect(fmtWait(42_000)).toBe('42 s');
    expect(fmtWait(185_000)).toBe('3 m 05 s');
    expect(fmtWait(2 * 3_600_000 + 7 * 60_000)).toBe('2 h 07 m');
    expect(fmtWait(86_400_000)).toBe('1 d 00 h');
    expect(fmtWait(3 * 86_400_000 + 5 * 3_600_000)).toBe('3 d 05 h');
    expect(fmtWait(12 * 86_400_000)).toBe('12 d');
    expect(fmtWait(null)).toBe('—');
    // A fill stamped to the second, within the second of its order.
    expect(fmtWait(-122)).toBe('< 1 s');
    expect(fmtWait(-5000)).toBe('—');
  });
});
