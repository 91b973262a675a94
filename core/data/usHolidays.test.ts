import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from './tradingDay';
import { easterSunday, isUsExchangeHoliday, nyseHolidays, usExchangeHolidaysBetween } from './usHolidays';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
const iso = (d: number): string => new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
const year = (y: number): string[] => nyseHolidays(y).map(iso);

// Checked against the NYSE's published holiday schedules.
describe('nyseHolidays', () => {
  it('2021: New Year, MLK, Presidents, Good Friday, Memorial, July 4th on the Monday, Labor, Thanksgiving, Christmas on the Friday', () => {
    expect(year(2021)).toEqual(['2021-01-01', '2021-01-18', '2021-02-15', '2021-04-02', '2021-05-31', '2021-07-05', '2021-09-06', '2021-11-25', '2021-12-24']);
  });

  it('2022: a Saturday New Year is not moved to the Friday before; the first Juneteenth, on the Monday', () => {
    expect(year(2022)).toEqual(['2022-01-17', '2022-02-21', '2022-04-15', '2022-05-30', '2022-06-20', '2022-07-04', '2022-09-05', '2022-11-24', '2022-12-26']);
    expect(isUsExchangeHoliday(day('2021-12-31'))).toBe(false);
  });

  it('2023 and 2025, with the day of mourning for Jimmy Carter', () => {
    expect(year(2023)).toEqual(['2023-01-02', '2023-01-16', '2023-02-20', '2023-04-07', '2023-05-29', '2023-06-19', '2023-07-04', '2023-09-04', '2023-11-23', '2023-12-25']);
    expect(year(2025)).toEqual(['2025-01-01', '2025-01-09', '2025-01-20', '2025-02-17', '2025-04-18', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-11-27', '2025-12-25']);
  });

  it('1990 has no Martin Luther King Jr. Day (from 1998) and no Juneteenth (from 2022)', () => {
    expect(year(1990)).toEqual(['1990-01-01', '1990-02-19', '1990-04-13', '1990-05-28', '1990-07-04', '1990-09-03', '1990-11-22', '1990-12-25']);
    expect(year(1998)).toContain('1998-01-19');
    expect(year(2021)).not.toContain('2021-06-18');
  });

  it('closes on Good Friday, two days before Easter, early or late in spring', () => {
    for (const d of ['2008-03-21', '2011-04-22', '2016-03-25', '2019-04-19', '2024-03-29', '2035-03-23']) expect(isUsExchangeHoliday(day(d)), d).toBe(true);
  });

  it('moves Christmas and New Year off a Sunday to the Monday', () => {
    expect(year(2011)).toContain('2011-12-26');
    expect(year(2017)).toEqual(expect.arrayContaining(['2017-01-02', '2017-12-25']));
    expect(year(2012)).toContain('2012-01-02');
  });

  it('a Saturday July 4th closes the Friday before', () => {
    expect(year(2020)).toContain('2020-07-03');
    expect(year(2015)).toContain('2015-07-03');
  });

  it('holds the one-off closures', () => {
    for (const d of ['1994-04-27', '2001-09-11', '2001-09-12', '2001-09-13', '2001-09-14', '2004-06-11', '2007-01-02', '2012-10-29', '2012-10-30', '2018-12-05', '2025-01-09']) {
      expect(isUsExchangeHoliday(day(d)), d).toBe(true);
    }
    expect(isUsExchangeHoliday(day('2001-09-17'))).toBe(false);
  });

  it('puts every closure from 1990 to 2035 on a weekday, eight to thirteen a year (2001 had four days after 9/11)', () => {
    for (let y = 1990; y <= 2035; y++) {
      const days = nyseHolidays(y);
      expect(days.length, String(y)).toBeGreaterThanOrEqual(8);
      expect(days.length, String(y)).toBeLessThanOrEqual(13);
      for (const d of days) expect([0, 6], iso(d)).not.toContain(new Date(d * MS_PER_DAY).getUTCDay());
    }
  });
});

describe('easterSunday', () => {
  it('matches known dates', () => {
    expect(['1990', '2000', '2008', '2019', '2024', '2035'].map((y) => iso(easterSunday(Number(y))))).toEqual([
      '1990-04-15', '2000-04-23', '2008-03-23', '2019-04-21', '2024-03-31', '2035-03-25',
    ]);
  });
});

describe('usExchangeHolidaysBetween', () => {
  it('counts the closures in [from, to)', () => {
    expect(usExchangeHolidaysBetween(day('2021-01-01'), day('2022-01-01'))).toBe(9);
    expect(usExchangeHolidaysBetween(day('2021-01-02'), day('2021-01-18'))).toBe(0);
    expect(usExchangeHolidaysBetween(day('2021-01-02'), day('2021-01-19'))).toBe(1);
    expect(usExchangeHolidaysBetween(day('2001-09-10'), day('2001-09-17'))).toBe(4);
    expect(usExchangeHolidaysBetween(day('2022-01-01'), day('2021-01-01'))).toBe(0);
  });

  it('knows no holidays outside 1990-2035', () => {
    expect(usExchangeHolidaysBetween(day('1980-01-01'), day('1990-01-01'))).toBe(0);
    expect(isUsExchangeHoliday(day('2036-12-25'))).toBe(false);
  });
});
