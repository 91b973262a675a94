import { describe, expect, it } from 'vitest';
import { ibDateTime, optDouble, parseIbDateTime, UNSET_DOUBLE, ymd } from './values';

describe('fake TWS value formats', () => {
  it('formats dates in UTC as TWS writes them', () => {
    const t = Date.UTC(2024, 1, 29, 9, 5, 7);
    expect(ymd(t)).toBe('20240229');
    expect(ibDateTime(t)).toBe('20240229  09:05:07');
    expect(ibDateTime(t, ' ')).toBe('20240229 09:05:07');
  });

  it('parses the date-times clients send, ignoring a zone name, and rejects impossible ones', () => {
    const t = Date.UTC(2024, 1, 29, 9, 5, 7);
    expect(parseIbDateTime('20240229-09:05:07')).toBe(t);
    expect(parseIbDateTime('20240229 09:05:07 US/Eastern')).toBe(t);
    expect(parseIbDateTime('20240229')).toBe(Date.UTC(2024, 1, 29));
    expect(parseIbDateTime('20230229 00:00:00')).toBeNaN();
    expect(parseIbDateTime('yesterday')).toBeNaN();
  });

  it('writes unset doubles as Java Double.MAX_VALUE', () => {
    expect(optDouble(null)).toBe(UNSET_DOUBLE);
    expect(optDouble(Number.NaN)).toBe(UNSET_DOUBLE);
    expect(optDouble(1.5)).toBe(1.5);
    expect(Number.parseFloat(UNSET_DOUBLE)).toBe(Number.MAX_VALUE);
  });
});
