import { describe, expect, it } from 'vitest';
import { barDateFormatter, barSizeSeconds, durationStart } from './historyWindow';

describe('fake TWS historical windows', () => {
  it('reads IB bar size settings', () => {
    expect(barSizeSeconds('1 day')).toBe(86_400);
    expect(barSizeSeconds('5 mins')).toBe(300);
    expect(barSizeSeconds('1 hour')).toBe(3600);
    expect(barSizeSeconds('1 month')).toBeNaN();
    expect(barSizeSeconds('daily')).toBeNaN();
  });

  it('counts durations back on the UTC calendar', () => {
    const end = Date.UTC(2024, 2, 31);
    expect(durationStart(end, '2 D')).toBe(Date.UTC(2024, 2, 29));
    expect(durationStart(end, '1 W')).toBe(Date.UTC(2024, 2, 24));
    expect(durationStart(end, '1 M')).toBe(Date.UTC(2024, 1, 31)); // rolls to 2 March, as Date.UTC does
    expect(durationStart(end, '1 Y')).toBe(Date.UTC(2023, 2, 31));
    expect(durationStart(end, '60 S')).toBe(end - 60_000);
    expect(durationStart(end, '1 year')).toBeNaN();
  });

  it('writes daily bar dates as yyyyMMdd and intraday ones per formatDate', () => {
    const t = Date.UTC(2024, 0, 2, 14, 30);
    expect(barDateFormatter(86_400, 2)(t)).toBe('20240102');
    expect(barDateFormatter(300, 1)(t)).toBe('20240102 14:30:00');
    expect(barDateFormatter(300, 2)(t)).toBe(String(t / 1000));
  });
});
