import { describe, expect, it } from 'vitest';
import { seriesFromBars } from '../seriesFromBars';
import { findGaps } from './gaps';

function stamps(symbolStamps: readonly string[], barSeconds: number) {
  return seriesFromBars(
    'T',
    symbolStamps.map((iso) => ({ ts: Date.parse(`${iso}Z`), open: 1, high: 1, low: 1, close: 1, volume: 1 })),
    barSeconds,
  );
}

describe('findGaps', () => {
  it('counts missing weekdays between daily bars, never weekends or exchange holidays', () => {
    // Fri 2024-01-05 -> Mon 01-08: none; Mon -> Thu 01-11: Tue and Wed; Thu -> Tue 01-23: Fri 12th and the
    // week of the 16th, and Mon 22nd; Mon 15th was Martin Luther King Jr. Day.
    const s = stamps(['2024-01-05T00:00', '2024-01-08T00:00', '2024-01-11T00:00', '2024-01-23T00:00'], 86_400);
    expect(findGaps(s, '1d')).toEqual({
      missing: 2 + 6,
      holes: 2,
      largest: { after: Date.UTC(2024, 0, 11), before: Date.UTC(2024, 0, 23), missing: 6 },
    });
  });

  it('finds no gap in a year of bars on every NYSE trading day', () => {
    const days: string[] = [];
    for (let t = Date.UTC(2022, 0, 3); t < Date.UTC(2023, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      const iso = d.toISOString().slice(0, 10);
      const closed = ['2022-01-17', '2022-02-21', '2022-04-15', '2022-05-30', '2022-06-20', '2022-07-04', '2022-09-05', '2022-11-24', '2022-12-26'];
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !closed.includes(iso)) days.push(`${iso}T00:00`);
    }
    expect(days).toHaveLength(251);
    expect(findGaps(stamps(days, 86_400), '1d')).toEqual({ missing: 0, holes: 0, largest: null });
    // Without Good Friday's close, the day is missing.
    expect(findGaps(stamps(days.filter((d) => !d.startsWith('2022-04-14')), 86_400), '1d').missing).toBe(1);
  });

  it('counts weekdays correctly before 1970 and across years', () => {
    const s = stamps(['1969-12-31T00:00', '1970-01-05T00:00', '1999-12-31T00:00', '2000-01-04T00:00'], 86_400);
    // Wed -> Mon: Thu, Fri; Fri 1999-12-31 -> Tue 2000-01-04: Mon 3rd. The 30 years between count too.
    const thirtyYears = findGaps(stamps(['1970-01-05T00:00', '1999-12-31T00:00'], 86_400), '1d').missing;
    expect(findGaps(s, '1d').missing).toBe(2 + thirtyYears + 1);
    // 7,823 weekdays, 82 of them NYSE holidays of 1990-1999 (the table starts in 1990).
    expect(thirtyYears).toBe(7823 - 82);
  });

  it('counts missing bars inside a session, not overnight', () => {
    const s = stamps(['2006-01-02T09:01', '2006-01-02T09:02', '2006-01-02T09:05', '2006-01-02T22:00', '2006-01-03T09:01', '2006-01-03T09:03'], 60);
    const report = findGaps(s, '1m');
    expect(report.holes).toBe(3);
    expect(report.missing).toBe(2 + (22 * 60 - (9 * 60 + 5) - 1) + 1);
    expect(report.largest?.after).toBe(Date.UTC(2006, 0, 2, 9, 5));
  });

  it('does not count gaps for bars longer than a day or for ticks', () => {
    const s = stamps(['2006-01-06T00:00', '2006-03-31T00:00'], 604_800);
    expect(findGaps(s, '1w')).toEqual({ missing: 0, holes: 0, largest: null });
    expect(findGaps(s, '1mo').missing).toBe(0);
    expect(findGaps(s, 'tick').missing).toBe(0);
  });
});
