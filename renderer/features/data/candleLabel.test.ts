import { describe, expect, it } from 'vitest';
import { candleLabel } from './candleLabel';

describe('candleLabel', () => {
  it('says what one candle holds, counting merged bars in the bar size’s unit', () => {
    expect(candleLabel('1d', 1)).toBe('1 candle = 1 day');
    expect(candleLabel('1d', 5)).toBe('1 candle = 5 days');
    expect(candleLabel('5m', 3)).toBe('1 candle = 15 minutes');
    expect(candleLabel('1w', 2)).toBe('1 candle = 2 weeks');
    expect(candleLabel('3mo', 1)).toBe('1 candle = 3 months');
    expect(candleLabel('1m', 1500)).toBe('1 candle = 1,500 minutes');
  });

  it('counts bars of a size it cannot put in words', () => {
    expect(candleLabel('tick', 1)).toBe('1 candle = 1 tick bar');
    expect(candleLabel('tick', 40)).toBe('1 candle = 40 tick bars');
  });
});
