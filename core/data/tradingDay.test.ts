import { describe, expect, it } from 'vitest';
import { DAY_CLOSE, DAY_OPEN, tradingDay, tradingDayEdges } from './tradingDay';

const at = (iso: string): number => Date.parse(`${iso}Z`);

describe('tradingDay', () => {
  it('is the UTC calendar day of the stamp', () => {
    expect(tradingDay(at('1970-01-02T00:00:00'))).toBe(1);
    expect(tradingDay(at('2006-01-02T22:00:00'))).toBe(tradingDay(at('2006-01-02T00:00:00')));
    expect(tradingDay(at('1969-12-31T23:59:00'))).toBe(-1);
  });
});

describe('tradingDayEdges', () => {
  it("marks each day's first and last bar; a lone bar is both", () => {
    const ts = Float64Array.from(['2024-03-04T09:31:00', '2024-03-04T09:32:00', '2024-03-04T16:00:00', '2024-03-05T09:31:00', '2024-03-06T00:00:00'].map(at));
    expect(Array.from(tradingDayEdges(ts, ts.length))).toEqual([DAY_OPEN, 0, DAY_CLOSE, DAY_OPEN | DAY_CLOSE, DAY_OPEN | DAY_CLOSE]);
  });

  it('marks every daily bar as both, and reads only `length` stamps', () => {
    const ts = Float64Array.from([0, 1, 2, 3].map((d) => d * 86_400_000));
    expect(Array.from(tradingDayEdges(ts, 3))).toEqual([3, 3, 3]);
    expect(tradingDayEdges(ts, 0)).toHaveLength(0);
  });
});
