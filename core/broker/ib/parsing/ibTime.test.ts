import { describe, expect, it } from 'vitest';
import { ibUtcDateTime, parseBarDate, parseExecutionTime } from './ibTime';

describe('IB time formats', () => {
  it('writes UTC date-times the way execution filters and end times take them', () => {
    expect(ibUtcDateTime(Date.UTC(2024, 0, 5, 9, 3, 7))).toBe('20240105-09:03:07');
  });

  it('reads execution times with a zone name, honouring daylight saving', () => {
    expect(parseExecutionTime('20240105  14:30:00 UTC')).toBe(Date.UTC(2024, 0, 5, 14, 30, 0));
    expect(parseExecutionTime('20240105 09:30:00 US/Eastern')).toBe(Date.UTC(2024, 0, 5, 14, 30, 0));
    expect(parseExecutionTime('20240705  09:30:00 America/New_York')).toBe(Date.UTC(2024, 6, 5, 13, 30, 0));
  });

  it('reads a zoneless execution time as local time, and rejects what does not parse', () => {
    expect(parseExecutionTime('20240105  14:30:00')).toBe(new Date(2024, 0, 5, 14, 30, 0).getTime());
    expect(parseExecutionTime('20240105 14:30:00 Not/AZone')).toBeNaN();
    expect(parseExecutionTime('yesterday')).toBeNaN();
  });

  it('stamps daily bars at 00:00 UTC of their date', () => {
    expect(parseBarDate('20240105')).toBe(Date.UTC(2024, 0, 5));
    expect(parseBarDate(String(Date.UTC(2024, 0, 5, 21) / 1000))).toBe(Date.UTC(2024, 0, 5));
    expect(parseBarDate('finished')).toBeNaN();
  });
});
