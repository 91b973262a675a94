import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, parseDate, parseDateTime, parseTimeOfDay } from './parseTimestamp';

const all = (parse: (t: string, s: number, e: number) => number) => (text: string) => parse(text, 0, text.length);
const date = all(parseDate);
const dateTime = all(parseDateTime);
const timeOfDay = all(parseTimeOfDay);

const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31, 23, 59, 59, 999) });

describe('timestamp parsing', () => {
  it('reads any ISO instant the way Date does, with T or space separators', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const iso = new Date(ms).toISOString();
        expect(dateTime(iso)).toBe(ms);
        expect(dateTime(iso.slice(0, 23))).toBe(ms);
        expect(dateTime(iso.slice(0, 23).replace('T', ' '))).toBe(ms);
        expect(date(iso.slice(0, 10))).toBe(Date.UTC(new Date(ms).getUTCFullYear(), new Date(ms).getUTCMonth(), new Date(ms).getUTCDate()));
      }),
    );
  });

  it('computes day numbers like Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        expect(daysFromCivil(y, m, d) * 86_400_000).toBe(Date.UTC(y, m - 1, d));
      }),
    );
  });

  it('reads times of day with and without seconds and fractions', () => {
    expect(timeOfDay('09:05')).toBe((9 * 60 + 5) * 60_000);
    expect(timeOfDay('22:00:00')).toBe(22 * 3_600_000);
    expect(timeOfDay('00:00:01.5')).toBe(1500);
    expect(timeOfDay('00:00:00.2385')).toBe(239);
  });

  it('rejects malformed or impossible stamps', () => {
    for (const bad of ['2020-02-30', '2019-02-29', '2020-13-01', '2020-00-10', '2020/01/01', '20-01-01', '2020-01-01X10:00', '2020-01-01 24:00:00', '']) {
      expect(dateTime(bad), bad).toBeNaN();
    }
    expect(date('2020-01-01 10:00')).toBeNaN();
    for (const bad of ['9:05', '09:60', '12:00:60', '12:00:00.', '12:00:00.1a', '']) {
      expect(timeOfDay(bad), bad).toBeNaN();
    }
  });

  it('accepts leap days and a trailing Z', () => {
    expect(date('2020-02-29')).toBe(Date.UTC(2020, 1, 29));
    expect(date('2000-02-29')).toBe(Date.UTC(2000, 1, 29));
    expect(dateTime('2015-09-23T20:57:42.146Z')).toBe(Date.UTC(2015, 8, 23, 20, 57, 42, 146));
  });

  it("reads Stooq's and IB's compact stamps", () => {
    expect(date('20240229')).toBe(Date.UTC(2024, 1, 29));
    expect(dateTime('20240102')).toBe(Date.UTC(2024, 0, 2));
    expect(dateTime('20240102 09:30:00')).toBe(Date.UTC(2024, 0, 2, 9, 30));
    expect(dateTime('20240102  09:30:00 US/Eastern')).toBe(Date.UTC(2024, 0, 2, 9, 30));
    expect(dateTime('20240102 16:00:00 Europe/London')).toBe(Date.UTC(2024, 0, 2, 16));
    expect(dateTime('1704205800')).toBe(1_704_205_800_000);
    expect(timeOfDay('093500')).toBe((9 * 60 + 35) * 60_000);
    for (const bad of ['20230229', '2024010', '20240102T09:30:00', '20240102 9:30', '20240102 09:30:00 (EST)', '123456789']) {
      expect(dateTime(bad), bad).toBeNaN();
    }
    for (const bad of ['246000', '126000', '12345a']) expect(timeOfDay(bad), bad).toBeNaN();
  });
});
