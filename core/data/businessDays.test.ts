import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDays } from './businessDays';

describe('businessDays', () => {
  it('yields consecutive weekdays at 00:00 UTC starting on or after the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: 1, max: 60 }), (start, count) => {
        const days = businessDays(start, count);
        expect(days.length).toBe(count);
        const startDay = Math.floor(start / 86_400_000) * 86_400_000;
        expect(days[0]).toBeGreaterThanOrEqual(startDay);
        expect(days[0] - startDay).toBeLessThan(3 * 86_400_000);
        for (let i = 0; i < count; i++) {
          const weekday = new Date(days[i]).getUTCDay();
          expect(weekday >= 1 && weekday <= 5).toBe(true);
          expect(days[i] % 86_400_000).toBe(0);
          if (i > 0) expect(days[i] - days[i - 1]).toBe(weekday === 1 ? 3 * 86_400_000 : 86_400_000);
        }
      }),
    );
  });

  it('moves a weekend start to Monday', () => {
    expect(new Date(businessDays(Date.UTC(2000, 0, 1), 1)[0]).toISOString()).toBe('2000-01-03T00:00:00.000Z');
  });

  it('rejects bad arguments', () => {
    expect(() => businessDays(Number.NaN, 3)).toThrow(/start/);
    expect(() => businessDays(0, -1)).toThrow(/count/);
  });
});
