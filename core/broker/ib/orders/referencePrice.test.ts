import { describe, expect, it } from 'vitest';
import { referencePriceOf, slippageOf } from './referencePrice';

describe('referencePriceOf', () => {
  const q = { bid: 99.5, ask: 100.5, last: 100, delayed: false };
  it('takes the side of the quote the order meets, else the last price, else none', () => {
    expect(referencePriceOf('BUY', q)).toBe(100.5);
    expect(referencePriceOf('SELL', q)).toBe(99.5);
    expect(referencePriceOf('SELL', { ...q, bid: null })).toBe(100);
    expect(referencePriceOf('BUY', { ...q, ask: null, last: null })).toBeNull();
    expect(referencePriceOf('BUY', null)).toBeNull();
  });
});

describe('slippageOf', () => {
  it('costs a buy above its reference and a sell below it, and credits the opposite', () => {
    expect(slippageOf(100, 'BUY', 100.25, 4)).toEqual({ referencePrice: 100, slippage: 1 });
    expect(slippageOf(100, 'SELL', 99.75, 4)).toEqual({ referencePrice: 100, slippage: 1 });
    expect(slippageOf(100, 'BUY', 93, 5)).toEqual({ referencePrice: 100, slippage: -35 });
  });
  it('without a reference the fill is its own, with no slippage', () => {
    expect(slippageOf(null, 'BUY', 93, 5)).toEqual({ referencePrice: 93, slippage: 0 });
  });
});
